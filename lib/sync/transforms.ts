import {
  exerciseStartToUtc,
  parseClockTime,
  parseIsoDuration,
  parseOffsetDateTime,
  parseUtcTimestamp,
  unwrapClockMap,
} from "@/lib/polar/time";
import { addDays } from "@/lib/analytics/dates";
import type { TrimpMethod } from "@/lib/analytics/trimp";
import { deriveSession, toDerivedColumns, type PhysiologyContext } from "./derive";
import { packNumbers, packPairs, packTimedValues, packZoneSamples, type PackedPair } from "./pack";

/**
 * Polar payloads (already validated by lib/polar, Polar's own field names) → our row values. Pure: no I/O, no
 * clock; provenance (athlete, endpoint, fetchedAt, transaction id) is added by the writer.
 *
 * The input types below are the structural subset of lib/polar's parsed types that we read, so a field Polar
 * omits (optional) and one it sends as null are both accepted. Each time field is parsed by its own rule
 * (polar-accesslink.md §1.4) through lib/polar's time helpers; no offset is ever applied twice.
 */

type Maybe<T> = T | null | undefined;

export type { PhysiologyContext } from "./derive";

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

export type ExerciseSampleRow = {
  sampleType: number;
  recordingRate: number | null;
  sampleCount: number;
  packedValues: string;
};

export function toExerciseSampleRow(series: SampleSeries): ExerciseSampleRow {
  return {
    sampleType: series.sampleType,
    recordingRate: series.recordingRate,
    sampleCount: series.values.length,
    packedValues: packNumbers(series.values),
  };
}

export type ExerciseZoneRow = {
  zoneIndex: number;
  lowerLimit: number;
  upperLimit: number;
  inZoneSeconds: number;
  rawJson: string;
};

export function toExerciseZoneRows(zones: Maybe<ExerciseZonesInput>): ExerciseZoneRow[] {
  return (zones?.zone ?? []).map((zone) => ({
    zoneIndex: zone.index,
    lowerLimit: zone["lower-limit"],
    upperLimit: zone["upper-limit"],
    inZoneSeconds: parseIsoDuration(zone["in-zone"]),
    rawJson: JSON.stringify(zone),
  }));
}

export type ExerciseRow = {
  polarExerciseId: number | null;
  uploadTime: number | null;
  device: string | null;
  deviceId: string | null;
  startTimeLocal: string;
  utcOffsetMinutes: number;
  startUtcMs: number;
  localDate: string;
  durationSeconds: number;
  sport: string;
  detailedSport: string | null;
  calories: number | null;
  distanceMeters: number | null;
  avgHr: number | null;
  maxHr: number | null;
  trainingLoad: number | null;
  runningIndex: number | null;
  hasRoute: boolean | null;
  fatPercentage: number | null;
  carbohydratePercentage: number | null;
  proteinPercentage: number | null;
  cardioLoad: number | null;
  muscleLoad: number | null;
  perceivedLoad: number | null;
  cardioLoadInterpretation: string | null;
  muscleLoadInterpretation: string | null;
  perceivedLoadInterpretation: string | null;
  userRpe: string | null;
  zone0Seconds: number | null;
  zone1Seconds: number | null;
  zone2Seconds: number | null;
  zone3Seconds: number | null;
  zone4Seconds: number | null;
  zone5Seconds: number | null;
  noDataSeconds: number | null;
  trimp: number | null;
  trimpMethod: TrimpMethod | null;
  hrMaxUsed: number | null;
  hrRestUsed: number | null;
  hrMaxSource: "physical-info" | "age-fallback" | "override" | null;
};

const nn = <T>(value: Maybe<T>): T | null => (value === undefined ? null : value);

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

// ── daily activity (transactional) ──

export type ActivityInput = {
  id: number;
  date: string;
  created: string;
  calories?: Maybe<number>;
  "active-calories"?: Maybe<number>;
  duration?: Maybe<string>;
  "active-steps"?: Maybe<number>;
};
export type ActivityStepSamplesInput = {
  interval?: Maybe<number>;
  samples?: Maybe<{ steps?: Maybe<number>; time: string }[]>;
};
export type ActivityZoneSamplesInput = {
  interval?: Maybe<number>;
  samples?: Maybe<{ "activity-zones"?: Maybe<{ index: number; inzone: string }[]>; time: string }[]>;
};

export type ActivityRow = {
  localDate: string;
  polarActivityId: number;
  createdAt: number;
  calories: number | null;
  activeCalories: number | null;
  activeDurationSeconds: number | null;
  activeSteps: number | null;
  stepIntervalMinutes: number | null;
  stepSamples: string | null;
  zoneIntervalMinutes: number | null;
  zoneSamples: string | null;
};

export function toActivityRow(
  activity: ActivityInput,
  steps: Maybe<ActivityStepSamplesInput>,
  zones: Maybe<ActivityZoneSamplesInput>,
): ActivityRow {
  const createdAt = parseUtcTimestamp(activity.created);
  const stepPairs: PackedPair[] = (steps?.samples ?? [])
    .map((sample) => [parseClockTime(sample.time), nn(sample.steps)] as const)
    .sort((a, b) => a[0] - b[0]);
  const zoneEntries = (zones?.samples ?? [])
    .map((sample) => ({
      secondOfDay: parseClockTime(sample.time),
      zones: (sample["activity-zones"] ?? []).map((zone) => ({ index: zone.index, seconds: parseIsoDuration(zone.inzone) })),
    }))
    .sort((a, b) => a.secondOfDay - b.secondOfDay);
  return {
    // `date` is the device's local day (no zone information is given); `created` is UTC.
    localDate: activity.date,
    polarActivityId: activity.id,
    createdAt,
    calories: nn(activity.calories),
    activeCalories: nn(activity["active-calories"]),
    activeDurationSeconds: activity.duration ? parseIsoDuration(activity.duration) : null,
    activeSteps: nn(activity["active-steps"]),
    stepIntervalMinutes: nn(steps?.interval),
    stepSamples: steps ? packPairs(stepPairs) : null,
    zoneIntervalMinutes: nn(zones?.interval),
    zoneSamples: zones ? packZoneSamples(zoneEntries) : null,
  };
}

/** Newest summary wins for a day: later `created`, then the larger Polar id. */
export function isNewerActivity(
  incoming: { createdAt: number; polarActivityId: number },
  existing: { createdAt: number; polarActivityId: number },
): boolean {
  if (incoming.createdAt !== existing.createdAt) return incoming.createdAt > existing.createdAt;
  return incoming.polarActivityId > existing.polarActivityId;
}

// ── physical information (transactional) ──

export type PhysicalInfoInput = {
  id: number;
  created: string;
  weight?: Maybe<number>;
  height?: Maybe<number>;
  "maximum-heart-rate"?: Maybe<number>;
  "resting-heart-rate"?: Maybe<number>;
  "aerobic-threshold"?: Maybe<number>;
  "anaerobic-threshold"?: Maybe<number>;
  "vo2-max"?: Maybe<number>;
  "weight-source"?: Maybe<string>;
};

export type PhysicalInfoRow = {
  polarPhysicalInfoId: number;
  createdAt: number;
  localDate: string;
  weightKg: number | null;
  heightCm: number | null;
  maximumHeartRate: number | null;
  restingHeartRate: number | null;
  aerobicThreshold: number | null;
  anaerobicThreshold: number | null;
  vo2Max: number | null;
  weightSource: string | null;
};

/**
 * `created` is UTC and physical info carries no offset, so the local date is derived with the athlete's most
 * recent known offset (minutes east of UTC; 0 when none is known yet).
 */
export function toPhysicalInfoRow(info: PhysicalInfoInput, utcOffsetMinutes: number): PhysicalInfoRow {
  const createdAt = parseUtcTimestamp(info.created);
  return {
    polarPhysicalInfoId: info.id,
    createdAt,
    localDate: toIsoDate(createdAt + utcOffsetMinutes * 60_000),
    weightKg: nn(info.weight),
    heightCm: nn(info.height),
    maximumHeartRate: nn(info["maximum-heart-rate"]),
    restingHeartRate: nn(info["resting-heart-rate"]),
    aerobicThreshold: nn(info["aerobic-threshold"]),
    anaerobicThreshold: nn(info["anaerobic-threshold"]),
    vo2Max: nn(info["vo2-max"]),
    weightSource: nn(info["weight-source"]),
  };
}

// ── sleep ──

export type SleepInput = {
  date: string;
  sleep_start_time: string;
  sleep_end_time: string;
  device_id?: Maybe<string>;
  continuity?: Maybe<number>;
  continuity_class?: Maybe<number>;
  light_sleep?: Maybe<number>;
  deep_sleep?: Maybe<number>;
  rem_sleep?: Maybe<number>;
  unrecognized_sleep_stage?: Maybe<number>;
  sleep_score?: Maybe<number>;
  total_interruption_duration?: Maybe<number>;
  sleep_charge?: Maybe<number>;
  sleep_goal?: Maybe<number>;
  sleep_rating?: Maybe<number>;
  short_interruption_duration?: Maybe<number>;
  long_interruption_duration?: Maybe<number>;
  sleep_cycles?: Maybe<number>;
  group_duration_score?: Maybe<number>;
  group_solidity_score?: Maybe<number>;
  group_regeneration_score?: Maybe<number>;
  hypnogram?: Maybe<Record<string, number>>;
  heart_rate_samples?: Maybe<Record<string, number>>;
};

export type SleepRow = {
  localDate: string;
  startUtcMs: number;
  endUtcMs: number;
  startUtcOffsetMinutes: number;
  endUtcOffsetMinutes: number;
  deviceId: string | null;
  continuity: number | null;
  continuityClass: number | null;
  lightSleepSeconds: number | null;
  deepSleepSeconds: number | null;
  remSleepSeconds: number | null;
  unrecognizedSleepSeconds: number | null;
  sleepScore: number | null;
  totalInterruptionSeconds: number | null;
  shortInterruptionSeconds: number | null;
  longInterruptionSeconds: number | null;
  sleepCharge: number | null;
  sleepGoalSeconds: number | null;
  sleepRating: number | null;
  sleepCycles: number | null;
  groupDurationScore: number | null;
  groupSolidityScore: number | null;
  groupRegenerationScore: number | null;
  samplesBaseUtcMs: number;
  hypnogram: string;
  heartRateSamples: string;
};

/** Hypnogram codes outside the documented 0–5 (Polar's example has a 6) are stored as 5 = unknown. */
export function normalizeHypnogramCode(code: number): number {
  return Number.isInteger(code) && code >= 0 && code <= 5 ? code : 5;
}

const MINUTE_MS = 60_000;

export function toSleepRow(sleep: SleepInput): SleepRow {
  const start = parseOffsetDateTime(sleep.sleep_start_time);
  const end = parseOffsetDateTime(sleep.sleep_end_time);
  // Offsets are whole minutes, so flooring the UTC instant to the minute equals truncating the local clock:
  // the "HH:MM" keys then sit on whole seconds after the base.
  const base = Math.floor(start.utcMs / MINUTE_MS) * MINUTE_MS;
  const hypnogram = unwrapClockMap(sleep.hypnogram ?? {}, sleep.sleep_start_time).map((point) => ({
    utcMs: point.utcMs,
    value: normalizeHypnogramCode(point.value),
  }));
  const heartRates = unwrapClockMap(sleep.heart_rate_samples ?? {}, sleep.sleep_start_time).map((point) => ({
    utcMs: point.utcMs,
    value: point.value,
  }));
  return {
    localDate: sleep.date,
    startUtcMs: start.utcMs,
    endUtcMs: end.utcMs,
    startUtcOffsetMinutes: start.offsetMinutes,
    endUtcOffsetMinutes: end.offsetMinutes,
    deviceId: nn(sleep.device_id),
    continuity: nn(sleep.continuity),
    continuityClass: nn(sleep.continuity_class),
    lightSleepSeconds: nn(sleep.light_sleep),
    deepSleepSeconds: nn(sleep.deep_sleep),
    remSleepSeconds: nn(sleep.rem_sleep),
    unrecognizedSleepSeconds: nn(sleep.unrecognized_sleep_stage),
    sleepScore: nn(sleep.sleep_score),
    totalInterruptionSeconds: nn(sleep.total_interruption_duration),
    shortInterruptionSeconds: nn(sleep.short_interruption_duration),
    longInterruptionSeconds: nn(sleep.long_interruption_duration),
    sleepCharge: nn(sleep.sleep_charge),
    sleepGoalSeconds: nn(sleep.sleep_goal),
    sleepRating: nn(sleep.sleep_rating),
    sleepCycles: nn(sleep.sleep_cycles),
    groupDurationScore: nn(sleep.group_duration_score),
    groupSolidityScore: nn(sleep.group_solidity_score),
    groupRegenerationScore: nn(sleep.group_regeneration_score),
    samplesBaseUtcMs: base,
    hypnogram: packTimedValues(hypnogram, base),
    heartRateSamples: packTimedValues(heartRates, base),
  };
}

// ── nightly recharge ──

export type NightlyRechargeInput = {
  date: string;
  heart_rate_avg?: Maybe<number>;
  beat_to_beat_avg?: Maybe<number>;
  heart_rate_variability_avg?: Maybe<number>;
  breathing_rate_avg?: Maybe<number>;
  nightly_recharge_status?: Maybe<number>;
  ans_charge?: Maybe<number>;
  ans_charge_status?: Maybe<number>;
  hrv_samples?: Maybe<Record<string, number>>;
  breathing_samples?: Maybe<Record<string, number>>;
};

export type NightlyRechargeRow = {
  localDate: string;
  heartRateAvg: number | null;
  beatToBeatAvgMs: number | null;
  hrvRmssdMs: number | null;
  breathingRateAvg: number | null;
  nightlyRechargeStatus: number | null;
  ansCharge: number | null;
  ansChargeStatus: number | null;
  samplesBaseLocal: string;
  samplesBaseUtcMs: number | null;
  hrvSamples: string;
  breathingSamples: string;
};

/**
 * Nightly Recharge has no start time of its own: its `"HH:MM"` maps are unwrapped against the same night's
 * `sleep_start_time` when we have it (UTC base). Without it, the night is assumed to start at its earliest
 * evening key (12:00 or later) on the day before `date`, or at its earliest key on `date` when every key is
 * before noon; the maps are then stored in local wall time (`samplesBaseUtcMs` null).
 */
export function toNightlyRechargeRow(recharge: NightlyRechargeInput, sleepStartTime: string | null): NightlyRechargeRow {
  const hrvMap = recharge.hrv_samples ?? {};
  const breathingMap = recharge.breathing_samples ?? {};
  let anchor: string;
  let baseUtcMs: number | null;
  let baseLocal: string;
  if (sleepStartTime) {
    anchor = sleepStartTime;
    const start = parseOffsetDateTime(sleepStartTime);
    baseUtcMs = Math.floor(start.utcMs / MINUTE_MS) * MINUTE_MS;
    baseLocal = sleepStartTime.slice(0, 16);
  } else {
    const keys = [...Object.keys(hrvMap), ...Object.keys(breathingMap)].sort();
    const evening = keys.filter((key) => parseClockTime(key) >= 12 * 3600);
    const day = evening.length > 0 ? addDays(recharge.date, -1) : recharge.date;
    const first = evening.length > 0 ? evening[0] : (keys[0] ?? "00:00");
    baseLocal = `${day}T${first}`;
    // Local wall time carried as a "+00:00" instant: differences between keys stay exact, no real offset is
    // applied (none is known), and the stored base is the local string.
    anchor = `${baseLocal}:00+00:00`;
    baseUtcMs = null;
  }
  const anchorMs = Math.floor(parseOffsetDateTime(anchor).utcMs / MINUTE_MS) * MINUTE_MS;
  const unwrap = (map: Record<string, number>) =>
    unwrapClockMap(map, anchor).map((point) => ({ utcMs: point.utcMs, value: point.value }));
  return {
    localDate: recharge.date,
    heartRateAvg: nn(recharge.heart_rate_avg),
    beatToBeatAvgMs: nn(recharge.beat_to_beat_avg),
    hrvRmssdMs: nn(recharge.heart_rate_variability_avg),
    breathingRateAvg: nn(recharge.breathing_rate_avg),
    nightlyRechargeStatus: nn(recharge.nightly_recharge_status),
    ansCharge: nn(recharge.ans_charge),
    ansChargeStatus: nn(recharge.ans_charge_status),
    samplesBaseLocal: baseLocal,
    samplesBaseUtcMs: baseUtcMs,
    hrvSamples: packTimedValues(unwrap(hrvMap), anchorMs),
    breathingSamples: packTimedValues(unwrap(breathingMap), anchorMs),
  };
}

// ── continuous heart rate ──

export type ContinuousHeartRateInput = {
  date: string;
  heart_rate_samples?: Maybe<{ heart_rate?: Maybe<number>; sample_time: string }[]>;
};

export type ContinuousHeartRateRow = {
  localDate: string;
  sampleCount: number;
  minHr: number | null;
  maxHr: number | null;
  samples: string;
};

/** `sample_time` is the device's local clock on `date`: stored as seconds after local midnight. */
export function toContinuousHeartRateRow(day: ContinuousHeartRateInput): ContinuousHeartRateRow {
  const pairs = (day.heart_rate_samples ?? [])
    .map((sample) => [parseClockTime(sample.sample_time), sample.heart_rate && sample.heart_rate > 0 ? sample.heart_rate : null] as const)
    .sort((a, b) => a[0] - b[0]);
  const valid = pairs.map((pair) => pair[1]).filter((value): value is number => value !== null);
  return {
    localDate: day.date,
    sampleCount: pairs.length,
    minHr: valid.length > 0 ? Math.min(...valid) : null,
    maxHr: valid.length > 0 ? Math.max(...valid) : null,
    samples: packPairs(pairs),
  };
}

// ── cardio load ──

export type CardioLoadInput = {
  date: string;
  cardio_load_status: string;
  cardio_load?: Maybe<number>;
  strain?: Maybe<number>;
  tolerance?: Maybe<number>;
  cardio_load_ratio?: Maybe<number>;
  cardio_load_level?: Maybe<{
    very_low?: Maybe<number>;
    low?: Maybe<number>;
    medium?: Maybe<number>;
    high?: Maybe<number>;
    "very-high"?: Maybe<number>;
  }>;
};

export type CardioLoadRow = {
  localDate: string;
  status: string;
  cardioLoad: number | null;
  strain: number | null;
  tolerance: number | null;
  cardioLoadRatio: number | null;
  levelVeryLow: number | null;
  levelLow: number | null;
  levelMedium: number | null;
  levelHigh: number | null;
  levelVeryHigh: number | null;
};

/** Placeholder days (`LOAD_STATUS_NOT_AVAILABLE`) carry zeros that are not real zeros: store null. */
export function toCardioLoadRow(day: CardioLoadInput): CardioLoadRow {
  const placeholder = day.cardio_load_status === "LOAD_STATUS_NOT_AVAILABLE";
  const value = (v: Maybe<number>) => (placeholder ? null : nn(v));
  const level = day.cardio_load_level;
  return {
    localDate: day.date,
    status: day.cardio_load_status,
    cardioLoad: value(day.cardio_load),
    strain: value(day.strain),
    tolerance: value(day.tolerance),
    cardioLoadRatio: value(day.cardio_load_ratio),
    levelVeryLow: value(level?.very_low),
    levelLow: value(level?.low),
    levelMedium: value(level?.medium),
    levelHigh: value(level?.high),
    levelVeryHigh: value(level?.["very-high"]),
  };
}

// ── daily activity (non-transactional, §6.2) ──

export type DailyActivityInput = {
  /** Offset-less local day start (`2024-05-02T06:41:10`); its date part is the day the object describes. */
  start_time: string;
  inactivity_alert_count?: Maybe<number>;
  /** metres */
  distance_from_steps?: Maybe<number>;
  samples?: Maybe<{ date?: Maybe<string> }>;
};

export type DailyActivityExtraRow = {
  localDate: string;
  distanceFromStepsMeters: number | null;
  inactivityAlertCount: number | null;
};

/** The object has no `date` field: `samples.date` when samples were asked for, else the date of `start_time`. */
export function readDailyActivityDate(day: DailyActivityInput): string {
  const date = day.samples?.date ?? day.start_time.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`daily activity without a readable day: ${day.start_time}`);
  return date;
}

export function toDailyActivityExtraRow(day: DailyActivityInput): DailyActivityExtraRow {
  return {
    localDate: readDailyActivityDate(day),
    distanceFromStepsMeters: nn(day.distance_from_steps),
    inactivityAlertCount: nn(day.inactivity_alert_count),
  };
}

// ── dates ──

/** `YYYY-MM-DD` of an instant read as UTC (callers shift by an offset first when they mean a local day). */
export function toIsoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
