import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ImportedSession } from "@/lib/import/model";
import { createEmptySummary, planEntries, readEntries, type ImportSink, type ImportSummary } from "@/lib/import/read";
import { openArchive, type ImportLimits } from "@/lib/import/zip";
import { findExportModel, listExportEntries, writeExportEntries, writePolarExport, type ExportFormat } from "@/lib/polar-sim/export";

const dir = mkdtempSync(join(tmpdir(), "import-archive-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LIMITS: ImportLimits = { maxUncompressedBytes: 1024 ** 3, maxEntries: 10_000, maxRatio: 200 };
const DATASET = { seed: 42, startDate: "2025-01-06", days: 20 };

type Collected = { summary: ImportSummary; sessions: ImportedSession[]; days: string[]; nights: string[] };

async function importFile(path: string, limits = LIMITS): Promise<Collected> {
  const sessions: ImportedSession[] = [];
  const days: string[] = [];
  const nights: string[] = [];
  const imported = { status: "imported" } as const;
  const sink: ImportSink = {
    session: (item) => (sessions.push(item), imported),
    activity: (item) => (days.push(item.localDate), imported),
    sleep: (item) => (nights.push(item.localDate), imported),
    recharge: () => imported,
    heartRateDay: () => imported,
    physicalInfo: () => imported,
  };
  const archive = await openArchive(path, limits);
  const summary = createEmptySummary();
  try {
    await readEntries(archive, planEntries(archive, summary), sink, summary);
  } finally {
    archive.close();
  }
  return { summary, sessions, days, nights };
}

async function exportArchive(format: ExportFormat, historyDaysBefore: number): Promise<string> {
  const path = join(dir, `${format}-${historyDaysBefore}.zip`);
  await writePolarExport({ ...DATASET, login: "aino", format, historyDaysBefore }, path);
  return path;
}

describe("simulator archive → importer", () => {
  it("reads every session of both formats alike, skips plans and lists unknown files", async () => {
    const model = findExportModel(DATASET, "aino");
    const expected: number[] = [];
    for (let day = model.historyStartDay - 10; day < DATASET.days; day++) {
      for (const session of model.getDayPlan(day).sessions) if (session.endUtc < model.historyEndUtc) expected.push(session.startUtc);
    }
    const current = await importFile(await exportArchive("current", 10));
    const legacy = await importFile(await exportArchive("legacy", 10));
    for (const result of [current, legacy]) {
      expect(result.sessions.map((s) => s.startUtcMs)).toEqual(expected);
      expect(result.summary.types.sessions.quarantined).toEqual([]);
      expect(result.summary.types.sessions.imported).toBe(expected.length);
      expect(result.days).toHaveLength(30);
      expect(result.summary.unknownEntries).toEqual([expect.stringMatching(/^wellness-insights-/)]);
      expect(result.summary.skippedEntries["planned workout (training target), not a recording"]).toBeGreaterThan(0);
      expect(result.summary.types.physicalInfo.imported).toBeGreaterThan(0);
      expect(result.nights.length).toBeGreaterThan(20);
    }
    // Same session, two formats: same numbers.
    const pick = (s: ImportedSession) => [s.startUtcMs, s.durationSeconds, s.sport, s.detailedSport, s.avgHr, s.maxHr, s.calories, s.samples[0]?.values.length ?? 0];
    expect(legacy.sessions.map(pick)).toEqual(current.sessions.map(pick));
    expect(current.sessions.some((s) => s.samples[0]?.values.includes(null))).toBe(true);
    // Every session of the export is older than the athlete's first served day or inside the served span.
    expect(current.sessions[0].startUtcMs).toBeLessThan(model.toUtcAt(model.historyStartDay, 0));
  });

  it("quarantines a file that does not parse, with its name and error, and goes on", async () => {
    const entries = [...listExportEntries({ ...DATASET, days: 4, login: "aino", format: "current", historyDaysBefore: 0 })];
    const path = join(dir, "broken.zip");
    await writeExportEntries(
      [
        { name: "training-session-2025-01-01T10:00:00-1-x.json", text: '{"identifier":{"id":"1"},"startTime":' },
        { name: "activity-2025-01-01-x.json", text: '{"date":"yesterday"}' },
        ...entries,
      ],
      path,
    );
    const result = await importFile(path);
    expect(result.summary.types.sessions.quarantined).toEqual([
      { entry: "training-session-2025-01-01T10:00:00-1-x.json", error: expect.stringMatching(/^invalid JSON/) },
    ]);
    expect(result.summary.types.activity.quarantined).toEqual([{ entry: "activity-2025-01-01-x.json", error: expect.stringMatching(/date/) }]);
    expect(result.days).toHaveLength(4);
  });
});

describe("bad archives fail before anything is read", () => {
  const expectBadRequest = async (path: string, limits: ImportLimits, message: RegExp) => {
    const error = await openArchive(path, limits).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("bad_request");
    expect((error as AppError).message).toMatch(message);
  };

  it("a file that is not a zip", async () => {
    const path = join(dir, "not.zip");
    writeFileSync(path, "this is a CSV, not a zip\n1,2,3\n");
    await expectBadRequest(path, LIMITS, /not a readable zip/);
  });

  it("a truncated zip", async () => {
    const whole = readFileSync(await exportArchive("current", 0));
    const path = join(dir, "truncated.zip");
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectBadRequest(path, LIMITS, /not a readable zip|damaged or truncated/);
  });

  it("a zip bomb: ratio, total size and entry count", async () => {
    const path = join(dir, "bomb.zip");
    writeFileSync(path, zipSync({ "activity-2025-01-01-x.json": new Uint8Array(20 * 1024 * 1024) }, { level: 9 }));
    await expectBadRequest(path, LIMITS, /compressed more than 200:1/);
    await expectBadRequest(path, { ...LIMITS, maxRatio: 1e9, maxUncompressedBytes: 10 * 1024 * 1024 }, /unpacks to more than/);
    const many = join(dir, "many.zip");
    writeFileSync(many, zipSync(Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}.json`, new Uint8Array(1)]))));
    await expectBadRequest(many, { ...LIMITS, maxEntries: 10 }, /20 entries; at most 10/);
  });
});

describe("the simulator's archive", () => {
  it("is byte-identical for the same options", async () => {
    const options = { ...DATASET, days: 5, login: "jordan", format: "legacy" as const, historyDaysBefore: 3 };
    const a = join(dir, "same-a.zip");
    const b = join(dir, "same-b.zip");
    await writePolarExport(options, a);
    await writePolarExport(options, b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });
});
