import { z } from "zod";

/** Token endpoint success (§2.3). No refresh_token, scope or id_token exists in AccessLink v3. */
export const PolarTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  /** Seconds; Polar reports 31535999 (one second short of 365 days). Advisory: the real signal is a 401. */
  expires_in: z.number(),
  /** The athlete's Polar user id (int64). */
  x_user_id: z.number().int(),
});
export type PolarTokenResponse = z.infer<typeof PolarTokenResponseSchema>;

/** Token endpoint failure body: exactly `{"error":"invalid_grant"}` observed; `error_description` may be absent. */
export const PolarOAuthErrorSchema = z.looseObject({
  error: z.string(),
  error_description: z.string().nullish(),
});
export type PolarOAuthError = z.infer<typeof PolarOAuthErrorSchema>;
