import { z } from "zod";
import { clockTimeSchema, isoDateSchema } from "./common";

/** One continuous-HR sample: `sample_time` is the device's local clock (`HH:mm:ss`) on the day's `date`. */
export const PolarContinuousHeartRateSampleSchema = z.looseObject({
  /** bpm; null tolerated as "no reading". */
  heart_rate: z.number().nullable(),
  sample_time: clockTimeSchema,
});
export type PolarContinuousHeartRateSample = z.infer<typeof PolarContinuousHeartRateSampleSchema>;

/** `GET /v3/users/continuous-heart-rate/{date}` and each element of the range's `heart_rates` (§6.3). */
export const PolarContinuousHeartRateDaySchema = z.looseObject({
  polar_user: z.string().nullish(),
  date: isoDateSchema,
  heart_rate_samples: z.array(PolarContinuousHeartRateSampleSchema).nullish(),
});
export type PolarContinuousHeartRateDay = z.infer<typeof PolarContinuousHeartRateDaySchema>;
