import { z } from "zod";
import { isoDateSchema, utcTimestampSchema } from "./common";

/** Subscribable event types (§7.2); `PING` is sent by Polar but cannot be subscribed to. */
export const POLAR_WEBHOOK_EVENTS = [
  "EXERCISE",
  "SLEEP",
  "CONTINUOUS_HEART_RATE",
  "SLEEP_WISE_CIRCADIAN_BEDTIME",
  "SLEEP_WISE_ALERTNESS",
  "ACTIVITY_SUMMARY",
  "PHYSICAL_INFORMATION",
] as const;
export const PolarWebhookEventSchema = z.enum(POLAR_WEBHOOK_EVENTS);
export type PolarWebhookEvent = z.infer<typeof PolarWebhookEventSchema>;

/** `201` of `POST /v3/webhooks`: `{ "data": { …, signature_secret_key } }` — the secret is shown only here. */
export const PolarWebhookCreatedSchema = z.looseObject({
  data: z.looseObject({
    id: z.string().min(1),
    events: z.array(z.string()),
    url: z.string(),
    signature_secret_key: z.string().min(1),
  }),
});
export type PolarWebhookCreated = z.infer<typeof PolarWebhookCreatedSchema>;

/** One webhook of `GET`/`PATCH /v3/webhooks`; `active` exists since 18.01.2024. */
export const PolarWebhookInfoSchema = z.looseObject({
  id: z.string().min(1),
  events: z.array(z.string()),
  url: z.string(),
  active: z.boolean().nullish(),
});
export type PolarWebhookInfo = z.infer<typeof PolarWebhookInfoSchema>;

/** `GET /v3/webhooks` → `{ "data": [ … ] }` (an array, possibly empty). */
export const PolarWebhookListSchema = z.looseObject({ data: z.array(PolarWebhookInfoSchema) });
export type PolarWebhookList = z.infer<typeof PolarWebhookListSchema>;

/**
 * A delivery body (§7.4), for the receiving route after its signature check. `event` stays an open string
 * (`PING` and future types); `entity_id` only on EXERCISE, `date` on day events, `from`/`to` on SleepWise.
 */
export const PolarWebhookPayloadSchema = z.looseObject({
  event: z.string(),
  user_id: z.number().int().nullish(),
  entity_id: z.string().nullish(),
  date: isoDateSchema.nullish(),
  from: isoDateSchema.nullish(),
  to: isoDateSchema.nullish(),
  /** UTC; fractional seconds may have 2 digits (`…08:00:00.00Z`). */
  timestamp: utcTimestampSchema.nullish(),
  url: z.string().nullish(),
});
export type PolarWebhookPayload = z.infer<typeof PolarWebhookPayloadSchema>;

/** Error bodies (§9.2): the spec's flat camelCase shape or the observed wrapped snake_case one. Logged raw. */
export const PolarApiErrorBodySchema = z.union([
  z.looseObject({
    error: z.looseObject({
      timestamp: z.string().nullish(),
      status: z.number().nullish(),
      error_type: z.string().nullish(),
      message: z.string().nullish(),
      corr_id: z.string().nullish(),
    }),
  }),
  z.looseObject({
    timestamp: z.string().nullish(),
    status: z.number().nullish(),
    errorType: z.string().nullish(),
    message: z.string().nullish(),
    corrId: z.string().nullish(),
  }),
]);
export type PolarApiErrorBody = z.infer<typeof PolarApiErrorBodySchema>;
