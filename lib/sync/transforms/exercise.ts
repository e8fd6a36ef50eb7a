import type { exerciseSamples, exerciseHrZones, exercises } from "@/db/schema/polar-data";
import { exerciseStartToUtc, parseIsoDuration, parseUtcTimestamp } from "@/lib/polar/time";
import { deriveSession, toDerivedColumns, type PhysiologyContext } from "../derive";
import { packNumbers } from "../pack";
import { nn, type Maybe, type TransformRow } from "./common";

export type ExerciseInput = {
  /** The transactional int64 id; null for a session read from `/v3/exercises` (whose hashed id is kept apart). */
  id: number | null;
  "upload-time"?: Maybe<string>;
  device?: Maybe<string>;
  "device-id"?: Maybe<string>;
  "start-time": string;
  "start-time-utc-offset": number;
  duration: string;
  calories?: Maybe<number>;
  distance?: Maybe<number>;
  "heart-rate"?: Maybe<{ average?: Maybe<number>; maximum?: Maybe<number> }>;
  "training-load"?: Maybe<number>;
  sport?: Maybe<string>;
  "has-route"?: Maybe<boolean>;
  "detailed-sport-info"?: Maybe<string>;
  "fat-percentage"?: Maybe<number>;
  "carbohydrate-percentage"?: Maybe<number>;
  "protein-percentage"?: Maybe<number>;
  "running-index"?: Maybe<number>;
  "training-load-pro"?: Maybe<{
    "cardio-load"?: Maybe<number>;
    "muscle-load"?: Maybe<number>;
    "perceived-load"?: Maybe<number>;
    "cardio-load-interpretation"?: Maybe<string>;
    "muscle-load-interpretation"?: Maybe<string>;
    "perceived-load-interpretation"?: Maybe<string>;
    "user-rpe"?: Maybe<string>;
  }>;
};

export type ExerciseSampleInput = {
  "recording-rate"?: Maybe<number>;
  "sample-type": string | number;
  /** Already parsed by lib/polar's schema: one value per sample, null where the sensor had none. */
  data?: Maybe<readonly (number | null)[]>;
};

export type ExerciseZonesInput = {
  zone?: Maybe<{ index: number; "lower-limit": number; "upper-limit": number; "in-zone": string }[]>;
};

/** The sample types we keep (§10.1): HR, speed, cadence, altitude, power, RR. */
export const STORED_SAMPLE_TYPES: ReadonlySet<number> = new Set([0, 1, 2, 3, 4, 11]);
const HR_SAMPLE_TYPE = 0;

/** `upload-time` is optional in practice; an absent value stays null (a present one is parsed leniently). */
function parseOptionalUtc(value: Maybe<string>): number | null {
  return value ? parseUtcTimestamp(value) : null;
}

/** One parsed sample series; parsed once per item and shared by the derived numbers and the packed row. */
export type SampleSeries = { sampleType: number; recordingRate: number | null; values: (number | null)[] };

export function toSampleSeries(sample: ExerciseSampleInput): SampleSeries {
  const sampleType = Number(sample["sample-type"]);
  const values = sample.data ?? [];
  // A leading or stray 0 in an HR series is a dropout, not a heart rate (§5.2).
  const cleaned = sampleType === HR_SAMPLE_TYPE ? values.map((v) => (v !== null && v > 0 ? v : null)) : [...values];
  const rate = sample["recording-rate"];
  return { sampleType, recordingRate: typeof rate === "number" ? rate : null, values: cleaned };
}

export type ExerciseSampleRow = TransformRow<typeof exerciseSamples, "exerciseId">;

export function toExerciseSampleRow(series: SampleSeries): ExerciseSampleRow {
  return {
    sampleType: series.sampleType,
    recordingRate: series.recordingRate,
    sampleCount: series.values.length,
    packedValues: packNumbers(series.values),
  };
}

/** Zone rows keep Polar's own zone object beside the parsed columns. */
export type ExerciseZoneRow = TransformRow<typeof exerciseHrZones, "exerciseId"> & { rawJson: string };

export function toExerciseZoneRows(zones: Maybe<ExerciseZonesInput>): ExerciseZoneRow[] {
  return (zones?.zone ?? []).map((zone) => ({
    zoneIndex: zone.index,
    lowerLimit: zone["lower-limit"],
    upperLimit: zone["upper-limit"],
    inZoneSeconds: parseIsoDuration(zone["in-zone"]),
    rawJson: JSON.stringify(zone),
  }));
}

/** The hashed `/v3/exercises` id is set by the writer, which knows which API delivered the session. */
export type ExerciseRow = TransformRow<typeof exercises, "polarHashedId">;


/** Polar writes "not available" Training Load Pro values as −1.0 (muscle load without power); store null. */
function loadOrNull(value: Maybe<number>, interpretation: Maybe<string>): number | null {
  if (value === null || value === undefined) return null;
  if (interpretation === "NOT_AVAILABLE" || value < 0) return null;
  return value;
}

/**
 * The exercise summary with its derived numbers: UTC start (local − offset, once), local date, duration,
 * time in our computed zones and Banister TRIMP from the HR samples (fallback: average HR, marked).
 */
export function toExerciseRow(
  exercise: ExerciseInput,
  samples: readonly SampleSeries[],
  physiology: PhysiologyContext,
): ExerciseRow {
  const offset = exercise["start-time-utc-offset"];
  const start = exerciseStartToUtc(exercise["start-time"], offset);
  const durationSeconds = parseIsoDuration(exercise.duration);
  const hr = exercise["heart-rate"];
  const tlp = exercise["training-load-pro"];

  const hrSample = samples.find((series) => series.sampleType === HR_SAMPLE_TYPE);
  const derived = deriveSession({
    hrValues: hrSample ? hrSample.values : null,
    recordingRateSeconds: hrSample ? hrSample.recordingRate : null,
    averageHr: nn(hr?.average),
    durationSeconds,
    physiology,
  });

  return {
    polarExerciseId: exercise.id,
    uploadTime: parseOptionalUtc(exercise["upload-time"]),
    device: nn(exercise.device),
    deviceId: nn(exercise["device-id"]),
    startTimeLocal: exercise["start-time"],
    utcOffsetMinutes: offset,
    startUtcMs: start.utcMs,
    localDate: start.localDate,
    durationSeconds,
    // The top-level sport is not enumerated by Polar: unknown or missing values are "OTHER", never a failure.
    sport: exercise.sport && exercise.sport.length > 0 ? exercise.sport : "OTHER",
    detailedSport: nn(exercise["detailed-sport-info"]),
    calories: nn(exercise.calories),
    distanceMeters: nn(exercise.distance),
    avgHr: nn(hr?.average),
    maxHr: nn(hr?.maximum),
    trainingLoad: nn(exercise["training-load"]),
    runningIndex: nn(exercise["running-index"]),
    hasRoute: nn(exercise["has-route"]),
    fatPercentage: nn(exercise["fat-percentage"]),
    carbohydratePercentage: nn(exercise["carbohydrate-percentage"]),
    proteinPercentage: nn(exercise["protein-percentage"]),
    cardioLoad: loadOrNull(tlp?.["cardio-load"], tlp?.["cardio-load-interpretation"]),
    muscleLoad: loadOrNull(tlp?.["muscle-load"], tlp?.["muscle-load-interpretation"]),
    perceivedLoad: loadOrNull(tlp?.["perceived-load"], tlp?.["perceived-load-interpretation"]),
    cardioLoadInterpretation: nn(tlp?.["cardio-load-interpretation"]),
    muscleLoadInterpretation: nn(tlp?.["muscle-load-interpretation"]),
    perceivedLoadInterpretation: nn(tlp?.["perceived-load-interpretation"]),
    userRpe: nn(tlp?.["user-rpe"]),
    ...toDerivedColumns(physiology, derived),
  };
}
