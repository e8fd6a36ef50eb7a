/**
 * The current training-session format (exports from about April 2026, polar-export.md §2a): `identifier.id`,
 * `durationMillis`, numeric `sport.id`, `samples.samples[] = {type, intervalMillis, values}`, zones in ms.
 */
import { z } from "zod";
import { exerciseStartToUtc } from "@/lib/polar/time";
import type { ImportedLap, ImportedSession, ImportedWaypoint, ImportedZone } from "@/lib/import/model";
import { optionalNumber, positiveOrNull, rawArray, toSampleValues, toSeries } from "@/lib/import/session-common";
import { toSportFromId } from "@/lib/import/sports";
import type { SampleSeries } from "@/lib/sync/transforms";

/** Current-format sample types → AccessLink sample codes (units as AccessLink: km/h, rpm, m, W, bpm). */
const SAMPLE_CODES: Readonly<Record<string, number>> = {
  HEART_RATE: 0,
  SPEED: 1,
  CADENCE: 2,
  ALTITUDE: 3,
  LEFT_CRANK_CURRENT_POWER: 4,
};

const zoneBandSchema = z.object({ lowerLimit: optionalNumber, higherLimit: optionalNumber, inZone: optionalNumber });

const exerciseSchema = z.object({
  sport: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
  zones: z.array(z.object({ type: z.string(), zones: z.array(zoneBandSchema).default([]) })).optional(),
  laps: z
    .object({ laps: z.array(z.object({ splitTimeMillis: optionalNumber, durationMillis: optionalNumber, distanceMeters: optionalNumber })).optional() })
    .optional(),
  samples: z
    .object({
      samples: z.array(z.object({ type: z.string(), intervalMillis: optionalNumber, values: rawArray.default([]) })).optional(),
    })
    .optional(),
  // Read by hand below: one waypoint a second, too many for a schema pass each.
  routes: z.object({ route: z.object({ wayPoints: rawArray.default([]) }).optional() }).optional(),
});

export const currentSessionSchema = z.object({
  identifier: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
  startTime: z.string(),
  timezoneOffsetMinutes: z.number(),
  durationMillis: z.number().nonnegative(),
  distanceMeters: optionalNumber,
  calories: optionalNumber,
  hrAvg: optionalNumber,
  hrMax: optionalNumber,
  sport: z.object({ id: z.union([z.string(), z.number()]).transform(String) }).optional(),
  product: z.object({ modelName: z.string().optional() }).optional(),
  deviceId: z.string().optional(),
  trainingLoadReport: z.object({ cardioLoad: optionalNumber, muscleLoad: optionalNumber }).optional(),
  // Sessions without `exercises` exist (§6 quirk 8).
  exercises: z.array(exerciseSchema).default([]),
});

export function isCurrentSession(json: Record<string, unknown>): boolean {
  return "identifier" in json || "durationMillis" in json;
}

function toZones(exercise: z.infer<typeof exerciseSchema>): ImportedZone[] {
  const group = exercise.zones?.find((zone) => zone.type === "ZONE_TYPE_HEART_RATE");
  if (!group) return [];
  return group.zones.flatMap((band, i) =>
    band.lowerLimit === null || band.higherLimit === null
      ? []
      : [{ zoneIndex: i + 1, lowerLimit: band.lowerLimit, upperLimit: band.higherLimit, inZoneSeconds: (band.inZone ?? 0) / 1000 }],
  );
}

function toSamples(exercise: z.infer<typeof exerciseSchema>): SampleSeries[] {
  const out: SampleSeries[] = [];
  for (const stream of exercise.samples?.samples ?? []) {
    const code = SAMPLE_CODES[stream.type];
    // Unknown stream types (TEMPERATURE, DISTANCE, …) are ignored; DISTANCE is derivable and not stored.
    if (code === undefined || out.some((series) => series.sampleType === code)) continue;
    const rate = Math.max(1, Math.round((stream.intervalMillis ?? 1000) / 1000));
    const series = toSeries(code, rate, toSampleValues(stream.values));
    if (series) out.push(series);
  }
  return out;
}

export function parseCurrentSession(json: unknown): ImportedSession {
  const parsed = currentSessionSchema.parse(json);
  const { utcMs, localDate } = exerciseStartToUtc(parsed.startTime, parsed.timezoneOffsetMinutes);
  // Multisport: the top-level summary is the aggregate (§6 quirk 7); streams and zones come from the first
  // exercise, the one a single-sport session has.
  const first = parsed.exercises[0];
  const sportId = parsed.sport?.id ?? first?.sport?.id;
  if (sportId === undefined) throw new Error("the session names no sport");
  const laps: ImportedLap[] = (first?.laps?.laps ?? []).map((lap) => ({
    startOffsetSeconds: lap.splitTimeMillis === null ? null : lap.splitTimeMillis / 1000,
    durationSeconds: (lap.durationMillis ?? 0) / 1000,
    distanceMeters: lap.distanceMeters,
  }));
  const route: ImportedWaypoint[] = [];
  for (const point of first?.routes?.route?.wayPoints ?? []) {
    if (point === null || typeof point !== "object") continue;
    const { latitude, longitude, altitude, elapsedMillis } = point as Record<string, unknown>;
    if (typeof latitude !== "number" || typeof longitude !== "number") continue;
    route.push({
      latitude,
      longitude,
      altitude: typeof altitude === "number" ? altitude : null,
      elapsedSeconds: typeof elapsedMillis === "number" ? elapsedMillis / 1000 : 0,
    });
  }
  return {
    format: "current",
    sourceId: parsed.identifier?.id ?? null,
    startTimeLocal: parsed.startTime,
    utcOffsetMinutes: parsed.timezoneOffsetMinutes,
    startUtcMs: utcMs,
    localDate,
    durationSeconds: parsed.durationMillis / 1000,
    ...toSportFromId(sportId),
    device: parsed.product?.modelName ?? null,
    deviceId: parsed.deviceId ?? null,
    calories: positiveOrNull(parsed.calories),
    distanceMeters: positiveOrNull(parsed.distanceMeters),
    avgHr: positiveOrNull(parsed.hrAvg),
    maxHr: positiveOrNull(parsed.hrMax),
    cardioLoad: positiveOrNull(parsed.trainingLoadReport?.cardioLoad ?? null),
    muscleLoad: positiveOrNull(parsed.trainingLoadReport?.muscleLoad ?? null),
    samples: first ? toSamples(first) : [],
    zones: first ? toZones(first) : [],
    laps,
    route,
  };
}
