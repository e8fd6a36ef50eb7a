/**
 * The legacy training-session format (exports up to at least Jan 2026, polar-export.md §2b): `exportVersion`,
 * ISO `duration`, sport keys, one `{dateTime, value}` array per channel with absolute local times, where a
 * sample without `value` is a dropout.
 */
import { z } from "zod";
import { exerciseStartToUtc, parseIsoDuration, parseUtcNoZ } from "@/lib/polar/time";
import type { ImportedSession, ImportedWaypoint, ImportedZone } from "@/lib/import/model";
import { optionalNumber, positiveOrNull, rawArray, toSeries } from "@/lib/import/session-common";
import { toSportFromKey } from "@/lib/import/sports";
import type { SampleSeries } from "@/lib/sync/transforms";

const isoDuration = z.string().transform((value, ctx) => {
  try {
    return parseIsoDuration(value);
  } catch {
    ctx.addIssue({ code: "custom", message: `not an ISO duration: ${value.slice(0, 40)}` });
    return z.NEVER;
  }
});

const exerciseSchema = z.object({
  sport: z.string().optional(),
  zones: z
    .object({
      heart_rate: z
        .array(z.object({ zoneIndex: optionalNumber, lowerLimit: optionalNumber, upperLimit: optionalNumber, inZone: isoDuration.optional() }))
        .optional(),
    })
    .optional(),
  laps: z.array(z.object({ splitTime: isoDuration.optional(), duration: isoDuration.optional(), distance: optionalNumber })).optional(),
  samples: z.record(z.string(), rawArray).optional(),
});

export const legacySessionSchema = z.object({
  exportVersion: z.string(),
  deviceId: z.string().optional(),
  startTime: z.string(),
  timeZoneOffset: z.number(),
  duration: isoDuration,
  distance: optionalNumber,
  kiloCalories: optionalNumber,
  averageHeartRate: optionalNumber,
  maximumHeartRate: optionalNumber,
  loadInformation: z.object({ cardioLoad: optionalNumber, muscleLoad: optionalNumber }).optional(),
  exercises: z.array(exerciseSchema).default([]),
});

export function isLegacySession(json: Record<string, unknown>): boolean {
  return "exportVersion" in json && "duration" in json;
}

/** Legacy channel names → AccessLink sample codes. */
const CHANNELS: [string, number][] = [
  ["heartRate", 0],
  ["speed", 1],
  ["cadence", 2],
  ["altitude", 3],
];

type TimedSample = { atMs: number; value: number | null };

/** `{dateTime, value}` objects → wall-clock instants; a sample without a numeric `value` is a dropout. */
function readTimedSamples(items: readonly unknown[], valueKey: string): TimedSample[] {
  const out: TimedSample[] = [];
  for (const item of items) {
    if (item === null || typeof item !== "object") continue;
    const record = item as Record<string, unknown>;
    if (typeof record.dateTime !== "string") continue;
    const value = record[valueKey];
    out.push({ atMs: parseUtcNoZ(record.dateTime), value: typeof value === "number" && Number.isFinite(value) ? value : null });
  }
  return out;
}

/** Absolute sample times → a fixed-rate series from the session start (the spacing of the first two samples). */
function toFixedRate(samples: TimedSample[], startWallMs: number): { rate: number; values: (number | null)[] } {
  const rate = samples.length > 1 ? Math.max(1, Math.round((samples[1].atMs - samples[0].atMs) / 1000)) : 1;
  const values: (number | null)[] = [];
  for (const sample of samples) {
    const index = Math.round((sample.atMs - startWallMs) / 1000 / rate);
    if (index < 0 || index > 200_000) continue;
    while (values.length < index) values.push(null);
    if (values.length === index) values.push(sample.value);
  }
  return { rate, values };
}

export function parseLegacySession(json: unknown, fileId: string | null): ImportedSession {
  const parsed = legacySessionSchema.parse(json);
  const { utcMs, localDate } = exerciseStartToUtc(parsed.startTime, parsed.timeZoneOffset);
  const startWallMs = parseUtcNoZ(parsed.startTime);
  const first = parsed.exercises[0];
  const sportKey = first?.sport;
  if (sportKey === undefined) throw new Error("the session names no sport");
  const samples: SampleSeries[] = [];
  for (const [channel, code] of CHANNELS) {
    const items = first.samples?.[channel];
    if (!items) continue;
    const { rate, values } = toFixedRate(readTimedSamples(items, "value"), startWallMs);
    const series = toSeries(code, rate, values);
    if (series) samples.push(series);
  }
  const power = first.samples?.leftPedalCrankBasedPower;
  if (power) {
    const { rate, values } = toFixedRate(readTimedSamples(power, "currentPower"), startWallMs);
    const series = toSeries(4, rate, values);
    if (series) samples.push(series);
  }
  const zones: ImportedZone[] = (first.zones?.heart_rate ?? []).flatMap((zone, i) =>
    zone.lowerLimit === null || zone.upperLimit === null
      ? []
      : [{ zoneIndex: zone.zoneIndex ?? i + 1, lowerLimit: zone.lowerLimit, upperLimit: zone.upperLimit, inZoneSeconds: zone.inZone ?? 0 }],
  );
  const route: ImportedWaypoint[] = [];
  for (const point of first.samples?.recordedRoute ?? []) {
    if (point === null || typeof point !== "object") continue;
    const record = point as Record<string, unknown>;
    if (typeof record.latitude !== "number" || typeof record.longitude !== "number" || typeof record.dateTime !== "string") continue;
    route.push({
      latitude: record.latitude,
      longitude: record.longitude,
      altitude: typeof record.altitude === "number" ? record.altitude : null,
      elapsedSeconds: (parseUtcNoZ(record.dateTime) - startWallMs) / 1000,
    });
  }
  return {
    format: "legacy",
    sourceId: fileId,
    startTimeLocal: parsed.startTime,
    utcOffsetMinutes: parsed.timeZoneOffset,
    startUtcMs: utcMs,
    localDate,
    durationSeconds: parsed.duration,
    ...toSportFromKey(sportKey),
    device: null,
    deviceId: parsed.deviceId ?? null,
    calories: positiveOrNull(parsed.kiloCalories),
    distanceMeters: positiveOrNull(parsed.distance),
    avgHr: positiveOrNull(parsed.averageHeartRate),
    maxHr: positiveOrNull(parsed.maximumHeartRate),
    cardioLoad: positiveOrNull(parsed.loadInformation?.cardioLoad ?? null),
    muscleLoad: positiveOrNull(parsed.loadInformation?.muscleLoad ?? null),
    samples,
    zones,
    laps: (first.laps ?? []).map((lap) => ({ startOffsetSeconds: lap.splitTime ?? null, durationSeconds: lap.duration ?? 0, distanceMeters: lap.distance })),
    route,
  };
}
