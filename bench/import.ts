/**
 * `npm run bench:import`: imports a generated multi-year "Download your data" archive (≥ 200 MB) into a fresh
 * database and prints sessions/s, MB/s and peak RSS, and the ratio of the import's time to a floor that only
 * unzips and parses the same entries (no database). Each measurement runs in its own process, so each peak RSS
 * is its own. Targets (issue 15): peak RSS < 300 MB; ratio ≤ 2.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { importArchive } from "@/lib/import";
import { parseExportJson } from "@/lib/import/json";
import { openArchive } from "@/lib/import/zip";
import { writePolarExport } from "@/lib/polar-sim/export";

const LIMITS = { maxUncompressedBytes: 64 * 1024 ** 3, maxEntries: 1_000_000, maxRatio: 200 };
const MIN_ARCHIVE_BYTES = 200 * 1024 ** 2;

/** `cpuMs`: user + system CPU of the whole process over the measurement, the zip threads' inflating included. */
type ChildResult = { ms: number; cpuMs: number; maxRssMb: number; sessions: number; entries: number; uncompressedBytes: number };

type Started = { wall: number; cpu: NodeJS.CpuUsage };

function start(): Started {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}

async function runFloor(archivePath: string): Promise<ChildResult> {
  const started = start();
  const archive = await openArchive(archivePath, LIMITS);
  let sessions = 0;
  for (const entry of archive.entries) {
    if (!entry.basename.endsWith(".json")) continue;
    parseExportJson(await archive.readText(entry));
    if (entry.basename.startsWith("training-session")) sessions++;
  }
  archive.close();
  return finish(started, sessions, archive.entries.length, archive.totalUncompressedBytes);
}

async function runImport(archivePath: string, dbPath: string): Promise<ChildResult> {
  const db = openDatabase(dbPath);
  db.insert(users).values({ id: "bench-athlete", name: "Bench" }).run();
  const started = start();
  const view = await importArchive({ db, limits: LIMITS }, "bench-athlete", { path: archivePath }, "cli");
  if (view.status !== "done") throw new Error(`import ${view.status}: ${view.error ?? ""}`);
  const archive = await openArchive(archivePath, LIMITS);
  archive.close();
  db.$client.close();
  return finish(started, view.summary.types.sessions.imported, archive.entries.length, archive.totalUncompressedBytes);
}

function finish(started: Started, sessions: number, entries: number, uncompressedBytes: number): ChildResult {
  const cpu = process.cpuUsage(started.cpu);
  // maxRSS is in KiB, CPU times in µs.
  return { ms: performance.now() - started.wall, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, sessions, entries, uncompressedBytes };
}

function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/import.ts", ...args], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`bench child failed (${code})`))));
  });
}

async function main(): Promise<void> {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode === "--floor") return void process.stdout.write(JSON.stringify(await runFloor(rest[0])));
  if (mode === "--import") return void process.stdout.write(JSON.stringify(await runImport(rest[0], rest[1])));

  const years = Number(process.env.BENCH_IMPORT_YEARS ?? 7);
  const dir = mkdtempSync(join(tmpdir(), "threshold-bench-import-"));
  try {
    const archivePath = join(dir, "polar-user-data-export_bench.zip");
    const days = years * 365;
    console.log(`Generating a ${years}-year archive (maria, current format)…`);
    const t0 = performance.now();
    await writePolarExport({ seed: 42, startDate: "2020-01-06", days, login: "maria", format: "current", historyDaysBefore: 0 }, archivePath, 1);
    const archiveBytes = statSync(archivePath).size;
    console.log(`  ${(archiveBytes / 1024 ** 2).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    if (archiveBytes < MIN_ARCHIVE_BYTES) throw new Error(`archive is ${(archiveBytes / 1024 ** 2).toFixed(0)} MB; raise BENCH_IMPORT_YEARS`);

    const floor = await runChild(["--floor", archivePath]);
    const full = await runChild(["--import", archivePath, join(dir, "bench.db")]);
    const mb = full.uncompressedBytes / 1024 ** 2;
    const seconds = full.ms / 1000;
    console.log(`\nArchive: ${(archiveBytes / 1024 ** 2).toFixed(0)} MB zipped, ${mb.toFixed(0)} MB of JSON, ${full.entries} entries, ${full.sessions} sessions`);
    console.log(`Floor (unzip + JSON.parse, no database): ${(floor.ms / 1000).toFixed(1)} s, peak RSS ${floor.maxRssMb.toFixed(0)} MB`);
    console.log(`Import: ${seconds.toFixed(1)} s — ${(full.sessions / seconds).toFixed(1)} sessions/s, ${(mb / seconds).toFixed(1)} MB/s of JSON (${(archiveBytes / 1024 ** 2 / seconds).toFixed(1)} MB/s of archive), peak RSS ${full.maxRssMb.toFixed(0)} MB`);
    console.log(`Ratio import ÷ floor: ${(full.ms / floor.ms).toFixed(2)} (target ≤ 2); peak RSS target < 300 MB`);
    // On a shared machine the wall times move with the other processes' load; CPU time much less.
    console.log(`CPU time: floor ${(floor.cpuMs / 1000).toFixed(1)} s, import ${(full.cpuMs / 1000).toFixed(1)} s, ratio ${(full.cpuMs / floor.cpuMs).toFixed(2)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
