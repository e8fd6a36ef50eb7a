import { runBundledChild } from "@/tests/fixtures/child-process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete } from "@/lib/sync";
import { connectAthlete, createSimClient, createTestDb, DAY_MS, snapshotAthlete, TEST_TOKEN_KEY, type TestDb } from "./support/harness";
import { computeGroundTruth, readStoredTruth } from "./support/truth";

/**
 * Crash safety (design §3): a sync process SIGKILLed at many points of a large sync, then one clean sync,
 * leaves the database equal to the simulator's ground truth — nothing missing, nothing doubled — and equal in
 * content to a reference database filled by one uninterrupted sync of an identical simulator.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;

const CHILD = path.join(process.cwd(), "tests/integration/sync/support/crash-child.ts");
const LOGIN = "maria";
const HISTORY_DAYS = 14;
/** Every local date of the history and a few either side (the simulator's history starts 2026-01-05). */
const HIDDEN_DATES = Array.from({ length: HISTORY_DAYS + 6 }, (_, i) => new Date(Date.UTC(2026, 0, 3 + i)).toISOString().slice(0, 10));
/** Kill points: after the k-th HTTP response of each child run. */
const KILL_POINTS = [1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 37, 45, 2, 6, 3, 8, 5, 4, 9, 7];

let crashedSim: Sim;
let referenceSim: Sim;
const dbs: TestDb[] = [];
const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), "threshold-crash-child-"));
const bundle = path.join(bundleDir, "crash-child.cjs");

beforeAll(async () => {
  // One bundle for the 22 child processes: starting each through tsx would cost seconds apiece on a loaded
  // machine. esbuild resolves the `@/` alias from tsconfig.json; the native SQLite binding stays external.
  await build({
    entryPoints: [CHILD],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: bundle,
    external: ["better-sqlite3"],
    logLevel: "warning",
  });
  // Two simulators with the same seed and clock: one is crashed into, the other gives the reference.
  [crashedSim, referenceSim] = await Promise.all([startSimulator({ port: 0 }), startSimulator({ port: 0 })]);
  // 22 partial runs on a frozen simulator clock would exhaust the 15-minute window: lift the limits. The daily
  // activity list shows none of the days, so the activity transactions deliver them item by item: a sync long
  // enough to be killed inside its transactions at every kill point.
  for (const sim of [crashedSim, referenceSim]) {
    await fetch(`${sim.url}/__admin/switches`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000, activityListHiddenDates: HIDDEN_DATES }),
    });
  }
});

afterAll(async () => {
  for (const db of dbs) db.close();
  fs.rmSync(bundleDir, { recursive: true, force: true });
  await Promise.all([crashedSim.close(), referenceSim.close()]);
});

function runChild(env: Record<string, string>) {
  return runBundledChild(bundle, env);
}

describe("crash safety", () => {
  it(`SIGKILLed at ${KILL_POINTS.length} points, then one clean sync: the database equals the ground truth`, async () => {
    const crashedDb = createTestDb("crash");
    const referenceDb = createTestDb("reference");
    dbs.push(crashedDb, referenceDb);
    const crashedClient = createSimClient(crashedSim.url);
    const referenceClient = createSimClient(referenceSim.url);
    const crashed = await connectAthlete(crashedSim.url, crashedClient, crashedDb.db, LOGIN, crashedSim.clock.now());
    const reference = await connectAthlete(referenceSim.url, referenceClient, referenceDb.db, LOGIN, referenceSim.clock.now());
    crashedSim.clock.advance(HISTORY_DAYS * DAY_MS);

    let kills = 0;
    for (const [index, killAfter] of KILL_POINTS.entries()) {
      const outcome = await runChild({
        SIM_URL: crashedSim.url,
        SYNC_DB: crashedDb.file,
        ATHLETE_ID: crashed.userId,
        SIM_NOW: String(crashedSim.clock.now()),
        KILL_AFTER: String(killAfter),
      });
      if (outcome.signal === "SIGKILL") kills += 1;
      // Now and then let open transactions expire, as a real restart minutes later would.
      if (index % 5 === 4) crashedSim.clock.advance(11 * 60_000);
    }
    expect(kills).toBeGreaterThanOrEqual(20);

    // One clean sync after every open transaction has expired.
    crashedSim.clock.advance(11 * 60_000);
    const elapsed = crashedSim.clock.now() - referenceSim.clock.now();
    const clean = await syncAthlete(
      { db: crashedDb.db, polar: crashedClient, tokenKey: TEST_TOKEN_KEY },
      crashed.userId,
      { trigger: "cli", now: crashedSim.clock.now() },
    );
    expect(clean.status).toBe("succeeded");

    const truth = await computeGroundTruth(crashedSim, crashed.polarUserId, crashedSim.clock.now(), { activityListHiddenDates: HIDDEN_DATES });
    expect(truth.exerciseKeys.length).toBeGreaterThanOrEqual(10);
    expect(truth.activityDates.length).toBeGreaterThanOrEqual(10);
    expect(readStoredTruth(crashedDb.db, crashed.userId)).toEqual(truth);

    referenceSim.clock.advance(elapsed);
    const uninterrupted = await syncAthlete(
      { db: referenceDb.db, polar: referenceClient, tokenKey: TEST_TOKEN_KEY },
      reference.userId,
      { trigger: "cli", now: referenceSim.clock.now() },
    );
    expect(uninterrupted.status).toBe("succeeded");
    const crashedSnapshot = snapshotAthlete(crashedDb.db, crashed.userId);
    const referenceSnapshot = snapshotAthlete(referenceDb.db, reference.userId);
    expect(crashedSnapshot.counts).toEqual(referenceSnapshot.counts);
    expect(crashedSnapshot.hashes).toEqual(referenceSnapshot.hashes);
  }, 150_000);
});
