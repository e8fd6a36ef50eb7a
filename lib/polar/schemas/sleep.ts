import { z } from "zod";
import { clockMapSchema, isoDateSchema, offsetDateTimeSchema } from "./common";

/**
 * One night (`/v3/users/sleep` `nights[]`, `/v3/users/sleep/{date}`), §6.5. Durations are integer seconds here
 * (not ISO strings). `hypnogram` and `heart_rate_samples` are `"HH:MM"` maps crossing midnight: unwrap them with
 * `unwrapClockMap(map, sleep_start_time)`. Hypnogram codes 0–5 are documented; others (Polar's own `6`) are
 * accepted as numbers and mean "unknown".
 */
export const PolarSleepSchema = z.looseObject({
  polar_user: z.string().nullish(),
  /** The night's result date (the wake-up day in practice). */
  date: isoDateSchema,
  /** Local time with offset. */
  sleep_start_time: offsetDateTimeSchema,
  sleep_end_time: offsetDateTimeSchema,
  device_id: z.string().nullish(),
  continuity: z.number().nullish(),
  continuity_class: z.number().nullish(),
  light_sleep: z.number().nullish(),
  deep_sleep: z.number().nullish(),
  rem_sleep: z.number().nullish(),
  unrecognized_sleep_stage: z.number().nullish(),
  sleep_score: z.number().nullish(),
  total_interruption_duration: z.number().nullish(),
  sleep_charge: z.number().nullish(),
  sleep_goal: z.number().nullish(),
  sleep_rating: z.number().nullish(),
  short_interruption_duration: z.number().nullish(),
  long_interruption_duration: z.number().nullish(),
  sleep_cycles: z.number().nullish(),
  group_duration_score: z.number().nullish(),
  group_solidity_score: z.number().nullish(),
  group_regeneration_score: z.number().nullish(),
  hypnogram: clockMapSchema(z.number()).nullish(),
  heart_rate_samples: clockMapSchema(z.number()).nullish(),
});
export type PolarSleep = z.infer<typeof PolarSleepSchema>;

/** One entry of `/v3/users/sleep/available`. */
export const PolarSleepAvailableSchema = z.looseObject({
  date: isoDateSchema,
  start_time: offsetDateTimeSchema.nullish(),
  end_time: offsetDateTimeSchema.nullish(),
});
export type PolarSleepAvailable = z.infer<typeof PolarSleepAvailableSchema>;
