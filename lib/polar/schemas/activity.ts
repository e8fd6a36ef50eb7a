import { z } from "zod";
import {
  clockTimeSchema,
  dateTimeSchema,
  isoDateSchema,
  isoDurationSchema,
  localDateTimeSchema,
  utcTimestampSchema,
} from "./common";

/** Transactional daily-activity summary (§5.3); `date` is the device's local day. */
export const PolarActivitySummarySchema = z.looseObject({
  id: z.number().int(),
  "polar-user": z.string().nullish(),
  "transaction-id": z.number().int().nullish(),
  date: isoDateSchema,
  /** UTC */
  created: utcTimestampSchema,
  /** kcal including basal metabolism */
  calories: z.number().nullish(),
  /** kcal excluding basal metabolism */
  "active-calories": z.number().nullish(),
  duration: isoDurationSchema.nullish(),
  "active-steps": z.number().nullish(),
});
export type PolarActivitySummary = z.infer<typeof PolarActivitySummarySchema>;

/** `…/step-samples`: `interval` in minutes, `time` local time of day on `date`; `steps: null` = no data. */
export const PolarActivityStepSamplesSchema = z.looseObject({
  date: isoDateSchema.nullish(),
  interval: z.number().nullish(),
  samples: z
    .array(
      z.looseObject({
        steps: z.number().nullish(),
        time: clockTimeSchema,
      }),
    )
    .nullish(),
});
export type PolarActivityStepSamples = z.infer<typeof PolarActivityStepSamplesSchema>;

/** `…/zone-samples`: zone indexes of §10.2 (0 sleep … 5 non-wear); each entry covers its own interval. */
export const PolarActivityZoneSamplesSchema = z.looseObject({
  date: isoDateSchema.nullish(),
  interval: z.number().nullish(),
  samples: z
    .array(
      z.looseObject({
        "activity-zones": z
          .array(z.looseObject({ index: z.number().int(), inzone: isoDurationSchema }))
          .nullish(),
        time: clockTimeSchema,
      }),
    )
    .nullish(),
});
export type PolarActivityZoneSamples = z.infer<typeof PolarActivityZoneSamplesSchema>;

/** Known zone names of the new activity API (§10.2); the schema accepts any string. */
export const POLAR_ACTIVITY_ZONE_NAMES = ["SLEEP", "SEDENTARY", "LIGHT", "MODERATE", "VIGOROUS"] as const;

/** `samples` of a new daily activity, also the item of `/v3/users/activities/samples` (§6.2). */
export const PolarDailyActivitySamplesSchema = z.looseObject({
  date: isoDateSchema.nullish(),
  steps: z
    .looseObject({
      interval_ms: z.number().nullish(),
      total_steps: z.number().nullish(),
      /** `timestamp` is local, minute precision (`2024-05-02T07:02`); repeated counts are dropped by Polar. */
      samples: z.array(z.looseObject({ steps: z.number().nullish(), timestamp: localDateTimeSchema })).nullish(),
    })
    .nullish(),
  activity_zones: z
    .looseObject({
      /** A sample marks the start of a period in `zone`; `timestamp` local, seconds precision. */
      samples: z.array(z.looseObject({ zone: z.string(), timestamp: localDateTimeSchema })).nullish(),
    })
    .nullish(),
  /** `stamp` local, minute precision. */
  inactivity_stamps: z.array(z.looseObject({ stamp: localDateTimeSchema })).nullish(),
});
export type PolarDailyActivitySamples = z.infer<typeof PolarDailyActivitySamplesSchema>;

/** Non-transactional daily activity (`/v3/users/activities`, `/{date}`), snake_case (§6.2). */
export const PolarDailyActivitySchema = z.looseObject({
  /** No offset; documented as UTC but the values look like local day boundaries (U11). */
  start_time: dateTimeSchema,
  end_time: dateTimeSchema.nullish(),
  active_duration: isoDurationSchema.nullish(),
  inactive_duration: isoDurationSchema.nullish(),
  /** % of the daily goal */
  daily_activity: z.number().nullish(),
  calories: z.number().nullish(),
  active_calories: z.number().nullish(),
  steps: z.number().nullish(),
  inactivity_alert_count: z.number().nullish(),
  /** metres */
  distance_from_steps: z.number().nullish(),
  samples: PolarDailyActivitySamplesSchema.nullish(),
});
export type PolarDailyActivity = z.infer<typeof PolarDailyActivitySchema>;
