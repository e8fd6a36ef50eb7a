import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { exerciseLaps, exerciseRoutes, exercises } from "@/db/schema";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { importArchive } from "@/lib/import";
import { startSimulator } from "@/lib/polar-sim";
import { syncAthlete } from "@/lib/sync";
import { unpackRoute } from "@/lib/sync/exercise-detail";
import { createFastClient, exportFromSim, LIFTED_LIMITS, postAdmin, TEST_IMPORT_LIMITS, type Sim } from "../import/support/harness";
import { connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "./support/harness";

/**
 * A session's route and laps (db/schema/exercise-detail.ts) from both sources: the sync's `/v3/exercises` with
 * `route=true` (asked only while a route is missing) and the archive's `routes` and `laps`. Nothing doubles on
 * a re-sync or a re-import.
 */

let sim: Sim;
let testDb: TestDb;
const files: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, startDate: "2026-01-05", days: 40 });
  await postAdmin(sim, "/switches", LIFTED_LIMITS);
  testDb = createTestDb("session-detail");
});

afterAll(async () => {
  testDb.close();
  for (const file of files) rmSync(file, { force: true });
  await sim.close();
});

async function countRequests(pattern: RegExp, since: number): Promise<number> {
  const log = (await (await fetch(`${sim.url}/__admin/requests?since=${since}`)).json()) as { path: string }[];
  return log.filter((entry) => pattern.test(entry.path)).length;
}

async function requestCount(): Promise<number> {
  return ((await (await fetch(`${sim.url}/__admin/requests`)).json()) as unknown[]).length;
}

function readRoutes(athleteId: string) {
  return testDb.db.select().from(exerciseRoutes).where(eq(exerciseRoutes.athleteId, athleteId)).all();
}

describe("routes and laps", () => {
  let userId = "";
  let polarUserId = 0;
  const polar = () => createFastClient(sim.url);
  const sync = () => syncAthlete({ db: testDb.db, polar: polar(), tokenKey: TEST_TOKEN_KEY }, userId, { trigger: "cli" });

  it("stores the route of every synced outdoor session once, and asks for routes only while one is missing", async () => {
    ({ userId, polarUserId } = await connectAthlete(sim.url, polar(), testDb.db, "aino", sim.clock.now()));
    sim.clock.advance(12 * DAY_MS);
    expect((await sync()).status).toBe("succeeded");
    const sessions = testDb.db.select().from(exercises).where(eq(exercises.athleteId, userId)).all();
    const outdoor = sessions.filter((row) => row.hasRoute);
    expect(outdoor.length).toBeGreaterThan(2);
    const routes = readRoutes(userId);
    expect(routes.map((route) => route.exerciseId).sort()).toEqual(outdoor.map((row) => row.id).sort());
    for (const route of routes) {
      const session = outdoor.find((row) => row.id === route.exerciseId);
      // About one point a second (the simulator's GPS is 1 Hz), in plausible degrees.
      expect(route.pointCount).toBeGreaterThan((session?.durationSeconds ?? 0) * 0.9);
      const points = unpackRoute(route);
      expect(points).toHaveLength(route.pointCount);
      expect(points[0].elapsedSeconds).toBe(0);
      expect(Math.abs(points[10].latitude)).toBeLessThanOrEqual(90);
      expect(points[points.length - 1].elapsedSeconds).toBeGreaterThan(points[0].elapsedSeconds);
    }

    // Up to date: no route is asked for again, and nothing is rewritten.
    const since = await requestCount();
    const before = readRoutes(userId);
    sim.clock.advance(60_000);
    expect((await sync()).status).toBe("succeeded");
    expect(await countRequests(/route=true/, since)).toBe(0);
    expect(readRoutes(userId)).toEqual(before);

    // A database from before routes were stored: the missing ones are read again, one small request each.
    const [dropped] = before;
    testDb.db.delete(exerciseRoutes).where(eq(exerciseRoutes.id, dropped.id)).run();
    const sinceDrop = await requestCount();
    expect((await sync()).status).toBe("succeeded");
    expect(await countRequests(/^\/v3\/exercises\/[^/?]+\?route=true$/, sinceDrop)).toBe(1);
    expect(await countRequests(/samples=true/, sinceDrop)).toBe(0);
    const restored = readRoutes(userId).find((route) => route.exerciseId === dropped.exerciseId);
    expect({ ...restored, id: 0, fetchedAt: 0, endpoint: "" }).toEqual({ ...dropped, id: 0, fetchedAt: 0, endpoint: "" });
    expect(restored?.endpoint).toMatch(/\/v3\/exercises\/[^/?]+\?route=true$/);
    expect(readRoutes(userId)).toHaveLength(before.length);

    // A few new sessions: their routes come one session at a time, never the whole list's routes again.
    sim.clock.advance(3 * DAY_MS);
    const sinceNew = await requestCount();
    expect((await sync()).status).toBe("succeeded");
    const outdoorNow = testDb.db.select().from(exercises).where(eq(exercises.athleteId, userId)).all().filter((row) => row.hasRoute);
    expect(outdoorNow.length).toBeGreaterThan(outdoor.length);
    expect(readRoutes(userId)).toHaveLength(outdoorNow.length);
    expect(await countRequests(/^\/v3\/exercises\?.*route=true/, sinceNew)).toBe(0);
    expect(await countRequests(/^\/v3\/exercises\/[^/?]+\?.*route=true$/, sinceNew)).toBe(outdoorNow.length - outdoor.length);
  });

  it("serves the synced run's route, pace and auto-laps on the session page", () => {
    const run = testDb.db.select().from(exercises).where(eq(exercises.athleteId, userId)).all().find((row) => row.hasRoute && row.sport === "RUNNING");
    expect(run).toBeDefined();
    const detail = getSessionDetail(testDb.db, { userId, polarUserId, name: null }, "me", run?.id ?? 0);
    expect(detail.motion).toBe("pace");
    expect(detail.route?.points.length).toBeGreaterThan(100);
    expect(detail.laps.kind).toBe("auto");
    // Auto-laps of 1 km from the integrated speed, the last one the remainder.
    const full = detail.laps.laps.slice(0, -1);
    expect(full.length).toBeGreaterThan(0);
    for (const lap of full) expect(lap.distanceMeters).toBe(1000);
    const integrated = detail.laps.laps.reduce((sum, lap) => sum + (lap.distanceMeters ?? 0), 0);
    expect(Math.abs(integrated - (run?.distanceMeters ?? 0))).toBeLessThan((run?.distanceMeters ?? 0) * 0.05);
    expect(detail.laps.laps[0].avgHr).toBeGreaterThan(60);
    expect(detail.distanceTrack?.length).toBeGreaterThan(0);
  });

  it("stores an imported session's laps and route, and a re-import doubles nothing", async () => {
    const archive = await exportFromSim(sim, polarUserId, 30);
    files.push(archive);
    // The simulator writes `laps: {}` (most real sessions too): give the oldest session two manual laps, with
    // Polar's split times (elapsed at each lap's end).
    const entries = unzipSync(readFileSync(archive));
    const names = Object.keys(entries).filter((name) => name.startsWith("training-session-"));
    const oldest = names
      .map((name) => ({ name, json: JSON.parse(strFromU8(entries[name])) as { startTime: string; exercises: { laps?: unknown; routes?: { route?: unknown } }[] } }))
      .filter((entry) => entry.json.exercises[0]?.routes?.route !== undefined)
      .sort((a, b) => a.json.startTime.localeCompare(b.json.startTime))[0];
    oldest.json.exercises[0].laps = {
      laps: [
        { splitTimeMillis: 300_000, durationMillis: 300_000, distanceMeters: 1010 },
        { splitTimeMillis: 600_000, durationMillis: 300_000, distanceMeters: 990 },
      ],
    };
    entries[oldest.name] = strToU8(JSON.stringify(oldest.json));
    const edited = archive.replace(/\.zip$/, "-laps.zip");
    writeFileSync(edited, zipSync(entries));
    files.push(edited);

    const routesBefore = readRoutes(userId).length;
    const first = await importArchive({ db: testDb.db, limits: TEST_IMPORT_LIMITS }, userId, { path: edited }, "cli");
    expect(first.status).toBe("done");
    const imported = testDb.db.select().from(exercises).where(eq(exercises.athleteId, userId)).all().filter((row) => row.source === "export");
    expect(imported.length).toBe(first.summary.types.sessions.imported);
    const laps = testDb.db.select().from(exerciseLaps).where(eq(exerciseLaps.athleteId, userId)).all();
    expect(laps.map((lap) => [lap.lapIndex, lap.startOffsetSeconds, lap.durationSeconds, lap.distanceMeters])).toEqual([
      [0, 0, 300, 1010],
      [1, 300, 300, 990],
    ]);
    const withLaps = imported.find((row) => row.id === laps[0].exerciseId);
    expect(withLaps?.entryName).toBe(oldest.name);
    // Every imported outdoor session brought its route.
    const importedRoutes = readRoutes(userId).length - routesBefore;
    expect(importedRoutes).toBe(imported.filter((row) => row.hasRoute).length);
    expect(importedRoutes).toBeGreaterThan(0);
    const detail = getSessionDetail(testDb.db, { userId, polarUserId, name: null }, "me", laps[0].exerciseId);
    expect(detail.laps.kind).toBe("manual");
    expect(detail.laps.laps.map((lap) => lap.distanceMeters)).toEqual([1010, 990]);
    expect(detail.laps.laps[0].avgHr).toBeGreaterThan(60);

    const routeRows = readRoutes(userId).length;
    const again = await importArchive({ db: testDb.db, limits: TEST_IMPORT_LIMITS }, userId, { path: edited }, "cli");
    expect(again.status).toBe("done");
    expect(readRoutes(userId)).toHaveLength(routeRows);
    expect(testDb.db.select().from(exerciseLaps).where(eq(exerciseLaps.athleteId, userId)).all()).toHaveLength(2);

    // A later sync leaves the imported laps and routes alone.
    sim.clock.advance(60_000);
    expect((await sync()).status).toBe("succeeded");
    expect(readRoutes(userId)).toHaveLength(routeRows);
    expect(testDb.db.select().from(exerciseLaps).where(eq(exerciseLaps.athleteId, userId)).all()).toHaveLength(2);
  });
});
