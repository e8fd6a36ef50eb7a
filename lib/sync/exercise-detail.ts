/**
 * A session's route and manual laps (db/schema/exercise-detail.ts): the ONE writer, used by the sync's
 * `/v3/exercises?route=true` path (lib/sync/exercises.ts) and by the archive import (lib/import/store-sessions.ts),
 * plus the reader's unpacking. Writes are idempotent: an unchanged route or lap list is not rewritten.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { exerciseLaps, exerciseRoutes } from "@/db/schema/exercise-detail";
import { exercises } from "@/db/schema/polar-data";
import type { PolarExerciseV2, PolarRoutePoint } from "@/lib/polar";
import { isPolarError } from "@/lib/polar/errors";
import { parseIsoDuration } from "@/lib/polar/time";
import type { RunContext } from "./context";
import { packNumbers, unpackNumbers } from "./pack";

/** One GPS point; `elapsedSeconds` since the session's start. */
export type RoutePoint = { elapsedSeconds: number; latitude: number; longitude: number; altitude: number | null };

/** A manual lap as a source gives it; a null start offset follows the previous lap. */
export type LapInput = {
  startOffsetSeconds: number | null;
  durationSeconds: number;
  distanceMeters: number | null;
  avgHr?: number | null;
  maxHr?: number | null;
};

export type StoredLap = { startOffsetSeconds: number; durationSeconds: number; distanceMeters: number | null; avgHr: number | null; maxHr: number | null };

export type ExerciseDetail = {
  /** Points to store; `"none"`: the source was asked and has no route (remembered, so it is not asked again). */
  route?: readonly RoutePoint[] | "none";
  laps?: readonly LapInput[];
};

export type DetailProvenance = { endpoint: string; fetchedAt: number };

/** Points a receiver cannot place: out of range, not finite, or the (0, 0) that a watch without a fix writes. */
function isPlausiblePoint(point: RoutePoint): boolean {
  const { latitude, longitude, elapsedSeconds } = point;
  if (![latitude, longitude, elapsedSeconds].every(Number.isFinite)) return false;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return false;
  return !(latitude === 0 && longitude === 0);
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

function toRouteValues(points: readonly RoutePoint[]) {
  const kept = points.filter(isPlausiblePoint);
  const hasAltitude = kept.some((point) => point.altitude !== null && Number.isFinite(point.altitude));
  return {
    pointCount: kept.length,
    elapsedSeconds: packNumbers(kept.map((point) => round(point.elapsedSeconds, 3))),
    latitudes: packNumbers(kept.map((point) => round(point.latitude, 6))),
    longitudes: packNumbers(kept.map((point) => round(point.longitude, 6))),
    altitudes: hasAltitude ? packNumbers(kept.map((point) => (point.altitude === null || !Number.isFinite(point.altitude) ? null : round(point.altitude, 1)))) : null,
  };
}

/**
 * Laps with a start offset each, in order. Polar names the offset a "split time", which in its watches is the
 * elapsed time at the lap's END; when the first lap's value equals its duration the values are read that way.
 * A lap without an offset starts where the previous one ended. Empty template laps (duration 0) are dropped.
 */
export function normalizeLaps(laps: readonly LapInput[]): StoredLap[] {
  const real = laps.filter((lap) => Number.isFinite(lap.durationSeconds) && lap.durationSeconds > 0);
  const first = real[0];
  const isSplitAtEnd = first !== undefined && first.startOffsetSeconds !== null && first.startOffsetSeconds > 0 && Math.abs(first.startOffsetSeconds - first.durationSeconds) <= 1;
  let cursor = 0;
  return real.map((lap) => {
    const given = lap.startOffsetSeconds === null || !Number.isFinite(lap.startOffsetSeconds) ? null : lap.startOffsetSeconds;
    const start = given === null ? cursor : isSplitAtEnd ? given - lap.durationSeconds : given;
    cursor = start + lap.durationSeconds;
    const distance = lap.distanceMeters !== null && Number.isFinite(lap.distanceMeters) && lap.distanceMeters > 0 ? lap.distanceMeters : null;
    const hr = (value: number | null | undefined) => (value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : null);
    return { startOffsetSeconds: round(Math.max(0, start), 3), durationSeconds: round(lap.durationSeconds, 3), distanceMeters: distance, avgHr: hr(lap.avgHr), maxHr: hr(lap.maxHr) };
  });
}

function writeRoute(tx: DbTx, athleteId: string, exerciseId: number, route: readonly RoutePoint[] | "none", prov: DetailProvenance): void {
  const values = route === "none" ? { pointCount: 0, elapsedSeconds: "", latitudes: "", longitudes: "", altitudes: null } : toRouteValues(route);
  const existing = tx.select().from(exerciseRoutes).where(eq(exerciseRoutes.exerciseId, exerciseId)).get();
  if (!existing) {
    tx.insert(exerciseRoutes).values({ ...values, athleteId, exerciseId, ...prov }).run();
    return;
  }
  const isSame =
    existing.pointCount === values.pointCount &&
    existing.elapsedSeconds === values.elapsedSeconds &&
    existing.latitudes === values.latitudes &&
    existing.longitudes === values.longitudes &&
    existing.altitudes === values.altitudes;
  // A later "none" never erases points stored before (a route Polar dropped from one answer is still the route).
  if (isSame || (route === "none" && existing.pointCount > 0)) return;
  tx.update(exerciseRoutes).set({ ...values, ...prov }).where(eq(exerciseRoutes.id, existing.id)).run();
}

function writeLaps(tx: DbTx, athleteId: string, exerciseId: number, laps: readonly LapInput[], prov: DetailProvenance): void {
  const rows = normalizeLaps(laps);
  if (rows.length === 0) return;
  const existing = tx.select().from(exerciseLaps).where(eq(exerciseLaps.exerciseId, exerciseId)).orderBy(asc(exerciseLaps.lapIndex)).all();
  const isSame =
    existing.length === rows.length &&
    rows.every((row, i) => {
      const old = existing[i];
      return old.startOffsetSeconds === row.startOffsetSeconds && old.durationSeconds === row.durationSeconds && old.distanceMeters === row.distanceMeters && old.avgHr === row.avgHr && old.maxHr === row.maxHr;
    });
  if (isSame) return;
  tx.delete(exerciseLaps).where(eq(exerciseLaps.exerciseId, exerciseId)).run();
  tx.insert(exerciseLaps)
    .values(rows.map((row, lapIndex) => ({ ...row, lapIndex, athleteId, exerciseId, ...prov })))
    .run();
}

/**
 * Stores what `detail` carries for one stored session, in one transaction; an absent part is left as it is,
 * an empty route or lap list stores nothing. Safe to call again with the same input (nothing is rewritten).
 */
export function storeExerciseDetail(db: Db, athleteId: string, exerciseId: number, detail: ExerciseDetail, prov: DetailProvenance): void {
  const hasRoute = detail.route === "none" || (detail.route !== undefined && detail.route.length > 0);
  const hasLaps = detail.laps !== undefined && detail.laps.length > 0;
  if (!hasRoute && !hasLaps) return;
  db.transaction((tx) => {
    if (hasRoute && detail.route !== undefined) writeRoute(tx, athleteId, exerciseId, detail.route, prov);
    if (hasLaps && detail.laps !== undefined) writeLaps(tx, athleteId, exerciseId, detail.laps, prov);
  });
}

/** The stored route as points (empty for the "none" marker). */
export function unpackRoute(row: Pick<typeof exerciseRoutes.$inferSelect, "elapsedSeconds" | "latitudes" | "longitudes" | "altitudes">): RoutePoint[] {
  const elapsed = unpackNumbers(row.elapsedSeconds);
  const latitudes = unpackNumbers(row.latitudes);
  const longitudes = unpackNumbers(row.longitudes);
  const altitudes = row.altitudes === null ? [] : unpackNumbers(row.altitudes);
  const points: RoutePoint[] = [];
  for (let i = 0; i < latitudes.length; i += 1) {
    const latitude = latitudes[i];
    const longitude = longitudes[i];
    if (latitude === null || longitude === null) continue;
    points.push({ elapsedSeconds: elapsed[i] ?? 0, latitude, longitude, altitude: altitudes[i] ?? null });
  }
  return points;
}

// ── the sync's side (`/v3/exercises`, polar-accesslink.md §6.1) ──

/** AccessLink's route points (`time` is the elapsed ISO duration, no altitude); a point whose time does not parse is left out. */
export function toRoutePoints(route: readonly PolarRoutePoint[]): RoutePoint[] {
  const points: RoutePoint[] = [];
  for (const point of route) {
    let elapsedSeconds: number;
    try {
      elapsedSeconds = parseIsoDuration(point.time);
    } catch (error) {
      if (error instanceof RangeError) continue;
      throw error;
    }
    points.push({ elapsedSeconds, latitude: point.latitude, longitude: point.longitude, altitude: null });
  }
  return points;
}

/** Whether a listed session with a route has none stored yet (so its route is still to be read). */
export function isRouteMissing(db: Db, athleteId: string, exercise: Pick<PolarExerciseV2, "id" | "has_route">): boolean {
  if (exercise.has_route !== true) return false;
  const row = db
    .select({ routeId: exerciseRoutes.id })
    .from(exercises)
    .leftJoin(exerciseRoutes, eq(exerciseRoutes.exerciseId, exercises.id))
    .where(and(eq(exercises.athleteId, athleteId), eq(exercises.polarHashedId, exercise.id)))
    .get();
  return row === undefined || row.routeId === null;
}

/**
 * How the routes still missing are read, so an incremental sync never re-downloads stored routes (a route is
 * about 80 bytes a second, far more than the samples): inline in the full list only when most of the listed
 * routes are missing (a first sync), else one `/v3/exercises/{id}?route=true` per missing route.
 */
export function planRouteReads(db: Db, athleteId: string, listed: readonly Pick<PolarExerciseV2, "id" | "has_route">[], pending: ReadonlySet<string>): { inline: boolean; separately: string[] } {
  const routed = listed.filter((exercise) => exercise.has_route === true);
  const missing = routed.filter((exercise) => pending.has(exercise.id) && isRouteMissing(db, athleteId, exercise)).map((exercise) => exercise.id);
  if (missing.length >= 2 && missing.length * 2 >= routed.length) return { inline: true, separately: [] };
  return { inline: false, separately: missing };
}

/**
 * The route of a session read from `/v3/exercises` with `route=true`, for the row stored by its hashed id.
 * A session flagged `has_route` whose answer has no points is remembered as "none".
 */
export function storeListedRoute(db: Db, athleteId: string, exercise: PolarExerciseV2, prov: DetailProvenance): void {
  const stored = db
    .select({ id: exercises.id })
    .from(exercises)
    .where(and(eq(exercises.athleteId, athleteId), eq(exercises.polarHashedId, exercise.id)))
    .get();
  if (!stored) return;
  const points = toRoutePoints(exercise.route ?? []);
  if (points.length === 0 && exercise.has_route !== true) return;
  storeExerciseDetail(db, athleteId, stored.id, { route: points.length > 0 ? points : "none" }, prov);
}

/** Reads only the route (no samples, no zones) of each stored session named, one small request each. */
export async function readMissingRoutes(ctx: RunContext, hashedIds: readonly string[]): Promise<void> {
  for (const hashedId of hashedIds) {
    try {
      const fetched = await ctx.user.getExerciseByHash(hashedId, { route: true });
      if (fetched) storeListedRoute(ctx.db, ctx.athleteId, fetched.data, { endpoint: fetched.url, fetchedAt: ctx.now() });
    } catch (error) {
      // The session itself is stored; an unreadable route answer is asked for again on the next run.
      if (!isPolarError(error, "invalid_payload")) throw error;
    }
  }
}
