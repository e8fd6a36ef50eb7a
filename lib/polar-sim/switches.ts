import { z } from "zod";
import { deviceHabitsSchema } from "@/lib/polar-sim/habits";

/**
 * The answers the simulator gives to the uncertain points of polar-accesslink.md §12 (U1–U24) plus the rate-limit
 * knobs of §8. Defaults are the documented ones; `POST /__admin/switches` changes any subset.
 */
export const simSwitchesSchema = z.object({
  /** U1: seconds an uncommitted transaction lives; 0 = never expires. */
  transactionTtlSeconds: z.number().int().min(0),
  /** U2: POST while a transaction is open and unexpired. */
  openTransactionPost: z.enum(["204", "same", "second"]),
  /** U3: transactional look-back in days. */
  transactionLookbackDays: z.union([z.literal(28), z.literal(30)]),
  /** U4: reject tokens older than `expires_in`. */
  enforceTokenExpiry: z.boolean(),
  /** U5: client credentials in the form body only. */
  tokenBodyCredentials: z.enum(["reject-400", "accept", "reject-401"]),
  /** U6: add `error_description` to OAuth errors. */
  oauthErrorDescription: z.boolean(),
  /** U7: error bodies outside webhooks: empty (default) or Polar's flat camelCase spec shape everywhere. */
  errorBodyShape: z.enum(["observed", "spec"]),
  /** U8: add `Retry-After` to 429 responses. */
  retryAfter: z.boolean(),
  /** U8: Basic-auth calls get their own counters instead of sharing the client's. */
  separateBasicCounters: z.boolean(),
  /** U9: continuous-HR range shape: `{"heart_rates": [...]}` or the spec's single-day object. */
  chrRangeShape: z.enum(["heart_rates", "spec"]),
  /** U10: continuous-HR maximum range and look-back, days. */
  chrMaxRangeDays: z.number().int().min(1),
  chrLookbackDays: z.number().int().min(1),
  /** U11: new daily-activity `start_time`/`end_time` as local wall-clock times (observed) or UTC (the spec's word). */
  dailyActivityTimes: z.enum(["local", "utc"]),
  /** U13: some nights' hypnograms carry codes outside the documented 0–5 (6 as in Polar's example, and 9). */
  hypnogramUndocumentedCodes: z.boolean(),
  /** U14: omit the numbers of cardio-load placeholder days. */
  cardioPlaceholderOmitNumbers: z.boolean(),
  /** U15: sign the PING with the webhook's secret; header spelling. */
  pingSigned: z.boolean(),
  signatureHeader: z.enum(["Polar-Webhook-Signature", "X-Polar-Webhook-Signature"]),
  /** U16: probability (0..1) that a delivery is sent twice; event types never delivered. */
  webhookDuplicateProbability: z.number().min(0).max(1),
  webhookDropEvents: z.array(z.string()),
  /** U18: look-back of `sleep/{date}` and `nightly-recharge/{date}`; serve day-keyed data from before registration. */
  sleepLookbackDays: z.number().int().min(1),
  servePreRegistrationDays: z.boolean(),
  /** §6.10 look-backs of the history before registration: daily activity (days), cardio load (days; 0 = none). */
  activityLookbackDays: z.number().int().min(1),
  cardioLookbackDays: z.number().int().min(0),
  /** Issue 13 §6: per athlete, when the watch reaches Polar (every few days, trips, late uploads) and edited nights. */
  deviceHabits: deviceHabitsSchema,
  /** U19: answer 406 when `Accept` is missing (default: JSON anyway). */
  missingAccept: z.enum(["json", "406"]),
  /** U21: second `DELETE /v3/users/{id}`. */
  deleteTwice: z.enum(["401", "404", "204"]),
  /** U22: how a missing value is written in exercise sample strings: an empty field or the word `null`. */
  sampleMissingValue: z.enum(["empty", "null"]),
  /**
   * §6.1 [obs]: device ids (`device_id`) whose sessions `/v3/exercises` never shows, while the exercise
   * transactions still deliver them (one integrator's Polar Loop). Default: none.
   */
  exerciseListHiddenDevices: z.array(z.string()),
  /**
   * §6.2, the daily-activity counterpart: local dates the non-transactional daily activity never shows (range,
   * single day and samples), while the activity transactions still deliver those days' summaries. Default: none.
   */
  activityListHiddenDates: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** U23: gzip TCX files. */
  tcxGzip: z.boolean(),
  /** U24: Bearer token of athlete A on athlete B's `{user-id}`. */
  foreignUserStatus: z.union([z.literal(401), z.literal(403), z.literal(404)]),
  /** §8 limits: short = base + perUser × registered users, same for long; window lengths in seconds. */
  rateLimitShortBase: z.number().int().min(0),
  rateLimitShortPerUser: z.number().int().min(0),
  rateLimitLongBase: z.number().int().min(0),
  rateLimitLongPerUser: z.number().int().min(0),
  rateLimitShortWindowSeconds: z.number().int().min(1),
  rateLimitLongWindowSeconds: z.number().int().min(1),
});
export type SimSwitches = z.infer<typeof simSwitchesSchema>;

export const simSwitchesPatchSchema = simSwitchesSchema.partial().strict();
export type SimSwitchesPatch = z.infer<typeof simSwitchesPatchSchema>;

export function createDefaultSwitches(): SimSwitches {
  return {
    transactionTtlSeconds: 600,
    openTransactionPost: "204",
    transactionLookbackDays: 30,
    enforceTokenExpiry: false,
    tokenBodyCredentials: "reject-400",
    oauthErrorDescription: false,
    errorBodyShape: "observed",
    retryAfter: false,
    separateBasicCounters: false,
    chrRangeShape: "heart_rates",
    chrMaxRangeDays: 28,
    chrLookbackDays: 90,
    dailyActivityTimes: "local",
    hypnogramUndocumentedCodes: false,
    cardioPlaceholderOmitNumbers: false,
    pingSigned: true,
    signatureHeader: "Polar-Webhook-Signature",
    webhookDuplicateProbability: 0,
    webhookDropEvents: [],
    sleepLookbackDays: 28,
    servePreRegistrationDays: false,
    activityLookbackDays: 365,
    cardioLookbackDays: 0,
    deviceHabits: {},
    missingAccept: "json",
    deleteTwice: "401",
    sampleMissingValue: "empty",
    exerciseListHiddenDevices: [],
    activityListHiddenDates: [],
    tcxGzip: false,
    foreignUserStatus: 403,
    rateLimitShortBase: 500,
    rateLimitShortPerUser: 20,
    rateLimitLongBase: 5000,
    rateLimitLongPerUser: 100,
    rateLimitShortWindowSeconds: 900,
    rateLimitLongWindowSeconds: 86_400,
  };
}
