import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  formatIssuePath,
  PolarActivityStepSamplesSchema,
  PolarActivitySummarySchema,
  PolarActivityTransactionListSchema,
  PolarActivityZoneSamplesSchema,
  PolarAlertnessSchema,
  PolarCardioLoadDaySchema,
  PolarContinuousHeartRateDaySchema,
  PolarDailyActivitySchema,
  PolarExerciseSampleListSchema,
  PolarExerciseSampleSchema,
  PolarExerciseSchema,
  PolarExerciseTransactionListSchema,
  PolarExerciseV2Schema,
  PolarExerciseZonesSchema,
  PolarNightlyRechargeSchema,
  PolarNotificationListSchema,
  PolarPhysicalInfoSchema,
  PolarPhysicalInfoTransactionListSchema,
  PolarPhysicalInfoV2Schema,
  PolarSleepAvailableSchema,
  PolarSleepSchema,
  PolarTokenResponseSchema,
  PolarTransactionLocationSchema,
  PolarUserSchema,
  PolarWebhookCreatedSchema,
  PolarWebhookListSchema,
  PolarWebhookPayloadSchema,
  PolarApiErrorBodySchema,
} from "@/lib/polar";
import activityStepSamples from "@/tests/fixtures/polar/activity-step-samples.json";
import activitySummary from "@/tests/fixtures/polar/activity-summary.json";
import activityTransactionList from "@/tests/fixtures/polar/activity-transaction-list.json";
import activityZoneSamples from "@/tests/fixtures/polar/activity-zone-samples.json";
import cardioLoad from "@/tests/fixtures/polar/cardio-load.json";
import chrDay from "@/tests/fixtures/polar/continuous-heart-rate-day.json";
import chrRange from "@/tests/fixtures/polar/continuous-heart-rate-range.json";
import dailyActivity from "@/tests/fixtures/polar/daily-activity.json";
import exercise from "@/tests/fixtures/polar/exercise.json";
import exerciseSampleHr from "@/tests/fixtures/polar/exercise-sample-hr.json";
import exerciseSampleList from "@/tests/fixtures/polar/exercise-sample-list.json";
import exerciseSampleRr from "@/tests/fixtures/polar/exercise-sample-rr.json";
import exerciseTransactionList from "@/tests/fixtures/polar/exercise-transaction-list.json";
import exerciseV2 from "@/tests/fixtures/polar/exercise-v2.json";
import exerciseZones from "@/tests/fixtures/polar/exercise-zones.json";
import nightlyRecharge from "@/tests/fixtures/polar/nightly-recharge.json";
import notifications from "@/tests/fixtures/polar/notifications.json";
import physicalInfo from "@/tests/fixtures/polar/physical-info.json";
import physicalInfoTransactionList from "@/tests/fixtures/polar/physical-info-transaction-list.json";
import physicalInfoV2 from "@/tests/fixtures/polar/physical-info-v2.json";
import sleep from "@/tests/fixtures/polar/sleep.json";
import sleepAvailable from "@/tests/fixtures/polar/sleep-available.json";
import sleepwiseAlertness from "@/tests/fixtures/polar/sleepwise-alertness.json";
import token from "@/tests/fixtures/polar/token.json";
import transactionLocation from "@/tests/fixtures/polar/transaction-location.json";
import user from "@/tests/fixtures/polar/user.json";
import webhookCreated from "@/tests/fixtures/polar/webhook-created.json";
import webhookExerciseEvent from "@/tests/fixtures/polar/webhook-exercise-event.json";
import webhookList from "@/tests/fixtures/polar/webhook-list.json";
import webhookPingFailed from "@/tests/fixtures/polar/webhook-ping-failed.json";

/** The first issue's dotted path, or null when the value is valid. */
function failingPath(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : formatIssuePath(result.error.issues[0]?.path ?? []);
}

describe("every doc example parses unchanged", () => {
  it.each([
    ["token", PolarTokenResponseSchema, token],
    ["user", PolarUserSchema, user],
    ["notifications", PolarNotificationListSchema, notifications],
    ["transaction location", PolarTransactionLocationSchema, transactionLocation],
    ["exercise transaction list", PolarExerciseTransactionListSchema, exerciseTransactionList],
    ["activity transaction list", PolarActivityTransactionListSchema, activityTransactionList],
    ["physical-info transaction list", PolarPhysicalInfoTransactionListSchema, physicalInfoTransactionList],
    ["exercise", PolarExerciseSchema, exercise],
    ["exercise zones", PolarExerciseZonesSchema, exerciseZones],
    ["exercise sample list", PolarExerciseSampleListSchema, exerciseSampleList],
    ["activity summary", PolarActivitySummarySchema, activitySummary],
    ["step samples", PolarActivityStepSamplesSchema, activityStepSamples],
    ["zone samples", PolarActivityZoneSamplesSchema, activityZoneSamples],
    ["physical info", PolarPhysicalInfoSchema, physicalInfo],
    ["daily activity", PolarDailyActivitySchema, dailyActivity],
    ["continuous HR day", PolarContinuousHeartRateDaySchema, chrDay],
    ["continuous HR range day", PolarContinuousHeartRateDaySchema, chrRange.heart_rates[0]],
    ["cardio load placeholder", PolarCardioLoadDaySchema, cardioLoad[0]],
    ["cardio load", PolarCardioLoadDaySchema, cardioLoad[1]],
    ["sleep", PolarSleepSchema, sleep],
    ["sleep available", PolarSleepAvailableSchema, sleepAvailable.available[0]],
    ["nightly recharge", PolarNightlyRechargeSchema, nightlyRecharge],
    ["physical info v2", PolarPhysicalInfoV2Schema, physicalInfoV2],
    ["webhook created", PolarWebhookCreatedSchema, webhookCreated],
    ["webhook list", PolarWebhookListSchema, webhookList],
    ["webhook event", PolarWebhookPayloadSchema, webhookExerciseEvent],
    ["wrapped error body", PolarApiErrorBodySchema, webhookPingFailed],
    ["sleepwise alertness", PolarAlertnessSchema, sleepwiseAlertness[0]],
  ] as const)("%s", (_, schema, fixture) => {
    expect((schema as z.ZodType).parse(fixture)).toEqual(fixture);
  });
});

describe("exercise sample data is parsed while it is validated", () => {
  it("reads an HR series into numbers, one per sample", () => {
    const parsed = PolarExerciseSampleSchema.parse(exerciseSampleHr);
    const fields = exerciseSampleHr.data.split(",");
    expect(parsed.data).toHaveLength(fields.length);
    expect(parsed.data?.[fields.length - 1]).toBe(Number(fields[fields.length - 1]));
    expect({ ...parsed, data: undefined }).toEqual({ ...exerciseSampleHr, data: undefined });
  });

  it("reads both spellings of a missing value (an empty field and the word null) as null", () => {
    expect(PolarExerciseSampleSchema.parse(exerciseSampleRr).data).toEqual([598, 604, null, 611, 607, null, 602]);
  });

  it("parses the samples embedded in a v2 exercise and keeps every other field unchanged", () => {
    const parsed = PolarExerciseV2Schema.parse(exerciseV2);
    expect(parsed.samples?.map((sample) => sample.data)).toEqual([
      [0, 97, 99, 102, 106],
      [0, 7.9, 9.6, 10.8, 11.2],
    ]);
    expect({ ...parsed, samples: undefined }).toEqual({ ...exerciseV2, samples: undefined });
  });

  it("rejects a non-numeric field with the field's path", () => {
    const result = PolarExerciseSampleSchema.safeParse({ ...exerciseSampleRr, data: "598,abc" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["data"]);
  });
});

describe("Polar's naming is kept exactly", () => {
  it("keeps kebab-case stragglers inside the snake_case exercise", () => {
    const parsed = PolarExerciseV2Schema.parse(exerciseV2);
    expect(parsed["running-index"]).toBe(54);
    expect(parsed.heart_rate_zones?.[0]?.["in-zone"]).toBe("PT3M50S");
    expect(parsed.samples?.[1]?.["recording-rate"]).toBe(1);
    expect(parsed.training_load_pro?.["cardio-load"]).toBe(96.7);
  });

  it("keeps very-high next to very_low in cardio load", () => {
    const parsed = PolarCardioLoadDaySchema.parse(cardioLoad[1]);
    expect(parsed.cardio_load_level?.["very-high"]).toBe(108);
    expect(parsed.cardio_load_level?.very_low).toBe(21.6);
  });
});

describe("tolerated drift", () => {
  it("keeps unknown extra fields", () => {
    const parsed = PolarExerciseSchema.parse({ ...exercise, "new-field": { nested: true } });
    expect(parsed["new-field"]).toEqual({ nested: true });
  });

  it("accepts unknown sport, detailed sport, interpretation and cardio status values as strings", () => {
    const parsed = PolarExerciseSchema.parse({
      ...exercise,
      sport: "UNDERWATER_HOCKEY",
      "detailed-sport-info": "SOMETHING_NEW",
      "training-load-pro": { ...exercise["training-load-pro"], "user-rpe": "RPE_NEW" },
    });
    expect(parsed.sport).toBe("UNDERWATER_HOCKEY");
    expect(PolarCardioLoadDaySchema.parse({ ...cardioLoad[1], cardio_load_status: "LOAD_STATUS_NEW" }).cardio_load_status).toBe(
      "LOAD_STATUS_NEW",
    );
  });

  it("accepts optional fields that are absent or null", () => {
    const minimal = {
      id: 1,
      "start-time": "2024-05-02T18:05:00",
      "start-time-utc-offset": 180,
      duration: "PT4S",
      distance: null,
    };
    expect(failingPath(PolarExerciseSchema, minimal)).toBeNull();
    expect(failingPath(PolarCardioLoadDaySchema, { date: "2024-04-04", cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE" })).toBeNull();
    expect(failingPath(PolarExerciseZonesSchema, { zone: null })).toBeNull();
    expect(failingPath(PolarUserSchema, { ...user, "extra-info": null })).toBeNull();
  });

  it("accepts Polar's malformed upload time, hypnogram code 6 and a Z on the new activity start (U11)", () => {
    expect(failingPath(PolarExerciseSchema, { ...exercise, "upload-time": "2024-05-02T10:40:0.000Z" })).toBeNull();
    expect(failingPath(PolarSleepSchema, { ...sleep, hypnogram: { ...sleep.hypnogram, "02:00": 6 } })).toBeNull();
    expect(failingPath(PolarDailyActivitySchema, { ...dailyActivity, start_time: "2024-05-02T06:41:10Z" })).toBeNull();
  });
});

describe("wrong types fail with the field's path", () => {
  it.each([
    ["offset as a string", PolarExerciseSchema, { ...exercise, "start-time-utc-offset": "180" }, "start-time-utc-offset"],
    ["id missing", PolarExerciseSchema, { ...exercise, id: undefined }, "id"],
    ["duration not ISO", PolarExerciseSchema, { ...exercise, duration: "1:02:45" }, "duration"],
    ["nested heart rate", PolarExerciseSchema, { ...exercise, "heart-rate": { average: "151" } }, "heart-rate.average"],
    ["sample data garbage", PolarExerciseSampleSchema, { ...exerciseSampleRr, data: "598,abc" }, "data"],
    ["sleep start without offset", PolarSleepSchema, { ...sleep, sleep_start_time: "2024-05-02T23:12:30" }, "sleep_start_time"],
    ["hypnogram value", PolarSleepSchema, { ...sleep, hypnogram: { "23:12": "2" } }, "hypnogram.23:12"],
    ["hypnogram key", PolarSleepSchema, { ...sleep, hypnogram: { "25:12": 2 } }, "hypnogram.25:12"],
    ["cardio date", PolarCardioLoadDaySchema, { ...cardioLoad[1], date: "02.05.2024" }, "date"],
    ["CHR sample time", PolarContinuousHeartRateDaySchema, { ...chrDay, heart_rate_samples: [{ heart_rate: 57, sample_time: 191 }] }, "heart_rate_samples.0.sample_time"],
    ["user id", PolarUserSchema, { ...user, "polar-user-id": "48213977" }, "polar-user-id"],
    ["token user id", PolarTokenResponseSchema, { ...token, x_user_id: 4.5 }, "x_user_id"],
    ["daily activity steps", PolarDailyActivitySchema, { ...dailyActivity, steps: "9140" }, "steps"],
  ] as const)("%s → %s", (_, schema, value, path) => {
    expect(failingPath(schema as z.ZodType, value)).toBe(path);
  });
});
