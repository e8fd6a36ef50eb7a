import type { dailyActivities } from "@/db/schema/polar-data";
import { parseClockTime, parseIsoDuration, parseUtcTimestamp } from "@/lib/polar/time";
import { packPairs, packZoneSamples, type PackedPair } from "../pack";
import { nn, type Maybe, type TransformRow } from "./common";



export type ActivityInput = {
  id: number;
  date: string;
  created: string;
  calories?: Maybe<number>;
  "active-calories"?: Maybe<number>;
  duration?: Maybe<string>;
  "active-steps"?: Maybe<number>;
};
export type ActivityStepSamplesInput = {
  interval?: Maybe<number>;
  samples?: Maybe<{ steps?: Maybe<number>; time: string }[]>;
};
export type ActivityZoneSamplesInput = {
  interval?: Maybe<number>;
  samples?: Maybe<{ "activity-zones"?: Maybe<{ index: number; inzone: string }[]>; time: string }[]>;
};

export type ActivityRow = TransformRow<typeof dailyActivities>;

export function toActivityRow(
  activity: ActivityInput,
  steps: Maybe<ActivityStepSamplesInput>,
  zones: Maybe<ActivityZoneSamplesInput>,
): ActivityRow {
  const createdAt = parseUtcTimestamp(activity.created);
  const stepPairs: PackedPair[] = (steps?.samples ?? [])
    .map((sample) => [parseClockTime(sample.time), nn(sample.steps)] as const)
    .sort((a, b) => a[0] - b[0]);
  const zoneEntries = (zones?.samples ?? [])
    .map((sample) => ({
      secondOfDay: parseClockTime(sample.time),
      zones: (sample["activity-zones"] ?? []).map((zone) => ({ index: zone.index, seconds: parseIsoDuration(zone.inzone) })),
    }))
    .sort((a, b) => a.secondOfDay - b.secondOfDay);
  return {
    // `date` is the device's local day (no zone information is given); `created` is UTC.
    localDate: activity.date,
    polarActivityId: activity.id,
    createdAt,
    calories: nn(activity.calories),
    activeCalories: nn(activity["active-calories"]),
    activeDurationSeconds: activity.duration ? parseIsoDuration(activity.duration) : null,
    activeSteps: nn(activity["active-steps"]),
    stepIntervalMinutes: nn(steps?.interval),
    stepSamples: steps ? packPairs(stepPairs) : null,
    zoneIntervalMinutes: nn(zones?.interval),
    zoneSamples: zones ? packZoneSamples(zoneEntries) : null,
  };
}

/** Newest summary wins for a day: later `created`, then the larger Polar id. */
export function isNewerActivity(
  incoming: { createdAt: number; polarActivityId: number },
  existing: { createdAt: number; polarActivityId: number },
): boolean {
  if (incoming.createdAt !== existing.createdAt) return incoming.createdAt > existing.createdAt;
  return incoming.polarActivityId > existing.polarActivityId;
}
