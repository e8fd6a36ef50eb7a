/**
 * Training sessions as Polar's "Download your data" archive writes them (polar-export.md §2): the current
 * shape (exports from about April 2026) and the legacy shape (`exportVersion`, ISO durations, sport keys).
 * Both carry the quirks of §6: bare `NaN` and `"NaN"` in current-format HR values, legacy HR samples
 * without `value` for a dropout, `hrAvg: 0` without HR, a string `recoveryTimeMillis`, `muscleLoad: -1`.
 */
import type { JsonObject, JsonValue } from "@/lib/polar-sim/contract";
import { MISSING, type SessionSeries, type SessionSummary } from "@/lib/polar-sim/generator/exercise";
import type { AthleteModel, SessionPlan } from "@/lib/polar-sim/generator/model";
import type { SportKind } from "@/lib/polar-sim/generator/roster";
import { formatLocalDateTime, formatUtcMillis, roundToTenth } from "@/lib/polar-sim/generator/time";
import { BARE_NAN, physicalSnapshot } from "@/lib/polar-sim/export/shared";

/** Polar's sports catalogue: numeric id (current format) and key (legacy format) of each simulated sport. */
export const EXPORT_SPORTS: Record<SportKind, { id: string; key: string; name: string }> = {
  run: { id: "1", key: "RUNNING", name: "Running" },
  "trail-run": { id: "27", key: "TRAIL_RUNNING", name: "Trail running" },
  walk: { id: "3", key: "WALKING", name: "Walking" },
  ride: { id: "38", key: "ROAD_BIKING", name: "Road cycl." },
  "indoor-ride": { id: "18", key: "INDOOR_CYCLING", name: "Indoor cycl." },
  swim: { id: "103", key: "POOL_SWIMMING", name: "Pool swimm." },
  strength: { id: "15", key: "STRENGTH_TRAINING", name: "Strength training" },
};

export type ExportSessionInput = {
  model: AthleteModel;
  session: SessionPlan;
  series: SessionSeries;
  summary: SessionSummary;
  /** Without a HR sensor: all-null HR stream and `hrAvg: 0` (§6 quirk 2). */
  withoutHeartRate: boolean;
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

function toLocalMillis(utcMs: number, offset: number): string {
  return `${formatLocalDateTime(utcMs, offset)}.${String(utcMs % 1000).padStart(3, "0")}`;
}

/** HR values of the current format: a dropout alternates bare `NaN` and the string `"NaN"` (§6 quirk 1). */
function toCurrentHeartRate(series: SessionSeries, withoutHeartRate: boolean): JsonValue[] {
  const out: JsonValue[] = [];
  for (let t = 0; t < series.hr.length; t++) {
    const value = series.hr[t];
    if (withoutHeartRate) out.push(null);
    else if (value === MISSING) out.push(t % 2 === 0 ? BARE_NAN : "NaN");
    else out.push(value);
  }
  return out;
}

function toArray(values: ArrayLike<number>, digits: number): number[] {
  const out: number[] = new Array<number>(values.length);
  const scale = 10 ** digits;
  for (let i = 0; i < values.length; i++) out[i] = Math.round(values[i] * scale) / scale;
  return out;
}

function heartRateZoneBands(summary: SessionSummary): { lower: number; upper: number; seconds: number }[] {
  return summary.zoneSeconds.map((seconds, i) => ({
    lower: summary.zoneLimits[i],
    upper: summary.zoneLimits[i + 1],
    seconds,
  }));
}

export function renderCurrentSession(input: ExportSessionInput): JsonObject {
  const { model, session, series, summary, withoutHeartRate } = input;
  const offset = session.offsetMinutes;
  const sport = EXPORT_SPORTS[session.kind];
  const start = formatLocalDateTime(session.startUtc, offset);
  const stop = formatLocalDateTime(session.endUtc, offset);
  const samples: JsonObject[] = [{ type: "HEART_RATE", intervalMillis: 1000, values: toCurrentHeartRate(series, withoutHeartRate) }];
  if (series.speed) samples.push({ type: "SPEED", intervalMillis: 1000, values: toArray(series.speed, 2) });
  if (series.distance) samples.push({ type: "DISTANCE", intervalMillis: 1000, values: toArray(series.distance, 1) });
  if (series.altitude) samples.push({ type: "ALTITUDE", intervalMillis: 1000, values: toArray(series.altitude, 1) });
  if (series.cadence) samples.push({ type: "CADENCE", intervalMillis: 1000, values: toArray(series.cadence, 0) });
  if (series.power) samples.push({ type: "LEFT_CRANK_CURRENT_POWER", intervalMillis: 1000, values: toArray(series.power, 0) });
  const hrAvg = withoutHeartRate ? 0 : summary.averageHr;
  const hrMax = withoutHeartRate ? 0 : summary.maximumHr;
  const wayPoints: JsonObject[] = [];
  if (series.latitude && series.longitude) {
    for (let t = 0; t < series.latitude.length; t += 1) {
      wayPoints.push({
        latitude: round6(series.latitude[t]),
        longitude: round6(series.longitude[t]),
        altitude: series.altitude ? roundToTenth(series.altitude[t]) : 0,
        elapsedMillis: t * 1000,
      });
    }
  }
  const distance = summary.distance ?? 0;
  const load = { cardioLoad: summary.cardioLoad, muscleLoad: -1, cardioLoadInterpretation: "LOAD_INTERPRETATION_MEDIUM" };
  const exercise: JsonObject = {
    identifier: { id: String(session.id) },
    startTime: start,
    stopTime: stop,
    timezoneOffsetMinutes: offset,
    durationMillis: session.durationSec * 1000,
    distanceMeters: distance,
    calories: summary.calories,
    sport: { id: sport.id },
    recoveryTimeMillis: String(Math.round(summary.cardioLoad * 360_000)),
    trainingLoadReport: { ...load, calculationTime: `${start}Z` },
    statistics: {
      statistics: withoutHeartRate
        ? [{ type: "STATISTICS_TYPE_HEART_RATE", min: 0, avg: 0, max: 0 }]
        : [{ type: "STATISTICS_TYPE_HEART_RATE", min: Math.min(...series.hr.filter((v) => v > 0)), avg: hrAvg, max: hrMax }],
    },
    zones: withoutHeartRate
      ? []
      : [
          {
            type: "ZONE_TYPE_HEART_RATE",
            zones: heartRateZoneBands(summary).map((z) => ({ lowerLimit: z.lower, higherLimit: z.upper, inZone: z.seconds * 1000 })),
          },
          { type: "ZONE_TYPE_FIT_FAT", zones: [{ higherLimit: summary.zoneLimits[2], inZone: summary.zoneSeconds[0] * 1000 }] },
        ],
    laps: {},
    samples: { samples },
    routes: wayPoints.length > 0 ? { route: { startTime: toLocalMillis(session.startUtc, offset), wayPoints } } : {},
  };
  return {
    identifier: { id: String(session.id) },
    created: formatUtcMillis(session.uploadedAt).slice(0, 23),
    modified: formatUtcMillis(session.uploadedAt).slice(0, 23),
    startTime: start,
    stopTime: stop,
    timezoneOffsetMinutes: offset,
    durationMillis: session.durationSec * 1000,
    distanceMeters: distance,
    calories: summary.calories,
    hrAvg,
    hrMax,
    name: sport.name,
    sport: { id: sport.id },
    product: { modelName: model.spec.device },
    deviceId: model.spec.deviceId,
    recoveryTimeMillis: String(Math.round(summary.cardioLoad * 360_000)),
    trainingLoadReport: { ...load, calculationTime: `${start}Z` },
    physicalInformation: physicalSnapshot(model, session.day),
    note: "",
    exercises: [exercise],
  };
}

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** `PT2753.875S`: the legacy format writes durations as seconds with decimals. */
export function formatLegacyDuration(seconds: number): string {
  return `PT${Number.isInteger(seconds) ? seconds : seconds.toFixed(3)}S`;
}

function legacySamples(session: SessionPlan, series: SessionSeries, values: ArrayLike<number>, digits: number, dropout: boolean): JsonObject[] {
  const out: JsonObject[] = [];
  const scale = 10 ** digits;
  for (let t = 0; t < values.length; t++) {
    const dateTime = `${formatLocalDateTime(session.startUtc + t * 1000, session.offsetMinutes)}.000`;
    // A dropout is a sample object without `value` (§2b).
    if (dropout && values[t] === MISSING) out.push({ dateTime });
    else out.push({ dateTime, value: Math.round(values[t] * scale) / scale });
  }
  return out;
}

export function renderLegacySession(input: ExportSessionInput): JsonObject {
  const { model, session, series, summary, withoutHeartRate } = input;
  const offset = session.offsetMinutes;
  const sport = EXPORT_SPORTS[session.kind];
  const start = `${formatLocalDateTime(session.startUtc, offset)}.000`;
  const stop = `${formatLocalDateTime(session.endUtc, offset)}.000`;
  const samples: JsonObject = {};
  if (!withoutHeartRate) samples.heartRate = legacySamples(session, series, series.hr, 0, true);
  if (series.speed) samples.speed = legacySamples(session, series, series.speed, 2, false);
  if (series.distance) samples.distance = legacySamples(session, series, series.distance, 1, false);
  if (series.altitude) samples.altitude = legacySamples(session, series, series.altitude, 1, false);
  if (series.cadence) samples.cadence = legacySamples(session, series, series.cadence, 0, false);
  if (series.latitude && series.longitude) {
    const route: JsonObject[] = [];
    for (let t = 0; t < series.latitude.length; t++) {
      route.push({
        dateTime: `${formatLocalDateTime(session.startUtc + t * 1000, offset)}.000`,
        latitude: round6(series.latitude[t]),
        longitude: round6(series.longitude[t]),
        altitude: series.altitude ? roundToTenth(series.altitude[t]) : 0,
      });
    }
    samples.recordedRoute = route;
  }
  const hr = withoutHeartRate ? { min: 0, avg: 0, max: 0 } : { min: 0, avg: summary.averageHr, max: summary.maximumHr };
  const exercise: JsonObject = {
    startTime: start,
    stopTime: stop,
    timezoneOffset: offset,
    duration: formatLegacyDuration(session.durationSec),
    distance: summary.distance ?? 0,
    sport: sport.key,
    ascent: summary.ascent,
    kiloCalories: summary.calories,
    heartRate: hr,
    zones: withoutHeartRate
      ? {}
      : {
          heart_rate: heartRateZoneBands(summary).map((z, i) => ({
            zoneIndex: i + 1,
            lowerLimit: z.lower,
            upperLimit: z.upper,
            inZone: formatLegacyDuration(z.seconds),
          })),
        },
    samples,
  };
  if (series.speed) exercise.speed = { avg: round2(averageOf(series.speed)), max: round2(maxOf(series.speed)) };
  return {
    exportVersion: "1.3",
    name: sport.name,
    deviceId: model.spec.deviceId,
    startTime: start,
    stopTime: stop,
    timeZoneOffset: offset,
    distance: summary.distance ?? 0,
    duration: formatLegacyDuration(session.durationSec),
    maximumHeartRate: hr.max,
    averageHeartRate: hr.avg,
    kiloCalories: summary.calories,
    physicalInformationSnapshot: physicalSnapshot(model, session.day),
    loadInformation: { cardioLoad: summary.cardioLoad, muscleLoad: -1 },
    exercises: [exercise],
  };
}

function averageOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return values.length > 0 ? sum / values.length : 0;
}

function maxOf(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i]);
  return max;
}
