import { parseIsoDuration } from "@/lib/polar/time";
import { packPairs, packZoneSamples, type PackedPair, type ZoneSample } from "../pack";
import type { ActivityRow } from "./activity";
import { nn, type Maybe } from "./common";
import { readDailyActivityDate, type DailyActivityInput } from "./daily-activity";

/**
 * The non-transactional daily activity (polar-accesslink.md §6.2) as the day's activity row, the same row the
 * transactional summary fills (§5.3), so the pages read one shape whichever API delivered the day: totals as
 * served, per-minute steps and zone changes summed into the hourly blocks the transactional samples use.
 */

export type ListedActivityInput = DailyActivityInput & {
  calories?: Maybe<number>;
  active_calories?: Maybe<number>;
  active_duration?: Maybe<string>;
  steps?: Maybe<number>;
  samples?: Maybe<{
    date?: Maybe<string>;
    steps?: Maybe<{ samples?: Maybe<{ steps?: Maybe<number>; timestamp: string }[]> }>;
    activity_zones?: Maybe<{ samples?: Maybe<{ zone: string; timestamp: string }[]> }>;
  }>;
};

/** §10.2: the new API's zone names in the transactional index order (it has no non-wear value). */
const ZONE_INDEX: Record<string, number> = { SLEEP: 0, SEDENTARY: 1, LIGHT: 2, MODERATE: 3, VIGOROUS: 4 };

const DAY_SECONDS = 86_400;
const HOUR_SECONDS = 3_600;
/** The hourly blocks of the transactional samples (§5.3), so both APIs' days chart alike. */
export const LISTED_INTERVAL_MINUTES = 60;

/** Seconds after the day's local midnight of an offset-less local timestamp (`2024-05-02T07:02`, `…T06:58:30`). */
function toSecondOfDay(timestamp: string, date: string): number {
  const ms = Date.parse(`${timestamp.length === 16 ? `${timestamp}:00` : timestamp.slice(0, 19)}Z`);
  if (!Number.isFinite(ms)) throw new RangeError(`daily activity sample without a readable time: ${timestamp}`);
  const second = Math.round((ms - Date.parse(`${date}T00:00:00Z`)) / 1000);
  return Math.min(DAY_SECONDS, Math.max(0, second));
}

/**
 * Hourly step sums. Polar drops a minute whose count repeats the previous one (§6.2), so a count holds until
 * the next sample; hours before the first sample have no data (null).
 */
function toHourlySteps(samples: { steps?: Maybe<number>; timestamp: string }[], date: string): PackedPair[] {
  const points = samples.map((sample) => ({ minute: Math.floor(toSecondOfDay(sample.timestamp, date) / 60), steps: nn(sample.steps) })).sort((a, b) => a.minute - b.minute);
  const hours: (number | null)[] = Array.from({ length: 24 }, () => null);
  points.forEach((point, index) => {
    const until = index + 1 < points.length ? points[index + 1].minute : DAY_SECONDS / 60;
    if (point.steps === null) return;
    for (let minute = point.minute; minute < until && minute < 1440; minute += 1) {
      const hour = Math.floor(minute / 60);
      hours[hour] = (hours[hour] ?? 0) + point.steps;
    }
  });
  return hours.map((steps, hour) => [hour * HOUR_SECONDS, steps] as const);
}

/** Seconds in each zone per hour: a zone sample starts a period that lasts until the next one (or the day's end). */
function toHourlyZones(samples: { zone: string; timestamp: string }[], date: string): ZoneSample[] {
  const changes = samples.map((sample) => ({ second: toSecondOfDay(sample.timestamp, date), index: ZONE_INDEX[sample.zone] })).sort((a, b) => a.second - b.second);
  const hours = Array.from({ length: 24 }, () => new Map<number, number>());
  changes.forEach((change, i) => {
    if (change.index === undefined) return;
    const until = i + 1 < changes.length ? changes[i + 1].second : DAY_SECONDS;
    for (let second = change.second; second < until; ) {
      const hour = Math.floor(second / HOUR_SECONDS);
      const hourEnd = Math.min(until, (hour + 1) * HOUR_SECONDS);
      hours[hour].set(change.index, (hours[hour].get(change.index) ?? 0) + hourEnd - second);
      second = hourEnd;
    }
  });
  const out: ZoneSample[] = [];
  hours.forEach((zones, hour) => {
    if (zones.size === 0) return;
    out.push({ secondOfDay: hour * HOUR_SECONDS, zones: [...zones].sort((a, b) => a[0] - b[0]).map(([index, seconds]) => ({ index, seconds })) });
  });
  return out;
}

/**
 * The day as an activity row. The list has no summary id and no `created`: both are 0, as for an imported
 * day; the row's endpoint tells which API it came from.
 */
export function toListedActivityRow(day: ListedActivityInput): ActivityRow {
  const date = readDailyActivityDate(day);
  const steps = day.samples?.steps?.samples;
  const zones = day.samples?.activity_zones?.samples;
  return {
    localDate: date,
    polarActivityId: 0,
    createdAt: 0,
    calories: nn(day.calories),
    activeCalories: nn(day.active_calories),
    activeDurationSeconds: day.active_duration ? parseIsoDuration(day.active_duration) : null,
    activeSteps: nn(day.steps),
    stepIntervalMinutes: steps ? LISTED_INTERVAL_MINUTES : null,
    stepSamples: steps ? packPairs(toHourlySteps(steps, date)) : null,
    zoneIntervalMinutes: zones ? LISTED_INTERVAL_MINUTES : null,
    zoneSamples: zones ? packZoneSamples(toHourlyZones(zones, date)) : null,
  };
}
