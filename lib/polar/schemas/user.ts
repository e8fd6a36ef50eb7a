import { z } from "zod";
import { isoDateSchema, utcTimestampSchema } from "./common";

export const PolarUserExtraInfoSchema = z.looseObject({
  value: z.string().nullish(),
  index: z.number().int().nullish(),
  name: z.string().nullish(),
});
export type PolarUserExtraInfo = z.infer<typeof PolarUserExtraInfoSchema>;

/** `POST /v3/users` (200) and `GET /v3/users/{user-id}` — kebab-case (§3.1). */
export const PolarUserSchema = z.looseObject({
  "polar-user-id": z.number().int(),
  "member-id": z.string().nullish(),
  /** UTC; the cut-off for the data we may see (§6.10). */
  "registration-date": utcTimestampSchema.nullish(),
  "first-name": z.string().nullish(),
  "last-name": z.string().nullish(),
  birthdate: isoDateSchema.nullish(),
  /** `MALE` | `FEMALE` today; kept as a string so a new value never hides the user. */
  gender: z.string().nullish(),
  /** kg */
  weight: z.number().nullish(),
  /** cm */
  height: z.number().nullish(),
  /** null when the partner defines no extra questions. */
  "extra-info": z.array(PolarUserExtraInfoSchema).nullish(),
});
export type PolarUser = z.infer<typeof PolarUserSchema>;
