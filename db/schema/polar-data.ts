import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * Data synced from Polar AccessLink. Conventions shared by every table here:
 * - `athleteId` = `users.id`, ON DELETE CASCADE (deleting a user purges their data);
 * - provenance: `endpoint` (the URL or path the record came from, never a token), `transactionId` for
 *   transactional resources, `fetchedAt` (epoch ms);
 * - `rawJson`: the summary exactly as Polar sent it, so a better parser can re-derive the columns;
 * - instants are epoch milliseconds (UTC); `localDate` is the athlete's own calendar day (`YYYY-MM-DD`);
 * - a unique key on Polar's id or on (athlete, date) makes every upsert idempotent.
 *
 * Per-sample data is packed (one row per exercise and sample type, per night, per athlete-day) — never one row
 * per sample. Packed formats are documented in lib/sync/pack.ts.
 */

/**
 * Where a row came from: `api` (the sync) or `export` (Polar's "Download your data" archive, lib/import), with
 * the archive's file name and the entry inside it. The sync never writes `export`; an imported row is
 * replaced by the API's copy of the same record, and the import never overwrites an `api` row.
 */
export const importProvenance = () => ({
  source: text("source").$type<"api" | "export">().notNull().default("api"),
  archiveName: text("archive_name"),
  entryName: text("entry_name"),
});

const athleteRef = () =>
  text("athlete_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

/**
 * A training session, one row whichever exercise API delivered it (§5.2 transactional, int64 id; §6.1 list,
 * hashed id): the two are matched by (device id, UTC start), and each id is kept once known.
 */
export const exercises = sqliteTable(
  "exercise",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    /** The transactional API's int64 id; null while the session is known only from `/v3/exercises`. */
    polarExerciseId: integer("polar_exercise_id"),
    /** The hashed id of `/v3/exercises` (and of the EXERCISE webhook's `entity_id`); null until the list shows it. */
    polarHashedId: text("polar_hashed_id"),
    uploadTime: integer("upload_time"),
    device: text("device"),
    deviceId: text("device_id"),
    /** Polar's `start-time` verbatim: the watch's local clock, no offset. */
    startTimeLocal: text("start_time_local").notNull(),
    /** Minutes east of UTC at the session (`start-time-utc-offset`). */
    utcOffsetMinutes: integer("utc_offset_minutes").notNull(),
    /** UTC = local − offset, applied exactly once. */
    startUtcMs: integer("start_utc_ms").notNull(),
    localDate: text("local_date").notNull(),
    durationSeconds: real("duration_seconds").notNull(),
    sport: text("sport").notNull(),
    detailedSport: text("detailed_sport"),
    calories: integer("calories"),
    /** metres */
    distanceMeters: real("distance_meters"),
    avgHr: integer("avg_hr"),
    maxHr: integer("max_hr"),
    trainingLoad: real("training_load"),
    runningIndex: integer("running_index"),
    hasRoute: integer("has_route", { mode: "boolean" }),
    fatPercentage: integer("fat_percentage"),
    carbohydratePercentage: integer("carbohydrate_percentage"),
    proteinPercentage: integer("protein_percentage"),
    /** Training Load Pro (`training-load-pro`); muscle load −1 means "not available" and is stored as null. */
    cardioLoad: real("cardio_load"),
    muscleLoad: real("muscle_load"),
    perceivedLoad: real("perceived_load"),
    cardioLoadInterpretation: text("cardio_load_interpretation"),
    muscleLoadInterpretation: text("muscle_load_interpretation"),
    perceivedLoadInterpretation: text("perceived_load_interpretation"),
    userRpe: text("user_rpe"),
    /** Seconds in our computed zones (metrics §1.2, %HRmax model, sample-and-hold with a 10 s cap). */
    zone0Seconds: real("zone0_seconds"),
    zone1Seconds: real("zone1_seconds"),
    zone2Seconds: real("zone2_seconds"),
    zone3Seconds: real("zone3_seconds"),
    zone4Seconds: real("zone4_seconds"),
    zone5Seconds: real("zone5_seconds"),
    noDataSeconds: real("no_data_seconds"),
    /** Banister TRIMP (metrics §2.1). */
    trimp: real("trimp"),
    /** "segments" = per-sample sum (the method); "mean-hr" = fallback from the average HR (lower by convexity). */
    trimpMethod: text("trimp_method").$type<"segments" | "mean-hr">(),
    /** HRmax/HRrest/sex used for zones and TRIMP, and where they came from. */
    hrMaxUsed: integer("hr_max_used"),
    hrRestUsed: integer("hr_rest_used"),
    /** "physical-info" or "age-fallback" (220 − age, labelled as a last resort). */
    hrMaxSource: text("hr_max_source").$type<"physical-info" | "age-fallback" | "override">(),
    endpoint: text("endpoint").notNull(),
    transactionId: integer("transaction_id"),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    ...importProvenance(),
  },
  (t) => [
    uniqueIndex("exercise_athlete_polar_id_uq").on(t.athleteId, t.polarExerciseId),
    uniqueIndex("exercise_athlete_hashed_id_uq").on(t.athleteId, t.polarHashedId),
    index("exercise_athlete_date_idx").on(t.athleteId, t.localDate),
    // The newest sessions (overview, the athlete's clock) without sorting the whole history.
    index("exercise_athlete_start_idx").on(t.athleteId, t.startUtcMs),
    // The athlete's sports for the training filter, read one sport at a time (lib/dal/sessions/list.ts).
    index("exercise_athlete_sport_idx").on(t.athleteId, t.sport),
  ],
);

/** One row per exercise and sample type: recording rate + packed values (lib/sync/pack.ts `packNumbers`). */
export const exerciseSamples = sqliteTable(
  "exercise_sample",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    /** §10.1 code: 0 HR, 1 speed, 2 cadence, 3 altitude, 4 power, 11 RR. */
    sampleType: integer("sample_type").notNull(),
    /** Seconds between samples; null for RR intervals, whose values are the spacing. */
    recordingRate: integer("recording_rate"),
    sampleCount: integer("sample_count").notNull(),
    /** Comma-separated numbers, an empty field for a missing value. */
    packedValues: text("packed_values").notNull(),
    endpoint: text("endpoint").notNull(),
    transactionId: integer("transaction_id"),
    fetchedAt: integer("fetched_at").notNull(),
  },
  (t) => [uniqueIndex("exercise_sample_exercise_type_uq").on(t.exerciseId, t.sampleType)],
);

/** Polar's own zones for a session (labelled "Polar" in the UI, never summed with computed zones). */
export const exerciseHrZones = sqliteTable(
  "exercise_hr_zone",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    zoneIndex: integer("zone_index").notNull(),
    lowerLimit: integer("lower_limit").notNull(),
    upperLimit: integer("upper_limit").notNull(),
    inZoneSeconds: real("in_zone_seconds").notNull(),
    endpoint: text("endpoint").notNull(),
    transactionId: integer("transaction_id"),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
  },
  (t) => [uniqueIndex("exercise_hr_zone_exercise_index_uq").on(t.exerciseId, t.zoneIndex)],
);

/**
 * Transactional daily activity. Every re-sync of a day at Polar is a new summary with a new id; one row per
 * (athlete, date) holds the newest (`created`, then id), so older repeats never overwrite it.
 */
export const dailyActivities = sqliteTable(
  "daily_activity",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    /** The device's local day. */
    localDate: text("local_date").notNull(),
    polarActivityId: integer("polar_activity_id").notNull(),
    createdAt: integer("created_at").notNull(),
    calories: integer("calories"),
    activeCalories: integer("active_calories"),
    activeDurationSeconds: real("active_duration_seconds"),
    activeSteps: integer("active_steps"),
    /** Minutes per step-sample interval. */
    stepIntervalMinutes: integer("step_interval_minutes"),
    /** `secondOfLocalDay:steps` pairs, steps empty when null (pack.ts `packPairs`). */
    stepSamples: text("step_samples"),
    zoneIntervalMinutes: integer("zone_interval_minutes"),
    /** `secondOfLocalDay:zone=seconds;zone=seconds` entries (pack.ts `packZoneSamples`). */
    zoneSamples: text("zone_samples"),
    endpoint: text("endpoint").notNull(),
    transactionId: integer("transaction_id"),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    ...importProvenance(),
  },
  (t) => [uniqueIndex("daily_activity_athlete_date_uq").on(t.athleteId, t.localDate)],
);

/**
 * The non-transactional daily activity (`/v3/users/activities`, §6.2), kept beside the transactional summary
 * for the fields that one lacks. Keyed by (athlete, local day) and read in 28-day windows, so a day may exist
 * here before or without a transactional summary.
 */
export const dailyActivityExtras = sqliteTable(
  "daily_activity_extra",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    /** The device's local day (date part of Polar's offset-less `start_time`). */
    localDate: text("local_date").notNull(),
    /** metres */
    distanceFromStepsMeters: real("distance_from_steps_meters"),
    inactivityAlertCount: integer("inactivity_alert_count"),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    /** sha256 of the day as Polar served it: an unchanged day is recognised without re-deriving or rewriting it. */
    contentHash: text("content_hash"),
  },
  (t) => [uniqueIndex("daily_activity_extra_athlete_date_uq").on(t.athleteId, t.localDate)],
);

/** Physical-information history: every change at Polar is a full snapshot; the newest `created` is current. */
export const physicalInfos = sqliteTable(
  "physical_info",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    polarPhysicalInfoId: integer("polar_physical_info_id").notNull(),
    createdAt: integer("created_at").notNull(),
    localDate: text("local_date").notNull(),
    weightKg: real("weight_kg"),
    heightCm: real("height_cm"),
    maximumHeartRate: integer("maximum_heart_rate"),
    restingHeartRate: integer("resting_heart_rate"),
    aerobicThreshold: integer("aerobic_threshold"),
    anaerobicThreshold: integer("anaerobic_threshold"),
    vo2Max: integer("vo2_max"),
    weightSource: text("weight_source"),
    endpoint: text("endpoint").notNull(),
    transactionId: integer("transaction_id"),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    ...importProvenance(),
  },
  (t) => [
    uniqueIndex("physical_info_athlete_polar_id_uq").on(t.athleteId, t.polarPhysicalInfoId),
    index("physical_info_athlete_created_idx").on(t.athleteId, t.createdAt),
  ],
);

/** One night per (athlete, Polar `date` = wake-up day). Maps unwrapped across midnight and stored in UTC. */
export const sleeps = sqliteTable(
  "sleep",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    localDate: text("local_date").notNull(),
    startUtcMs: integer("start_utc_ms").notNull(),
    endUtcMs: integer("end_utc_ms").notNull(),
    /** Offsets carried by `sleep_start_time` / `sleep_end_time` (minutes east of UTC). */
    startUtcOffsetMinutes: integer("start_utc_offset_minutes").notNull(),
    endUtcOffsetMinutes: integer("end_utc_offset_minutes").notNull(),
    deviceId: text("device_id"),
    continuity: real("continuity"),
    continuityClass: integer("continuity_class"),
    lightSleepSeconds: integer("light_sleep_seconds"),
    deepSleepSeconds: integer("deep_sleep_seconds"),
    remSleepSeconds: integer("rem_sleep_seconds"),
    unrecognizedSleepSeconds: integer("unrecognized_sleep_seconds"),
    sleepScore: integer("sleep_score"),
    totalInterruptionSeconds: integer("total_interruption_seconds"),
    shortInterruptionSeconds: integer("short_interruption_seconds"),
    longInterruptionSeconds: integer("long_interruption_seconds"),
    sleepCharge: integer("sleep_charge"),
    sleepGoalSeconds: integer("sleep_goal_seconds"),
    sleepRating: integer("sleep_rating"),
    sleepCycles: integer("sleep_cycles"),
    groupDurationScore: real("group_duration_score"),
    groupSolidityScore: real("group_solidity_score"),
    groupRegenerationScore: real("group_regeneration_score"),
    /** `utcSecondsSinceBase:value` pairs (pack.ts `packTimedValues`), base = `samplesBaseUtcMs`. */
    samplesBaseUtcMs: integer("samples_base_utc_ms").notNull(),
    hypnogram: text("hypnogram").notNull(),
    heartRateSamples: text("heart_rate_samples").notNull(),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    /** sha256 of the day as Polar served it: an unchanged day is recognised without re-deriving or rewriting it. */
    contentHash: text("content_hash"),
    ...importProvenance(),
  },
  (t) => [
    uniqueIndex("sleep_athlete_date_uq").on(t.athleteId, t.localDate),
    // The newest night by its end instant (the athlete's clock) without sorting the whole history.
    index("sleep_athlete_end_idx").on(t.athleteId, t.endUtcMs),
  ],
);

/** Nightly Recharge per (athlete, date) — the same `date` as that night's sleep. */
export const nightlyRecharges = sqliteTable(
  "nightly_recharge",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    localDate: text("local_date").notNull(),
    heartRateAvg: integer("heart_rate_avg"),
    beatToBeatAvgMs: integer("beat_to_beat_avg_ms"),
    /** RMSSD, ms */
    hrvRmssdMs: integer("hrv_rmssd_ms"),
    breathingRateAvg: real("breathing_rate_avg"),
    nightlyRechargeStatus: integer("nightly_recharge_status"),
    ansCharge: real("ans_charge"),
    ansChargeStatus: integer("ans_charge_status"),
    /**
     * Maps unwrapped against the same night's sleep start when it is stored (UTC base), otherwise against
     * the night's local start guess; `samplesBaseUtcMs` is null in that case and `samplesBaseLocal` is used.
     */
    samplesBaseLocal: text("samples_base_local").notNull(),
    samplesBaseUtcMs: integer("samples_base_utc_ms"),
    hrvSamples: text("hrv_samples").notNull(),
    breathingSamples: text("breathing_samples").notNull(),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    /** sha256 of the day as Polar served it: an unchanged day is recognised without re-deriving or rewriting it. */
    contentHash: text("content_hash"),
    ...importProvenance(),
  },
  (t) => [uniqueIndex("nightly_recharge_athlete_date_uq").on(t.athleteId, t.localDate)],
);

/** 24/7 heart rate: one row per athlete-day; sample times are the device's local clock on that day. */
export const continuousHeartRates = sqliteTable(
  "continuous_heart_rate",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    localDate: text("local_date").notNull(),
    sampleCount: integer("sample_count").notNull(),
    minHr: integer("min_hr"),
    maxHr: integer("max_hr"),
    /** `secondOfLocalDay:bpm` pairs sorted by time (pack.ts `packPairs`). */
    samples: text("samples").notNull(),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    /** sha256 of the day as Polar served it: an unchanged day is recognised without re-deriving or rewriting it. */
    contentHash: text("content_hash"),
    ...importProvenance(),
  },
  (t) => [uniqueIndex("continuous_heart_rate_athlete_date_uq").on(t.athleteId, t.localDate)],
);

/** Polar's cardio load per day. Placeholder days keep their status; their numbers are null, not zero. */
export const cardioLoads = sqliteTable(
  "cardio_load",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: athleteRef(),
    localDate: text("local_date").notNull(),
    status: text("status").notNull(),
    cardioLoad: real("cardio_load"),
    strain: real("strain"),
    tolerance: real("tolerance"),
    cardioLoadRatio: real("cardio_load_ratio"),
    levelVeryLow: real("level_very_low"),
    levelLow: real("level_low"),
    levelMedium: real("level_medium"),
    levelHigh: real("level_high"),
    levelVeryHigh: real("level_very_high"),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    rawJson: text("raw_json").notNull(),
    /** sha256 of the day as Polar served it: an unchanged day is recognised without re-deriving or rewriting it. */
    contentHash: text("content_hash"),
  },
  (t) => [uniqueIndex("cardio_load_athlete_date_uq").on(t.athleteId, t.localDate)],
);
