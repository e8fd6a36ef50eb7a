import { z } from "zod";
import { clockMapSchema, isoDateSchema } from "./common";

/**
 * One Nightly Recharge (`recharges[]`, `/{date}`), §6.6; `date` equals the same night's sleep `date`.
 * The `"HH:MM"` maps carry no start time of their own: unwrap them against that night's `sleep_start_time`.
 */
export const PolarNightlyRechargeSchema = z.looseObject({
  polar_user: z.string().nullish(),
  date: isoDateSchema,
  /** bpm */
  heart_rate_avg: z.number().nullish(),
  /** ms */
  beat_to_beat_avg: z.number().nullish(),
  /** ms, RMSSD */
  heart_rate_variability_avg: z.number().nullish(),
  /** breaths/min */
  breathing_rate_avg: z.number().nullish(),
  nightly_recharge_status: z.number().nullish(),
  ans_charge: z.number().nullish(),
  ans_charge_status: z.number().nullish(),
  hrv_samples: clockMapSchema(z.number()).nullish(),
  breathing_samples: clockMapSchema(z.number()).nullish(),
});
export type PolarNightlyRecharge = z.infer<typeof PolarNightlyRechargeSchema>;
