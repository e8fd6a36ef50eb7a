import { expect } from "vitest";
import { createPolarClient, createRateGovernor, type PolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import type { Viewer } from "@/lib/auth/session";
import { syncAthlete, type SyncDeps } from "@/lib/sync";
import { CLIENT_ID, CLIENT_SECRET, connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";

export type Sim = Awaited<ReturnType<typeof startSimulator>>;

export type StoryAthlete = { sim: Sim; testDb: TestDb; viewer: Viewer; close(): Promise<void> };

/** A client whose rate-limit waits skip ahead instead of sleeping: these tests are not about limits. */
function createClient(sim: Sim): PolarClient {
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

/**
 * One of the simulator's story athletes, the honest way: real OAuth, then the real sync on each of `syncDays`
 * (days after `startDate`, moving the simulator's clock forward), into a fresh SQLite file.
 */
export async function syncStoryAthlete(login: string, startDate: string, syncDays: readonly number[]): Promise<StoryAthlete> {
  const sim = await startSimulator({ port: 0, startDate });
  // The simulator's 15-minute rate window runs on its frozen clock: lift it.
  await fetch(`${sim.url}/__admin/switches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 }),
  });
  const testDb = createTestDb(`dal-${login}`);
  const polar = createClient(sim);
  const athlete = await connectAthlete(sim.url, polar, testDb.db, login, sim.clock.now());
  const viewer: Viewer = { userId: athlete.userId, polarUserId: athlete.polarUserId, name: login };
  const deps: SyncDeps = { db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY, now: () => sim.clock.now() };
  let day = 0;
  for (const step of syncDays) {
    sim.clock.advance((step - day) * DAY_MS);
    day = step;
    const result = await syncAthlete(deps, athlete.userId, { trigger: "cli", now: sim.clock.now() });
    expect(result.status).toBe("succeeded");
  }
  return {
    sim,
    testDb,
    viewer,
    async close() {
      testDb.close();
      await sim.close();
    },
  };
}
