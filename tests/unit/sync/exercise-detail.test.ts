/** The route/laps writer's input rules: lap start offsets and Polar's split times, implausible GPS points. */
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { exerciseRoutes } from "@/db/schema";
import { normalizeLaps, storeExerciseDetail, toRoutePoints, unpackRoute } from "@/lib/sync/exercise-detail";
import { createTestDb, insertAthlete, storeSession } from "@/tests/integration/dal/fixtures";

const t = createTestDb();
afterAll(() => t.close());

describe("normalizeLaps", () => {
  it("reads Polar's split times (elapsed at each lap's end) as starts", () => {
    expect(
      normalizeLaps([
        { startOffsetSeconds: 300, durationSeconds: 300, distanceMeters: 1000 },
        { startOffsetSeconds: 610, durationSeconds: 310, distanceMeters: 0 },
      ]).map((lap) => [lap.startOffsetSeconds, lap.durationSeconds, lap.distanceMeters]),
    ).toEqual([
      [0, 300, 1000],
      [300, 310, null],
    ]);
  });

  it("keeps start offsets, follows the previous lap without one, and drops empty template laps", () => {
    expect(
      normalizeLaps([
        { startOffsetSeconds: 0, durationSeconds: 0, distanceMeters: 0 },
        { startOffsetSeconds: 0, durationSeconds: 120, distanceMeters: 400, avgHr: 150.4, maxHr: 0 },
        { startOffsetSeconds: null, durationSeconds: 60, distanceMeters: null },
      ]),
    ).toEqual([
      { startOffsetSeconds: 0, durationSeconds: 120, distanceMeters: 400, avgHr: 150, maxHr: null },
      { startOffsetSeconds: 120, durationSeconds: 60, distanceMeters: null, avgHr: null, maxHr: null },
    ]);
  });
});

describe("toRoutePoints", () => {
  it("reads AccessLink's elapsed ISO durations, leaving out a point whose time does not parse", () => {
    expect(
      toRoutePoints([
        { latitude: 60.1, longitude: 24.9, time: "PT1M2.5S" },
        { latitude: 60.2, longitude: 24.8, time: "soon" },
      ]),
    ).toEqual([{ elapsedSeconds: 62.5, latitude: 60.1, longitude: 24.9, altitude: null }]);
  });
});

describe("storeExerciseDetail", () => {
  it("drops points without a fix, stores the rest packed, and rewrites nothing on a repeat", () => {
    insertAthlete(t.db, "a", 1);
    storeSession(t.db, "a", { id: 1, start: "2026-03-02T07:00:00" });
    const exerciseId = t.db.$client.prepare("SELECT id FROM exercise").pluck().get() as number;
    const points = [
      ...toRoutePoints([
        { latitude: 60.1, longitude: 24.9, time: "PT0S" },
        { latitude: 0, longitude: 0, time: "PT1S" },
        { latitude: 60.1001, longitude: 24.9002, time: "PT2.5S" },
      ]),
      { elapsedSeconds: 3, latitude: 91, longitude: 24.9, altitude: null },
    ];
    const prov = { endpoint: "/v3/exercises/x?route=true", fetchedAt: 1 };
    storeExerciseDetail(t.db, "a", exerciseId, { route: points }, prov);
    const row = t.db.select().from(exerciseRoutes).where(eq(exerciseRoutes.exerciseId, exerciseId)).get();
    expect(row).toMatchObject({ pointCount: 2, elapsedSeconds: "0,2.5", latitudes: "60.1,60.1001", altitudes: null });
    storeExerciseDetail(t.db, "a", exerciseId, { route: points }, { ...prov, fetchedAt: 2 });
    expect(t.db.select().from(exerciseRoutes).get()?.fetchedAt).toBe(1);
    // "none" never erases a stored route.
    storeExerciseDetail(t.db, "a", exerciseId, { route: "none" }, { ...prov, fetchedAt: 3 });
    expect(unpackRoute(t.db.select().from(exerciseRoutes).get() ?? { elapsedSeconds: "", latitudes: "", longitudes: "", altitudes: null })).toHaveLength(2);
  });
});
