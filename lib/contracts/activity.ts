import { z } from "zod";
import type { ActivityPointDTO, ActivityRangeDTO } from "@/lib/dal/activity";

/**
 * GET /api/athletes/{id}/activity as the client parses it. Checked against the DAL's DTO types at compile time
 * (`satisfies`), so a field added on one side and not the other fails the typecheck. No server imports.
 */

const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().nullable();

const ActivityPointSchema = z.object({
  date: LocalDateSchema,
  hasActivity: z.boolean(),
  steps: count,
  activeSeconds: count,
  calories: count,
  activeCalories: count,
  zoneSeconds: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]).nullable(),
  distanceMeters: count,
  inactivityAlerts: count,
  steps7dMean: count,
  activeSeconds7dMean: count,
  lowestHr: count,
  nightlyRhr: count,
  nightlyRhrSource: z.enum(["nightly-recharge", "sleep-samples"]).nullable(),
}) satisfies z.ZodType<ActivityPointDTO>;

export const ActivityRangeSchema = z.object({
  athleteId: z.string(),
  from: LocalDateSchema,
  to: LocalDateSchema,
  today: LocalDateSchema,
  activityShared: z.boolean(),
  heartRateShared: z.boolean(),
  days: z.array(ActivityPointSchema),
}) satisfies z.ZodType<ActivityRangeDTO>;
