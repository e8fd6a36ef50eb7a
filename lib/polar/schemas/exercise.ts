import { z } from "zod";
import { dateTimeSchema, isoDateSchema, isoDurationSchema, sampleDataSchema, utcTimestampSchema } from "./common";

/**
 * Exercises of both generations (§5.2 transactional, kebab-case; §6.1 hashed id, snake_case with kebab-case
 * stragglers: `running-index`, and kebab-case keys inside zones, samples and `training_load_pro`).
 * `sport` and `detailed-sport-info` are open strings: unknown values must never hide a session (§10.5).
 */

export const PolarExerciseHeartRateSchema = z.looseObject({
  average: z.number().nullish(),
  maximum: z.number().nullish(),
});
export type PolarExerciseHeartRate = z.infer<typeof PolarExerciseHeartRateSchema>;

/** Training Load Pro (§10.4); kebab-case in both exercise generations. Interpretations are open strings. */
export const PolarTrainingLoadProSchema = z.looseObject({
  date: isoDateSchema.nullish(),
  "cardio-load": z.number().nullish(),
  /** `-1.0` with `NOT_AVAILABLE` without a power source. */
  "muscle-load": z.number().nullish(),
  "perceived-load": z.number().nullish(),
  "cardio-load-interpretation": z.string().nullish(),
  "muscle-load-interpretation": z.string().nullish(),
  "perceived-load-interpretation": z.string().nullish(),
  "user-rpe": z.string().nullish(),
});
export type PolarTrainingLoadPro = z.infer<typeof PolarTrainingLoadProSchema>;

/** One HR zone; integer bpm limits, neighbours share a limit. */
export const PolarHeartRateZoneSchema = z.looseObject({
  index: z.number().int(),
  "lower-limit": z.number(),
  "upper-limit": z.number(),
  "in-zone": isoDurationSchema,
});
export type PolarHeartRateZone = z.infer<typeof PolarHeartRateZoneSchema>;

/** One sample series; `data` arrives as Polar's comma-separated string and is parsed into numbers (null = missing). `recording-rate` is null for RR (type 11). */
export const PolarExerciseSampleSchema = z.looseObject({
  /** Seconds between samples; null for RR intervals. */
  "recording-rate": z.number().nullish(),
  /** The type code of §10.1 as a string (`"0"` HR … `"11"` RR); a number is tolerated. */
  "sample-type": z.union([z.string(), z.number()]),
  data: sampleDataSchema.nullish(),
});
export type PolarExerciseSample = z.infer<typeof PolarExerciseSampleSchema>;

/** Transactional exercise (`…/exercises/{exercise-id}`). */
export const PolarExerciseSchema = z.looseObject({
  id: z.number().int(),
  "upload-time": utcTimestampSchema.nullish(),
  "polar-user": z.string().nullish(),
  "transaction-id": z.number().int().nullish(),
  device: z.string().nullish(),
  "device-id": z.string().nullish(),
  /** The watch's local time, no offset: UTC = local − `start-time-utc-offset` (`exerciseStartToUtc`). */
  "start-time": dateTimeSchema,
  /** Minutes east of UTC. */
  "start-time-utc-offset": z.number().int(),
  duration: isoDurationSchema,
  /** kcal */
  calories: z.number().nullish(),
  /** metres */
  distance: z.number().nullish(),
  "heart-rate": PolarExerciseHeartRateSchema.nullish(),
  "training-load": z.number().nullish(),
  sport: z.string().nullish(),
  "has-route": z.boolean().nullish(),
  "club-id": z.number().int().nullish(),
  "club-name": z.string().nullish(),
  "detailed-sport-info": z.string().nullish(),
  "fat-percentage": z.number().nullish(),
  "carbohydrate-percentage": z.number().nullish(),
  "protein-percentage": z.number().nullish(),
  "running-index": z.number().nullish(),
  "training-load-pro": PolarTrainingLoadProSchema.nullish(),
});
export type PolarExercise = z.infer<typeof PolarExerciseSchema>;

/** `…/heart-rate-zones`; `zone` is null when the session has no zone information. */
export const PolarExerciseZonesSchema = z.looseObject({
  zone: z.array(PolarHeartRateZoneSchema).nullish(),
});
export type PolarExerciseZones = z.infer<typeof PolarExerciseZonesSchema>;

/** `…/samples`: one absolute URL per recorded sample type. */
export const PolarExerciseSampleListSchema = z.looseObject({ samples: z.array(z.string()).nullish() });
export type PolarExerciseSampleList = z.infer<typeof PolarExerciseSampleListSchema>;

/** Route point of the hashed-id exercise (`?route=true`); `time` is elapsed since start (`PT1.002S`). */
export const PolarRoutePointSchema = z.looseObject({
  latitude: z.number(),
  longitude: z.number(),
  time: isoDurationSchema,
  satellites: z.number().nullish(),
  fix: z.number().nullish(),
});
export type PolarRoutePoint = z.infer<typeof PolarRoutePointSchema>;

/** Exercise by hashed id (`/v3/exercises`, `/v3/exercises/{id}`): snake_case with kebab-case stragglers. */
export const PolarExerciseV2Schema = z.looseObject({
  /** Short hashed id (`bN7xQ2`), unrelated to the transactional int64 id. */
  id: z.string().min(1),
  upload_time: utcTimestampSchema.nullish(),
  polar_user: z.string().nullish(),
  device: z.string().nullish(),
  device_id: z.string().nullish(),
  /** Local, no offset; UTC = local − `start_time_utc_offset`. */
  start_time: dateTimeSchema,
  start_time_utc_offset: z.number().int(),
  duration: isoDurationSchema,
  calories: z.number().nullish(),
  distance: z.number().nullish(),
  heart_rate: PolarExerciseHeartRateSchema.nullish(),
  training_load: z.number().nullish(),
  sport: z.string().nullish(),
  has_route: z.boolean().nullish(),
  club_id: z.number().int().nullish(),
  club_name: z.string().nullish(),
  detailed_sport_info: z.string().nullish(),
  fat_percentage: z.number().nullish(),
  carbohydrate_percentage: z.number().nullish(),
  protein_percentage: z.number().nullish(),
  /** Kebab-case inside the snake_case object — genuine Polar naming. */
  "running-index": z.number().nullish(),
  /** Only with `zones=true`. */
  heart_rate_zones: z.array(PolarHeartRateZoneSchema).nullish(),
  /** Only with `samples=true`. */
  samples: z.array(PolarExerciseSampleSchema).nullish(),
  /** Only with `route=true`. */
  route: z.array(PolarRoutePointSchema).nullish(),
  training_load_pro: PolarTrainingLoadProSchema.nullish(),
});
export type PolarExerciseV2 = z.infer<typeof PolarExerciseV2Schema>;
