import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exerciseHrZones, exerciseSamples, exercises } from "@/db/schema/polar-data";
import { sessionRpes } from "@/db/schema/check-in";
import { computeZoneBounds, mapPolarRpe } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { explainMissingTrimp, loadPhysiology } from "@/lib/sync/derive";
import { unpackNumbers } from "@/lib/sync/pack";
import { getAthleteOverrides } from "../body/overrides";
import type { SamplePointDTO, SessionDetailDTO } from "../dto";
import { authorizeAthleteRead } from "../series/read";
import { getSessionMotion } from "./motion";
import { resolveSessionRpe } from "./rpe";

/** Points per session series sent to the browser (bucket means keep the shape). */
export const SERIES_POINT_LIMIT = 1200;

/** Bucket means so a long session sends at most `limit` points; a bucket of only dropouts stays null. */
export function downsampleSeries(values: readonly (number | null)[], rateSeconds: number, limit = SERIES_POINT_LIMIT): SamplePointDTO[] {
  const bucket = Math.max(1, Math.ceil(values.length / limit));
  const points: SamplePointDTO[] = [];
  for (let start = 0; start < values.length; start += bucket) {
    let total = 0;
    let n = 0;
    for (let i = start; i < Math.min(values.length, start + bucket); i += 1) {
      const value = values[i];
      if (value !== null && Number.isFinite(value)) {
        total += value;
        n += 1;
      }
    }
    points.push({ t: start * rateSeconds, value: n > 0 ? total / n : null });
  }
  return points;
}

/** Polar sample-type codes (API §10.1). */
export const SAMPLE_TYPE = { heartRate: 0, speed: 1, cadence: 2, altitude: 3, power: 4 } as const;

/** One session with its zones (Polar's and ours), loads and display series. */
export function getSessionDetail(db: Db, viewer: Viewer, athleteId: string, sessionId: number): SessionDetailDTO {
  const id = authorizeAthleteRead(viewer, athleteId, "training", db);
  const row = db
    .select()
    .from(exercises)
    .where(and(eq(exercises.athleteId, id), eq(exercises.id, sessionId)))
    .get();
  if (!row) throw new AppError("not_found", "No such session.");
  const ownRpe = db.select({ rpe: sessionRpes.rpe }).from(sessionRpes).where(eq(sessionRpes.exerciseId, row.id)).get();
  const zoneRows = db
    .select({ index: exerciseHrZones.zoneIndex, lower: exerciseHrZones.lowerLimit, upper: exerciseHrZones.upperLimit, seconds: exerciseHrZones.inZoneSeconds })
    .from(exerciseHrZones)
    .where(eq(exerciseHrZones.exerciseId, row.id))
    .orderBy(asc(exerciseHrZones.zoneIndex))
    .all();
  const sampleRows = db
    .select({ type: exerciseSamples.sampleType, rate: exerciseSamples.recordingRate, packed: exerciseSamples.packedValues })
    .from(exerciseSamples)
    .where(eq(exerciseSamples.exerciseId, row.id))
    .all();
  const series = (type: number): SamplePointDTO[] | null => {
    const sample = sampleRows.find((item) => item.type === type);
    if (!sample || sample.rate === null || !(sample.rate > 0)) return null;
    const values = unpackNumbers(sample.packed);
    return values.length > 0 ? downsampleSeries(values, sample.rate) : null;
  };
  const zoneModel = getAthleteOverrides(db, id).zoneModel ?? "polar-hrmax";
  const zoneSeconds = [row.zone0Seconds, row.zone1Seconds, row.zone2Seconds, row.zone3Seconds, row.zone4Seconds, row.zone5Seconds];
  const hasComputed = zoneSeconds.every((value) => value !== null);
  return {
    id: row.id,
    localDate: row.localDate,
    startTimeLocal: row.startTimeLocal,
    startUtcMs: row.startUtcMs,
    durationSeconds: row.durationSeconds,
    sport: row.sport,
    detailedSport: row.detailedSport,
    distanceMeters: row.distanceMeters,
    avgHr: row.avgHr,
    maxHr: row.maxHr,
    cardioLoad: row.cardioLoad,
    trimp: row.trimp,
    trimpMethod: row.trimpMethod,
    ...resolveSessionRpe(ownRpe?.rpe ?? null, row.userRpe, row.durationSeconds),
    polarRpe: mapPolarRpe(row.userRpe),
    ownRpe: ownRpe?.rpe ?? null,
    calories: row.calories,
    device: row.device,
    perceivedLoad: row.perceivedLoad,
    muscleLoad: row.muscleLoad,
    cardioLoadInterpretation: row.cardioLoadInterpretation,
    runningIndex: row.runningIndex,
    trimpMissingReason: row.trimp === null ? explainMissingTrimp(loadPhysiology(db, id, row.startTimeLocal.slice(0, 10))) : null,
    computedZones: hasComputed
      ? {
          // The stored seconds were computed from the HRmax (and HRrest) recorded on the row, with the athlete's
          // zone model (Polar's %HRmax unless they chose heart-rate reserve).
          lowerBounds: row.hrMaxUsed ? toLowerBounds(zoneModel, row.hrMaxUsed, row.hrRestUsed) : null,
          seconds: zoneSeconds.map((value) => value ?? 0),
          noDataSeconds: row.noDataSeconds ?? 0,
          hrMax: row.hrMaxUsed,
          hrRest: row.hrRestUsed,
          hrMaxSource: row.hrMaxSource,
        }
      : null,
    polarZones: zoneRows.map((zone) => ({ index: zone.index, lowerLimit: zone.lower, upperLimit: zone.upper, seconds: zone.seconds })),
    heartRate: series(SAMPLE_TYPE.heartRate),
    speed: series(SAMPLE_TYPE.speed),
    altitude: series(SAMPLE_TYPE.altitude),
    power: series(SAMPLE_TYPE.power),
    cadence: series(SAMPLE_TYPE.cadence),
    ...getSessionMotion(db, row, sampleRows, { speed: SAMPLE_TYPE.speed, heartRate: SAMPLE_TYPE.heartRate }, downsampleSeries),
  };
}

function toLowerBounds(model: "polar-hrmax" | "hrr", hrmax: number, hrrest: number | null): number[] {
  if (model === "hrr" && hrrest !== null && hrrest < hrmax) return [...computeZoneBounds({ model, hrmax, hrrest })];
  return [...computeZoneBounds({ model: "polar-hrmax", hrmax })];
}
