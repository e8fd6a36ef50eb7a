import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete } from "@/lib/sync";
import { connectAthlete, createSimClient, createTestDb, DAY_MS, TEST_TOKEN_KEY } from "./support/harness";

/**
 * Issue 13 §7: Jordan (UTC−5) records body data around 19:00 local = 00:xx UTC the next day. On the first
 * sync physical info is stored before any night or session tells the offset; it must still end up on the
 * local day it was created.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});

afterAll(async () => {
  await sim.close();
});

describe("physical info on a first sync", () => {
  it("is dated by the athlete's local day, not UTC's", async () => {
    const testDb = createTestDb("physical");
    try {
      const polar = createSimClient(sim.url);
      const athlete = await connectAthlete(sim.url, polar, testDb.db, "jordan", sim.clock.now());
      sim.clock.advance(3 * DAY_MS);
      const run = await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: sim.clock.now() });
      expect(run.status).toBe("succeeded");
      const uploads = sim.dataset.athlete(athlete.polarUserId)?.uploadsBetween(0, sim.clock.now() + 1) ?? [];
      const truth = uploads.flatMap((u) => (u.kind === "physical-info" ? [[u.id, u.date]] : []));
      expect(truth.length).toBeGreaterThan(0);
      // The UTC date of these entries is the next day: the trap the test is about.
      for (const upload of uploads) {
        if (upload.kind === "physical-info") expect(new Date(upload.uploadedAt).toISOString().slice(0, 10)).not.toBe(upload.date);
      }
      const stored = testDb.db.$client
        .prepare("SELECT polar_physical_info_id, local_date FROM physical_info WHERE athlete_id = ? ORDER BY 1")
        .raw()
        .all(athlete.userId);
      expect(stored).toEqual(truth);
    } finally {
      testDb.close();
    }
  });
});
