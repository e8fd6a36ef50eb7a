import { z } from "zod";
import { utcNoZSchema } from "./common";

/** SleepWise (§6.7): every time is UTC without `Z` (`parseUtcNoZ`); enums (§10.6) kept as open strings. */

export const PolarAlertnessHourSchema = z.looseObject({
  validity: z.string().nullish(),
  alertness_level: z.string().nullish(),
  start_time: utcNoZSchema,
  end_time: utcNoZSchema,
});
export type PolarAlertnessHour = z.infer<typeof PolarAlertnessHourSchema>;

export const PolarAlertnessSchema = z.looseObject({
  grade: z.number().nullish(),
  grade_validity_seconds: z.number().nullish(),
  grade_type: z.string().nullish(),
  grade_classification: z.string().nullish(),
  validity: z.string().nullish(),
  sleep_inertia: z.string().nullish(),
  sleep_type: z.string().nullish(),
  result_type: z.string().nullish(),
  period_start_time: utcNoZSchema.nullish(),
  period_end_time: utcNoZSchema.nullish(),
  sleep_period_start_time: utcNoZSchema.nullish(),
  sleep_period_end_time: utcNoZSchema.nullish(),
  sleep_timezone_offset_minutes: z.number().nullish(),
  hourly_data: z.array(PolarAlertnessHourSchema).nullish(),
});
export type PolarAlertness = z.infer<typeof PolarAlertnessSchema>;

export const PolarCircadianBedtimeSchema = z.looseObject({
  validity: z.string().nullish(),
  quality: z.string().nullish(),
  result_type: z.string().nullish(),
  period_start_time: utcNoZSchema.nullish(),
  period_end_time: utcNoZSchema.nullish(),
  preferred_sleep_period_start_time: utcNoZSchema.nullish(),
  preferred_sleep_period_end_time: utcNoZSchema.nullish(),
  sleep_gate_start_time: utcNoZSchema.nullish(),
  sleep_gate_end_time: utcNoZSchema.nullish(),
  sleep_timezone_offset_minutes: z.number().nullish(),
});
export type PolarCircadianBedtime = z.infer<typeof PolarCircadianBedtimeSchema>;
