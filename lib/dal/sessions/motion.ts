import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseLaps, exerciseRoutes } from "@/db/schema/exercise-detail";
import { computeLapTable, computeSpeedKmh, getMotionDisplay, integrateDistance, type SampleSeriesInput } from "@/lib/analytics";
import { unpackRoute } from "@/lib/sync/exercise-detail";
import { unpackNumbers } from "@/lib/sync/pack";
import type { SamplePointDTO, SessionMotionDTO } from "../dto";

/** Route points sent to the browser: enough for a smooth trace at any screen size. */
export const ROUTE_POINT_LIMIT = 1500;

type SampleRow = { type: number; rate: number | null; packed: string };

/** Every n-th point, always keeping the last (the finish marker must sit where the session ended). */
function thinOut<T>(points: readonly T[], limit: number): T[] {
  if (points.length <= limit) return [...points];
  const step = Math.ceil(points.length / limit);
  const kept = points.filter((_, i) => i % step === 0);
  const last = points[points.length - 1];
  if (kept[kept.length - 1] !== last) kept.push(last);
  return kept;
}

function toSeriesInput(rows: readonly SampleRow[], type: number): SampleSeriesInput | null {
  const row = rows.find((item) => item.type === type);
  if (!row || row.rate === null || !(row.rate > 0)) return null;
  const values = unpackNumbers(row.packed);
  return values.length > 0 ? { values, rateSeconds: row.rate } : null;
}

/**
 * What the session page adds to the samples: pace or speed, the laps table (manual laps when stored, else
 * auto-laps per km), distance along the session for the charts' distance axis, and the route.
 * `speedType`/`heartRateType` are Polar's sample codes.
 */
export function getSessionMotion(
  db: Db,
  session: { id: number; sport: string; detailedSport: string | null; distanceMeters: number | null; durationSeconds: number },
  sampleRows: readonly SampleRow[],
  codes: { speed: number; heartRate: number },
  downsample: (values: readonly (number | null)[], rateSeconds: number) => SamplePointDTO[],
): SessionMotionDTO {
  const speed = toSeriesInput(sampleRows, codes.speed);
  const heartRate = toSeriesInput(sampleRows, codes.heartRate);
  const manualLaps = db
    .select({
      startOffsetSeconds: exerciseLaps.startOffsetSeconds,
      durationSeconds: exerciseLaps.durationSeconds,
      distanceMeters: exerciseLaps.distanceMeters,
      avgHr: exerciseLaps.avgHr,
      maxHr: exerciseLaps.maxHr,
    })
    .from(exerciseLaps)
    .where(eq(exerciseLaps.exerciseId, session.id))
    .orderBy(asc(exerciseLaps.lapIndex))
    .all();
  const routeRow = db.select().from(exerciseRoutes).where(eq(exerciseRoutes.exerciseId, session.id)).get();
  const routePoints = routeRow ? unpackRoute(routeRow) : [];
  const cumulative = speed ? integrateDistance(speed.values, speed.rateSeconds) : null;
  return {
    motion: getMotionDisplay(session.sport, session.detailedSport),
    avgSpeedKmh: computeSpeedKmh(session.distanceMeters, session.durationSeconds),
    laps: computeLapTable({ manualLaps, speed, heartRate }),
    distanceTrack: speed && cumulative && cumulative.length > 0 ? downsample(cumulative, speed.rateSeconds) : null,
    route:
      routePoints.length >= 2
        ? { points: thinOut(routePoints, ROUTE_POINT_LIMIT).map((point) => ({ lat: point.latitude, lon: point.longitude })), pointCount: routePoints.length }
        : null,
  };
}
