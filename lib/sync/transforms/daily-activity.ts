import type { dailyActivityExtras } from "@/db/schema/polar-data";
import { nn, type Maybe, type TransformRow } from "./common";



export type DailyActivityInput = {
  /** Offset-less local day start (`2024-05-02T06:41:10`); its date part is the day the object describes. */
  start_time: string;
  inactivity_alert_count?: Maybe<number>;
  /** metres */
  distance_from_steps?: Maybe<number>;
  samples?: Maybe<{ date?: Maybe<string> }>;
};

export type DailyActivityExtraRow = TransformRow<typeof dailyActivityExtras>;

/** The object has no `date` field: `samples.date` when samples were asked for, else the date of `start_time`. */
export function readDailyActivityDate(day: DailyActivityInput): string {
  const date = day.samples?.date ?? day.start_time.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`daily activity without a readable day: ${day.start_time}`);
  return date;
}

export function toDailyActivityExtraRow(day: DailyActivityInput): DailyActivityExtraRow {
  return {
    localDate: readDailyActivityDate(day),
    distanceFromStepsMeters: nn(day.distance_from_steps),
    inactivityAlertCount: nn(day.inactivity_alert_count),
  };
}
