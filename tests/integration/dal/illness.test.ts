import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPolarClient, createRateGovernor, type PolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import { ILLNESS_NIGHTS } from "@/lib/polar-sim/generator/roster";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { getDailySeries } from "@/lib/dal/daily";
import { syncAthlete, type SyncDeps } from "@/lib/sync";
import { CLIENT_ID, CLIENT_SECRET, connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";

/**
 * The simulator's illness-like athlete ("priya": a week of high nightly HR and low HRV on nights 90–96 while her
 * training plan stays the same), through real OAuth and the real sync, read back through the daily API's DAL:
 * the physiology must be flagged on its own, explained as strain without high training load, and never raised
 * to the level that needs load and physiology together (metrics.md §10.3).
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;

const START_DATE = "2026-01-05";
const SYNC_STEPS = [25, 50, 75, 100, 115];

let sim: Sim;
let testDb: TestDb;
let viewer: Viewer;

function createClient(): PolarClient {
  let skipped = 0;
  return createPolarClient({
    apiBaseUrl: sim.url,
    tokenUrl: `${sim.url}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    maxRetries: 5,
    maxRateLimitRetries: 10,
    sleep: async () => undefined,
    governor: createRateGovernor({
      now: () => Date.now() + skipped,
      sleep: async (ms) => {
        skipped += ms;
      },
    }),
  });
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, startDate: START_DATE });
  // The simulator's 15-minute rate window runs on its frozen clock: lift it, this test is not about limits.
  await fetch(`${sim.url}/__admin/switches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 }),
  });
  testDb = createTestDb("dal-illness");
  const polar = createClient();
  const athlete = await connectAthlete(sim.url, polar, testDb.db, "priya", sim.clock.now());
  viewer = { userId: athlete.userId, polarUserId: athlete.polarUserId, name: "priya" };
  const deps: SyncDeps = { db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY, now: () => sim.clock.now() };
  let day = 0;
  for (const step of SYNC_STEPS) {
    sim.clock.advance((step - day) * DAY_MS);
    day = step;
    const result = await syncAthlete(deps, athlete.userId, { trigger: "cli", now: sim.clock.now() });
    expect(result.status).toBe("succeeded");
  }
}, 300_000);

afterAll(async () => {
  testDb?.close();
  await sim?.close();
});

describe("the illness-like dip", () => {
  it("raises a physiology-only flag with its context, never the load-and-physiology level", () => {
    const series = getDailySeries(
      testDb.db,
      viewer,
      "me",
      { from: addDays(START_DATE, 40), to: addDays(START_DATE, 110) },
      { now: sim.clock.now() },
    );
    const illness = series.points.filter(
      (point) => point.date >= addDays(START_DATE, ILLNESS_NIGHTS.fromDay) && point.date <= addDays(START_DATE, ILLNESS_NIGHTS.toDay + 3),
    );
    expect(illness.length).toBe(ILLNESS_NIGHTS.toDay + 3 - ILLNESS_NIGHTS.fromDay + 1);

    const flagged = illness.filter((point) => point.risk.physio > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const point of flagged) {
      expect(point.risk.reasons.some((reason) => reason.category === "physio")).toBe(true);
      expect(point.risk.reasons.some((reason) => reason.category === "load")).toBe(false);
      expect(point.risk.context).toMatch(/without high training load/);
    }
    // The top level needs a load signal too: her unchanged training never supplies one.
    expect(series.points.filter((point) => point.risk.level === "high")).toEqual([]);
  });
});
