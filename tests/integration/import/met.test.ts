import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { dailyActivities, dailyActivityMets } from "@/db/schema";
import { importArchive } from "@/lib/import";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete } from "@/lib/sync";
import { unpackPairs } from "@/lib/sync/pack";
import { connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";
import { createFastClient, exportFromSim, LIFTED_LIMITS, postAdmin, TEST_IMPORT_LIMITS, type Sim } from "./support/harness";

/**
 * The archive's MET samples (AccessLink serves none) are stored beside each day's activity row, as `export`,
 * on days whose summary came from the API too, without touching that summary; again and again the same.
 */

let sim: Sim;
let testDb: TestDb;
const files: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, startDate: "2026-01-05", days: 30 });
  await postAdmin(sim, "/switches", LIFTED_LIMITS);
  testDb = createTestDb("import-met");
});

afterAll(async () => {
  testDb?.close();
  for (const file of files) rmSync(file, { force: true });
  await sim.close();
});

describe("MET samples from the archive", () => {
  it("are stored per day as export, beside API summaries left as they were, and re-imports change nothing", async () => {
    const polar = createFastClient(sim.url);
    const { userId, polarUserId } = await connectAthlete(sim.url, polar, testDb.db, "aino", sim.clock.now());
    sim.clock.advance(8 * DAY_MS);
    expect((await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, userId, { trigger: "cli" })).status).toBe("succeeded");
    const activity = () => testDb.db.select().from(dailyActivities).where(eq(dailyActivities.athleteId, userId)).all();
    const mets = () => testDb.db.select().from(dailyActivityMets).where(eq(dailyActivityMets.athleteId, userId)).all();
    const apiBefore = activity().filter((row) => row.source === "api");
    expect(apiBefore.length).toBeGreaterThan(3);

    const archive = await exportFromSim(sim, polarUserId, 20);
    files.push(archive);
    const first = await importArchive({ db: testDb.db, limits: TEST_IMPORT_LIMITS }, userId, { path: archive }, "cli");
    expect(first.status).toBe("done");

    const days = activity();
    const stored = mets();
    // Every day of the archive has its MET samples, about one a minute, on that day's activity row.
    expect(stored.length).toBe(first.summary.types.activity.imported + first.summary.types.activity.present);
    expect(stored.length).toBeGreaterThan(20);
    const byId = new Map(days.map((row) => [row.id, row]));
    for (const row of stored) {
      expect(row).toMatchObject({ source: "export", archiveName: expect.stringMatching(/\.zip$/), entryName: expect.stringMatching(/^activity-/) });
      expect(byId.get(row.dailyActivityId)?.localDate).toBe(row.localDate);
      const samples = unpackPairs(row.samples);
      expect(samples).toHaveLength(row.sampleCount);
      expect(samples.some(([, met]) => met !== null && met > 0)).toBe(true);
    }
    // The API's summaries are untouched, and their days have MET samples too.
    expect(days.filter((row) => row.source === "api")).toEqual(apiBefore);
    const apiIds = new Set(apiBefore.map((row) => row.id));
    expect(stored.filter((row) => apiIds.has(row.dailyActivityId))).toHaveLength(apiBefore.length);

    // Again: nothing new, nothing rewritten.
    const again = await importArchive({ db: testDb.db, limits: TEST_IMPORT_LIMITS }, userId, { path: archive }, "cli");
    expect(again.summary.types.activity.imported).toBe(0);
    expect(mets()).toEqual(stored);

    // A later sync replaces imported summaries with the API's copies; the MET samples stay with their day.
    sim.clock.advance(DAY_MS);
    expect((await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, userId, { trigger: "cli" })).status).toBe("succeeded");
    expect(mets()).toEqual(stored);
  });
});
