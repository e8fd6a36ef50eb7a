import { runBundledChild } from "@/tests/fixtures/child-process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncBackfills } from "@/db/schema";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete } from "@/lib/sync";
import { BACKFILL_SWITCHES, computeBackfillTruth, readBackfilled } from "./support/backfill-truth";
import { connectAthlete, createSimClient, createTestDb, TEST_TOKEN_KEY, type TestDb } from "./support/harness";

/**
 * Issue 13 §4: an athlete who used the watch for half a year before connecting. The first syncs read back
 * as far as Polar serves each type; a backfill SIGKILLed at many points resumes, ends complete, and never
 * asks again for a day it already stored.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;

const CHILD = path.join(process.cwd(), "tests/integration/sync/support/crash-child.ts");
/** Half a year of history (from 2026-01-05) before registering. */
const CLOCK_START = "2026-07-06T09:00:00Z";
const LOGIN = "aino";
/** After the ~8 requests of the incremental part, each child gets a few backfill answers in before its kill. */
const KILL_POINTS = [10, 11, 12, 14, 16, 18, 11, 13, 20, 15, 12, 22];

let sim: Sim;
const dbs: TestDb[] = [];
const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), "threshold-backfill-child-"));
const bundle = path.join(bundleDir, "crash-child.cjs");

async function openSim(): Promise<Sim> {
  const started = await startSimulator({ port: 0, clockStart: CLOCK_START });
  const response = await fetch(`${started.url}/__admin/switches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(BACKFILL_SWITCHES),
  });
  if (!response.ok) throw new Error(`switches: ${response.status}`);
  return started;
}

beforeAll(async () => {
  await build({ entryPoints: [CHILD], bundle: true, platform: "node", format: "cjs", outfile: bundle, external: ["better-sqlite3"], logLevel: "warning" });
  sim = await openSim();
});

afterAll(async () => {
  for (const db of dbs) db.close();
  fs.rmSync(bundleDir, { recursive: true, force: true });
  await sim.close();
});

function runChild(env: Record<string, string>) {
  return runBundledChild(bundle, env);
}

type LogEntry = { seq: number; path: string; status: number };

async function readLog(since: number): Promise<LogEntry[]> {
  return (await (await fetch(`${sim.url}/__admin/requests?since=${since}`)).json()) as LogEntry[];
}

/** Requests of the backfill (by date, or ranges ending before the window every run reconciles) that brought data. */
function isBackfillData(entry: LogEntry, windowStart: string): boolean {
  if (entry.status !== 200) return false;
  if (/\/v3\/users\/(sleep|nightly-recharge)\/\d{4}-\d{2}-\d{2}$/.test(entry.path)) return true;
  const to = /[?&]to=(\d{4}-\d{2}-\d{2})/.exec(entry.path)?.[1];
  return to !== undefined && to < windowStart;
}

/** The backfill's chain a request belongs to: one per type, sleep and Nightly Recharge together. */
function chainOf(path: string): string {
  const type = /^\/v3\/users\/([a-z-]+)/.exec(path)?.[1] ?? path;
  return type === "nightly-recharge" ? "sleep" : type;
}

describe("history backfill", () => {
  it("reads every type back as far as Polar serves it, and a second sync asks for none of it again", async () => {
    const own = await openSim();
    const testDb = createTestDb("backfill");
    dbs.push(testDb);
    try {
      const polar = createSimClient(own.url);
      const athlete = await connectAthlete(own.url, polar, testDb.db, LOGIN, own.clock.now());
      own.clock.advance(3_600_000);
      const first = await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: own.clock.now() });
      expect(first.status).toBe("succeeded");
      expect(testDb.db.select().from(syncBackfills).all().every((state) => state.done)).toBe(true);
      const truth = computeBackfillTruth(own, athlete.polarUserId);
      expect(truth.sleep.length).toBeGreaterThan(50);
      expect(truth.cardioLoad.length).toBeGreaterThan(150);
      expect(readBackfilled(testDb.db, athlete.userId, own, athlete.polarUserId)).toEqual(truth);

      const before = (await (await fetch(`${own.url}/__admin/requests`)).json()) as LogEntry[];
      own.clock.advance(3_600_000);
      const second = await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: own.clock.now() });
      expect(second.status).toBe("succeeded");
      const after = (await (await fetch(`${own.url}/__admin/requests?since=${before.length}`)).json()) as LogEntry[];
      expect(after.filter((entry) => /\/v3\/users\/(sleep|nightly-recharge)\/\d/.test(entry.path))).toEqual([]);
      expect(second.errors).toEqual([]);
    } finally {
      await own.close();
    }
  }, 120_000);

  it(`SIGKILLed at ${KILL_POINTS.length} points, resumes and ends complete without asking twice for stored data`, async () => {
    const testDb = createTestDb("backfill-crash");
    dbs.push(testDb);
    const polar = createSimClient(sim.url);
    const athlete = await connectAthlete(sim.url, polar, testDb.db, LOGIN, sim.clock.now());
    sim.clock.advance(3_600_000);
    const windowStart = new Date(sim.clock.now() + 14 * 3_600_000 - 27 * 86_400_000).toISOString().slice(0, 10);

    const asked = new Map<string, number>();
    let seq = (await readLog(0)).length;
    let kills = 0;
    for (const [run, killAfter] of KILL_POINTS.entries()) {
      const outcome = await runChild({ SIM_URL: sim.url, SYNC_DB: testDb.file, ATHLETE_ID: athlete.userId, SIM_NOW: String(sim.clock.now()), KILL_AFTER: String(killAfter) });
      if (outcome.signal === "SIGKILL") kills += 1;
      const log = await readLog(seq);
      seq += log.length;
      // The types are read side by side, each one request at a time: the last answer of each type before a
      // kill may not have been stored yet, and asking for it again is right.
      const lastOfChain = new Map<string, number>();
      log.forEach((entry, index) => lastOfChain.set(chainOf(entry.path), index));
      log.forEach((entry, index) => {
        if (!isBackfillData(entry, windowStart)) return;
        const unstored = outcome.signal === "SIGKILL" && lastOfChain.get(chainOf(entry.path)) === index;
        const previous = asked.get(entry.path);
        expect(previous, `${entry.path} asked again after run ${previous}`).toBeUndefined();
        if (!unstored) asked.set(entry.path, run);
      });
    }
    expect(kills).toBeGreaterThanOrEqual(10);

    const clean = await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: sim.clock.now() });
    expect(clean.status).toBe("succeeded");
    for (const entry of await readLog(seq)) {
      if (isBackfillData(entry, windowStart)) expect(asked.has(entry.path), `${entry.path} asked again`).toBe(false);
    }
    expect(testDb.db.select().from(syncBackfills).all().every((state) => state.done)).toBe(true);
    expect(readBackfilled(testDb.db, athlete.userId, sim, athlete.polarUserId)).toEqual(computeBackfillTruth(sim, athlete.polarUserId));
  }, 300_000);
});
