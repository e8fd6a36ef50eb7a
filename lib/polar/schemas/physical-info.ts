import { z } from "zod";
import { isoDateSchema, isoDurationSchema, utcTimestampSchema } from "./common";

/** Transactional physical information (§5.4), kebab-case; each entry is a full snapshot, newest `created` wins. */
export const PolarPhysicalInfoSchema = z.looseObject({
  id: z.number().int(),
  "transaction-id": z.number().int().nullish(),
  /** UTC */
  created: utcTimestampSchema,
  "polar-user": z.string().nullish(),
  /** kg */
  weight: z.number().nullish(),
  /** cm */
  height: z.number().nullish(),
  "maximum-heart-rate": z.number().nullish(),
  "resting-heart-rate": z.number().nullish(),
  "aerobic-threshold": z.number().nullish(),
  "anaerobic-threshold": z.number().nullish(),
  "vo2-max": z.number().nullish(),
  "weight-source": z.string().nullish(),
});
export type PolarPhysicalInfo = z.infer<typeof PolarPhysicalInfoSchema>;

/** `GET /v3/users/physical-info` (§6.9), snake_case; `birthday` (not `birthdate`), `sleep_goal` as ISO duration. */
export const PolarPhysicalInfoV2Schema = z.looseObject({
  weight: z.number().nullish(),
  height: z.number().nullish(),
  created: utcTimestampSchema.nullish(),
  modified: utcTimestampSchema.nullish(),
  birthday: isoDateSchema.nullish(),
  gender: z.string().nullish(),
  maximum_heart_rate: z.number().nullish(),
  resting_heart_rate: z.number().nullish(),
  aerobic_threshold: z.number().nullish(),
  anaerobic_threshold: z.number().nullish(),
  vo2_max: z.number().nullish(),
  weight_source: z.string().nullish(),
  training_background: z.string().nullish(),
  typical_day: z.string().nullish(),
  sleep_goal: isoDurationSchema.nullish(),
});
export type PolarPhysicalInfoV2 = z.infer<typeof PolarPhysicalInfoV2Schema>;
