import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { exercises, syncRuns } from "@/db/schema";
import { getAthleteDataVersion } from "@/db/queries/data-version";
import { clearDailySeriesCache } from "@/lib/dal/series/load";
import { computeAthleteDailySeries, getHistoryStart } from "@/lib/dal/series/read";
import { importArchive } from "@/lib/import";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete } from "@/lib/sync";
import { connectAthlete, createTestDb, DAY_MS, snapshotAthlete, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";
import { createFastClient, exportFromSim, LIFTED_LIMITS, postAdmin, TEST_IMPORT_LIMITS, type Sim } from "./support/harness";

/**
 * The history import against the simulator: an athlete synced from the API for two weeks imports an archive
 * that reaches a month further back. Nothing synced is doubled or overwritten; re-imports add only what is new.
 */

let sim: Sim;
const dbs: TestDb[] = [];
const files: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, startDate: "2026-01-05", days: 40 });
  await postAdmin(sim, "/switches", LIFTED_LIMITS);
});

afterAll(async () => {
  for (const db of dbs) db.close();
  for (const file of files) rmSync(file, { force: true });
  await sim.close();
});

type ExerciseRow = typeof exercises.$inferSelect;

function listExercises(testDb: TestDb, athleteId: string): ExerciseRow[] {
  return testDb.db.select().from(exercises).where(eq(exercises.athleteId, athleteId)).all();
}

describe("import after a sync", () => {
  it("adds the older history, never doubles or changes synced sessions, and re-imports add only what is new", async () => {
    await postAdmin(sim, "/reset", {});
    await postAdmin(sim, "/switches", LIFTED_LIMITS);
    const testDb = createTestDb("import");
    dbs.push(testDb);
    const polar = createFastClient(sim.url);
    const { userId, polarUserId } = await connectAthlete(sim.url, polar, testDb.db, "aino", sim.clock.now());
    sim.clock.advance(12 * DAY_MS);
    const sync = await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, userId, { trigger: "cli" });
    expect(sync.status).toBe("succeeded");
    const synced = listExercises(testDb, userId);
    expect(synced.length).toBeGreaterThan(3);

    const archive = await exportFromSim(sim, polarUserId, 30);
    files.push(archive);
    const deps = { db: testDb.db, limits: TEST_IMPORT_LIMITS };
    const versionBefore = getAthleteDataVersion(testDb.db, userId);
    // A view before the import persists the series state the import must invalidate.
    const range = { from: "2025-11-01", to: "2026-01-20" };
    const seriesBefore = computeAthleteDailySeries(testDb.db, userId, range, { now: sim.clock.now() });
    const startBefore = getHistoryStart(testDb.db, userId);
    const first = await importArchive(deps, userId, { path: archive }, "cli");
    expect(first.status).toBe("done");
    const sessions = first.summary.types.sessions;
    expect(sessions.quarantined).toEqual([]);
    // Every synced session is in the archive too: recognised, not imported again.
    expect(sessions.present).toBe(synced.length);
    expect(sessions.imported).toBeGreaterThan(10);

    const after = listExercises(testDb, userId);
    expect(after).toHaveLength(synced.length + sessions.imported);
    // The API's rows are untouched, column for column.
    for (const row of synced) expect(after.find((r) => r.id === row.id)).toEqual(row);
    // No session twice: distinct starts.
    expect(new Set(after.map((r) => r.startUtcMs)).size).toBe(after.length);
    const imported = after.filter((r) => r.source === "export");
    expect(imported).toHaveLength(sessions.imported);
    for (const row of imported) {
      expect(row.archiveName).toMatch(/^polar-user-data-export_.*\.zip$/);
      expect(row.entryName).toMatch(/^training-session-/);
      expect(row.startUtcMs).toBeLessThan(synced[0].startUtcMs + 13 * DAY_MS);
    }
    // Zones and TRIMP by the sync's derivation: present on imported sessions with HR.
    const withHr = imported.filter((r) => r.avgHr !== null);
    expect(withHr.length).toBeGreaterThan(0);
    for (const row of withHr) {
      expect(row.trimp).toBeGreaterThan(0);
      expect(row.zone1Seconds).not.toBeNull();
    }
    expect(imported.map((r) => r.localDate).sort()[0] < synced.map((r) => r.localDate).sort()[0]).toBe(true);
    // The dashboards' series start from the oldest imported day, and the data version moved so they recompute.
    const startAfter = getHistoryStart(testDb.db, userId);
    expect(startBefore).not.toBeNull();
    expect(startAfter).not.toBeNull();
    expect((startAfter ?? "") < (startBefore ?? "")).toBe(true);
    expect(getAthleteDataVersion(testDb.db, userId)).toBeGreaterThan(versionBefore);
    const seriesAfter = computeAthleteDailySeries(testDb.db, userId, range, { now: sim.clock.now() });
    expect(seriesAfter.historyStart).toBe(startAfter);
    expect(seriesAfter.points.length).toBeGreaterThan(seriesBefore.points.length);
    expect(seriesAfter.points.filter((p) => (startBefore ?? "") > p.date && p.load.value > 0).length).toBeGreaterThan(5);
    // The resumed state equals a computation from nothing.
    clearDailySeriesCache();
    testDb.db.$client.prepare("DELETE FROM daily_series_state").run();
    testDb.db.$client.prepare("DELETE FROM daily_series_head").run();
    expect(computeAthleteDailySeries(testDb.db, userId, range, { now: sim.clock.now() }).points).toEqual(seriesAfter.points);
    for (const type of ["activity", "sleep", "recharge", "heartRate", "physicalInfo"] as const) {
      expect(first.summary.types[type].imported + first.summary.types[type].present).toBeGreaterThan(0);
    }

    // The same archive again: nothing new, nothing rewritten (provenance included).
    const before = snapshotAthlete(testDb.db, userId, { withProvenance: true });
    const again = await importArchive(deps, userId, { path: archive }, "cli");
    expect(again.summary.types.sessions.imported).toBe(0);
    expect(again.summary.types.sessions.present).toBe(synced.length + sessions.imported);
    expect(snapshotAthlete(testDb.db, userId, { withProvenance: true })).toEqual(before);

    // A newer archive that overlaps: only the days since are new.
    sim.clock.advance(3 * DAY_MS);
    const newer = await exportFromSim(sim, polarUserId, 30);
    files.push(newer);
    const third = await importArchive(deps, userId, { path: newer }, "cli");
    const newest = listExercises(testDb, userId);
    expect(third.summary.types.sessions.imported).toBe(newest.length - after.length);
    expect(third.summary.types.sessions.present).toBe(after.length);

    // Import runs are in the sync log.
    const runs = testDb.db.select().from(syncRuns).where(eq(syncRuns.athleteId, userId)).all();
    expect(runs.filter((r) => r.kind === "import").map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded"]);
    const log = runs.find((r) => r.kind === "import");
    expect(JSON.parse(log?.countsJson ?? "{}")).toMatchObject({ exercise: { new: sessions.imported, unchanged: synced.length } });

    // A later sync finds the imported copies of sessions it now serves and keeps one row per session.
    const resync = await syncAthlete({ db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY }, userId, { trigger: "cli" });
    expect(resync.status).toBe("succeeded");
    const final = listExercises(testDb, userId);
    expect(new Set(final.map((r) => r.startUtcMs)).size).toBe(final.length);
    expect(final.length).toBe(newest.length);
    // The API's copy won for the sessions it served: those rows now say so.
    expect(final.filter((r) => r.source === "api").length).toBeGreaterThan(synced.length);
    for (const row of final.filter((r) => r.source === "api")) expect(row.archiveName).toBeNull();
  });
});
