import { z } from "zod";
import { isoDateSchema } from "./common";

/**
 * Known `cardio_load_status` values (§10.4): the one list, read by the analytics. The day schema below still
 * accepts any string, so a status Polar adds later is stored, not rejected.
 */
export const PolarCardioLoadStatusSchema = z.enum([
  "LOAD_STATUS_NOT_AVAILABLE",
  "DETRAINING",
  "MAINTAINING",
  "PRODUCTIVE",
  "OVERREACHING",
  "RECOVERY_AFTER_OVERREACHING",
  "PRODUCTIVE_DROPPED_FROM_OVERREACHING",
  "PRODUCTIVE_ALMOST_OVERREACHING",
  "UNRECOGNIZED",
]);
export type PolarCardioLoadStatus = z.infer<typeof PolarCardioLoadStatusSchema>;

/** Session-load thresholds; note the hyphen in `very-high` next to `very_low`. */
export const PolarCardioLoadLevelSchema = z.looseObject({
  very_low: z.number().nullish(),
  low: z.number().nullish(),
  medium: z.number().nullish(),
  high: z.number().nullish(),
  "very-high": z.number().nullish(),
});
export type PolarCardioLoadLevel = z.infer<typeof PolarCardioLoadLevelSchema>;

/**
 * One day of cardio load (every variant answers an array of these, §6.4). On `LOAD_STATUS_NOT_AVAILABLE`
 * placeholder days the numbers are 0.0 or absent (U14) and are not real zeros.
 */
export const PolarCardioLoadDaySchema = z.looseObject({
  date: isoDateSchema,
  cardio_load_status: z.string(),
  cardio_load: z.number().nullish(),
  /** mean daily load over 7 days */
  strain: z.number().nullish(),
  /** mean daily load over 28 days */
  tolerance: z.number().nullish(),
  cardio_load_ratio: z.number().nullish(),
  cardio_load_level: PolarCardioLoadLevelSchema.nullish(),
});
export type PolarCardioLoadDay = z.infer<typeof PolarCardioLoadDaySchema>;
