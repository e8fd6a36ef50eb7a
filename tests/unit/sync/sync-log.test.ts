import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listSyncHistory } from "@/lib/dal/sync-history";
import { collapseRepeatedFailures, parseSyncLogPage } from "@/lib/dal/sync-log";
import { addAthlete, addFinishedRun, createTestDb, type TestDb } from "./support";

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const HOUR = 3_600_000;
const REVOKED = [{ resource: "run", code: "reconnect_needed", message: "Polar no longer accepts Threshold's access." }];

describe("sync log: repeated failures and pages", () => {
  let unit: TestDb;
  beforeEach(() => {
    unit = createTestDb();
    addAthlete(unit.db, { id: "sofia", polarUserId: 1 });
  });
  afterEach(() => unit.close());

  it("forty identical failures are one entry with a count and a span; a success or another error breaks the streak", () => {
    addFinishedRun(unit.db, { id: "ok", athleteId: "sofia", status: "succeeded", startedAt: NOW - 100 * HOUR, finishedAt: NOW - 100 * HOUR + 1000 });
    for (let i = 0; i < 40; i += 1) {
      const startedAt = NOW - (60 - i) * HOUR;
      addFinishedRun(unit.db, { id: `f${i}`, athleteId: "sofia", status: "failed", startedAt, finishedAt: startedAt + 500, errors: REVOKED });
    }
    const other = [{ resource: "run", code: "consents_needed", message: "Polar needs consents." }];
    addFinishedRun(unit.db, { id: "consents", athleteId: "sofia", status: "failed", startedAt: NOW - HOUR, finishedAt: NOW - HOUR + 500, errors: other });

    const entries = collapseRepeatedFailures(listSyncHistory(unit.db, "sofia", 100));
    expect(entries.map((entry) => [entry.run.runId, entry.repeats])).toEqual([
      ["consents", 1],
      ["f39", 40],
      ["ok", 1],
    ]);
    expect(entries[1]?.oldestStartedAt).toBe(NOW - 60 * HOUR);
    expect(entries[1]?.run.startedAt).toBe(NOW - 21 * HOUR);
  });

  it("pages the runs newest first without gaps or repeats", () => {
    for (let i = 0; i < 7; i += 1) {
      addFinishedRun(unit.db, { id: `r${i}`, athleteId: "sofia", status: "succeeded", startedAt: NOW - i * HOUR, finishedAt: NOW - i * HOUR + 1 });
    }
    const pages = [0, 3, 6].map((offset) => listSyncHistory(unit.db, "sofia", 3, offset).map((run) => run.runId));
    expect(pages).toEqual([["r0", "r1", "r2"], ["r3", "r4", "r5"], ["r6"]]);
  });

  it.each([
    [undefined, 1],
    ["3", 3],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["abc", 1],
  ])("page %s → %i", (input, expected) => {
    expect(parseSyncLogPage(input)).toBe(expected);
  });
});
