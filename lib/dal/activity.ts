import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { continuousHeartRates, dailyActivities, dailyActivityExtras } from "@/db/schema/polar-data";
import { addDays, isLocalDate, listDays, type LocalDate, type RhrSource } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError, isAppError } from "@/lib/errors";
import { unpackPairs, unpackZoneSamples } from "@/lib/sync/pack";
import { authorizeAthleteRead, computeViewerDailySeries } from "./series/read";
import { explainEmptyDay, findLatestDayWithData, getExplainerAudience, pickOpeningDay, type EmptyDayExplanationDTO } from "./provenance";
import { getAthleteToday } from "./series/clock";
import { type DailyRangeQuery } from "./series/range";
import type { ReadScope } from "./dto";

/**
 * Daily activity (steps, active time, calories, activity zones) and 24/7 heart rate per athlete-local day.
 *
 * Access: activity numbers are training data (scope "training"); heart rate — the lowest continuous HR and the
 * nightly resting HR — is recovery data (scope "recovery"). A viewer who may read neither gets `not_found`;
 * one who may read only one part gets the other as `null` with `…Shared: false`.
 */

/** Activity zones in Polar's transactional index order (API §10.2). */
export const ACTIVITY_ZONES = ["sleep", "sedentary", "light", "moderate", "vigorous", "non-wear"] as const;
export type ActivityZone = (typeof ACTIVITY_ZONES)[number];
/** Seconds per zone, index = Polar's zone index (0 sleep … 4 vigorous, 5 non-wear). */
export type ZoneSeconds = [number, number, number, number, number, number];

/** Days a 7-day mean needs among its window (missing days are skipped, never counted as zero). */
export const ROLLING_MIN_DAYS = 3;
const ROLLING_DAYS = 7;

export type HourlyStepsDTO = {
  /** Second of the athlete's local day the interval starts at. */
  secondOfDay: number;
  /** Steps in the interval; null = Polar had no step data for it (e.g. not synced from the watch yet). */
  steps: number | null;
};

export type ZoneBlockDTO = {
  secondOfDay: number;
  /** Seconds in each zone during the interval (Polar index order). */
  seconds: ZoneSeconds;
};

export type ActivityDayDetailDTO = {
  /** Polar's "active steps" (its activity unit, comparable to steps). */
  steps: number | null;
  /** Active time, seconds. */
  activeSeconds: number | null;
  /** kcal including basal metabolism. */
  calories: number | null;
  /** kcal from activity only. */
  activeCalories: number | null;
  /**
   * Metres and alert count from Polar's newer daily-activity summary (API §6.2, table daily_activity_extra);
   * the transactional summary (§5.3) has neither. null = that summary was not synced for the day, never 0.
   */
  distanceMeters: number | null;
  inactivityAlerts: number | null;
  stepIntervalMinutes: number | null;
  hourlySteps: HourlyStepsDTO[];
  zoneIntervalMinutes: number | null;
  zoneBlocks: ZoneBlockDTO[];
  /** Seconds per zone over the whole day. */
  zoneTotals: ZoneSeconds;
  /** When Polar created this summary (UTC ms): later watch syncs replace it. */
  createdAtUtcMs: number;
};

export type ActivityDayDTO = {
  athleteId: string;
  date: LocalDate;
  /** The athlete's local today. */
  today: LocalDate;
  /** null = no activity summary for this day. */
  activity: ActivityDayDetailDTO | null;
  /** The newest day with a summary (≤ today): the day the page opens on; null when there is none. */
  latestWithData: LocalDate | null;
  /** Why the day is empty (null when it has data). */
  empty: EmptyDayExplanationDTO | null;
};

export type ActivityPointDTO = {
  date: LocalDate;
  /** False on a day without an activity summary: its numbers are null (not zero). */
  hasActivity: boolean;
  steps: number | null;
  activeSeconds: number | null;
  calories: number | null;
  activeCalories: number | null;
  /** Seconds per zone; null without zone samples. */
  zoneSeconds: ZoneSeconds | null;
  /** Distance from steps (m) and inactivity alerts, from the newer daily summary; null when not synced. */
  distanceMeters: number | null;
  inactivityAlerts: number | null;
  /** Mean steps of the days with data among the 7 days ending today (≥ 3 such days, else null). */
  steps7dMean: number | null;
  /** Mean active seconds, same window and rule. */
  activeSeconds7dMean: number | null;
  /** Lowest 5-minute continuous HR of the day (bpm, training sessions excluded by Polar); null = no data or not shared. */
  lowestHr: number | null;
  /** The nightly resting HR the flags use (metrics §7.1: Nightly Recharge average, or sleep-window mean). */
  nightlyRhr: number | null;
  nightlyRhrSource: RhrSource | null;
};

export type ActivityRangeDTO = {
  athleteId: string;
  from: LocalDate;
  to: LocalDate;
  today: LocalDate;
  activityShared: boolean;
  heartRateShared: boolean;
  days: ActivityPointDTO[];
};

/** Scope of the activity numbers. */
export const ACTIVITY_SCOPE: ReadScope = "training";
/** Scope of heart-rate numbers (continuous HR, nightly RHR). */
export const HEART_RATE_SCOPE: ReadScope = "recovery";

/** The athlete id when the viewer may read `scope`, null when that scope is not shared; other errors propagate. */
export function tryAuthorizeAthleteRead(db: Db, viewer: Viewer, athleteId: string, scope: ReadScope): string | null {
  try {
    return authorizeAthleteRead(viewer, athleteId, scope, db);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

function emptyZones(): ZoneSeconds {
  return [0, 0, 0, 0, 0, 0];
}

/** Per-interval zone seconds from the packed column; zone indexes outside 0–5 are ignored. */
export function toZoneBlocks(packed: string | null): ZoneBlockDTO[] {
  if (packed === null) return [];
  return unpackZoneSamples(packed).map((sample) => {
    const seconds = emptyZones();
    for (const zone of sample.zones) {
      if (Number.isInteger(zone.index) && zone.index >= 0 && zone.index < seconds.length && Number.isFinite(zone.seconds)) {
        seconds[zone.index] += zone.seconds;
      }
    }
    return { secondOfDay: sample.secondOfDay, seconds };
  });
}

export function sumZoneBlocks(blocks: readonly ZoneBlockDTO[]): ZoneSeconds {
  const totals = emptyZones();
  for (const block of blocks) block.seconds.forEach((value, index) => (totals[index] += value));
  return totals;
}

/** Mean of the values with data among the 7 days ending at each index (≥ `ROLLING_MIN_DAYS`), else null. */
export function computeRollingMean(values: readonly (number | null)[], minDays = ROLLING_MIN_DAYS): (number | null)[] {
  return values.map((_, i) => {
    let total = 0;
    let n = 0;
    for (let k = Math.max(0, i - ROLLING_DAYS + 1); k <= i; k += 1) {
      const value = values[k];
      if (value !== null) {
        total += value;
        n += 1;
      }
    }
    return n >= minDays ? total / n : null;
  });
}

/** Mean of valid (> 0) bpm in a packed `secondOfDay:bpm` column; null without any. */
export function computeMeanHr(packed: string): number | null {
  let total = 0;
  let n = 0;
  for (const [, bpm] of unpackPairs(packed)) {
    if (bpm !== null && bpm > 0) {
      total += bpm;
      n += 1;
    }
  }
  return n > 0 ? total / n : null;
}

/** One day's activity summary with its hourly steps and zone blocks (`athleteId` already authorized). */
export function loadActivityDay(db: Db, athleteId: string, date: LocalDate): ActivityDayDetailDTO | null {
  const row = db
    .select()
    .from(dailyActivities)
    .where(and(eq(dailyActivities.athleteId, athleteId), eq(dailyActivities.localDate, date)))
    .get();
  if (!row) return null;
  // Distance from steps and inactivity alerts come only with the non-transactional daily activity (§6.2).
  const extra = db
    .select({ distance: dailyActivityExtras.distanceFromStepsMeters, alerts: dailyActivityExtras.inactivityAlertCount })
    .from(dailyActivityExtras)
    .where(and(eq(dailyActivityExtras.athleteId, athleteId), eq(dailyActivityExtras.localDate, date)))
    .get();
  const zoneBlocks = toZoneBlocks(row.zoneSamples);
  return {
    steps: row.activeSteps,
    activeSeconds: row.activeDurationSeconds,
    calories: row.calories,
    activeCalories: row.activeCalories,
    distanceMeters: extra?.distance ?? null,
    inactivityAlerts: extra?.alerts ?? null,
    stepIntervalMinutes: row.stepIntervalMinutes,
    hourlySteps: row.stepSamples === null ? [] : unpackPairs(row.stepSamples).map(([secondOfDay, steps]) => ({ secondOfDay, steps })),
    zoneIntervalMinutes: row.zoneIntervalMinutes,
    zoneBlocks,
    zoneTotals: sumZoneBlocks(zoneBlocks),
    createdAtUtcMs: row.createdAt,
  };
}

function requireDate(date: string): LocalDate {
  if (!isLocalDate(date)) throw new AppError("bad_request", "Invalid day: expected a real calendar date as YYYY-MM-DD.", { field: "day" });
  return date;
}

/**
 * One day of activity for the Activity page. `date` null = the athlete's local today.
 * @throws AppError not_found when the viewer may not read the athlete's training data.
 */
export function getActivityDay(db: Db, viewer: Viewer, athleteId: string, date: LocalDate | null, options: { now?: number } = {}): ActivityDayDTO {
  const now = options.now ?? Date.now();
  const id = authorizeAthleteRead(viewer, athleteId, ACTIVITY_SCOPE, db);
  const today = getAthleteToday(db, id, now);
  // Without a day asked for, open on the newest day with data rather than an empty today.
  const latestWithData = findLatestDayWithData(db, id, "activity", today);
  const day = date === null ? pickOpeningDay(latestWithData, today) : requireDate(date);
  const activity = loadActivityDay(db, id, day);
  const empty = activity ? null : explainEmptyDay(db, id, "activity", day, today, getExplainerAudience(db, viewer, id));
  return { athleteId: id, date: day, today, activity, latestWithData, empty };
}

/**
 * Per-day activity and heart-rate numbers over `[from, to]` (`GET /api/athletes/{id}/activity`): every calendar
 * day of the range, days without data marked `hasActivity: false` with null numbers. Needs "training" or
 * "recovery"; the part that is not shared comes back null.
 */
export function getActivityRange(db: Db, viewer: Viewer, athleteId: string, range: DailyRangeQuery, options: { now?: number } = {}): ActivityRangeDTO {
  const now = options.now ?? Date.now();
  const activityId = tryAuthorizeAthleteRead(db, viewer, athleteId, ACTIVITY_SCOPE);
  const heartRateId = tryAuthorizeAthleteRead(db, viewer, athleteId, HEART_RATE_SCOPE);
  const id = activityId ?? heartRateId;
  if (id === null) throw new AppError("not_found", "No athlete with that id is visible to you.");
  // The 7-day means of the first days need the 6 days before the range.
  const readFrom = addDays(range.from, -(ROLLING_DAYS - 1));
  const activityRows =
    activityId === null
      ? []
      : db
          .select({
            date: dailyActivities.localDate,
            steps: dailyActivities.activeSteps,
            active: dailyActivities.activeDurationSeconds,
            calories: dailyActivities.calories,
            activeCalories: dailyActivities.activeCalories,
            zones: dailyActivities.zoneSamples,
          })
          .from(dailyActivities)
          .where(and(eq(dailyActivities.athleteId, id), gte(dailyActivities.localDate, readFrom), lte(dailyActivities.localDate, range.to)))
          .orderBy(asc(dailyActivities.localDate))
          .all();
  const extraRows =
    activityId === null
      ? []
      : db
          .select({ date: dailyActivityExtras.localDate, distance: dailyActivityExtras.distanceFromStepsMeters, alerts: dailyActivityExtras.inactivityAlertCount })
          .from(dailyActivityExtras)
          .where(and(eq(dailyActivityExtras.athleteId, id), gte(dailyActivityExtras.localDate, range.from), lte(dailyActivityExtras.localDate, range.to)))
          .all();
  const hrRows =
    heartRateId === null
      ? []
      : db
          .select({ date: continuousHeartRates.localDate, minHr: continuousHeartRates.minHr })
          .from(continuousHeartRates)
          .where(and(eq(continuousHeartRates.athleteId, id), gte(continuousHeartRates.localDate, range.from), lte(continuousHeartRates.localDate, range.to)))
          .all();
  const series = heartRateId === null ? null : computeViewerDailySeries(db, viewer, id, range, { now, scope: HEART_RATE_SCOPE });
  const rhrByDate = new Map((series?.points ?? []).map((point) => [point.date, point.restingHr]));
  const activityByDate = new Map(activityRows.map((row) => [row.date, row]));
  const lowestByDate = new Map(hrRows.map((row) => [row.date, row.minHr]));
  const extraByDate = new Map(extraRows.map((row) => [row.date, row]));

  const allDays = listDays(readFrom, range.to);
  const stepsMeans = computeRollingMean(allDays.map((date) => activityByDate.get(date)?.steps ?? null));
  const activeMeans = computeRollingMean(allDays.map((date) => activityByDate.get(date)?.active ?? null));
  const days: ActivityPointDTO[] = [];
  allDays.forEach((date, index) => {
    if (date < range.from) return;
    const row = activityByDate.get(date);
    const rhr = rhrByDate.get(date);
    days.push({
      date,
      hasActivity: row !== undefined,
      steps: row?.steps ?? null,
      activeSeconds: row?.active ?? null,
      calories: row?.calories ?? null,
      activeCalories: row?.activeCalories ?? null,
      zoneSeconds: row?.zones ? sumZoneBlocks(toZoneBlocks(row.zones)) : null,
      distanceMeters: extraByDate.get(date)?.distance ?? null,
      inactivityAlerts: extraByDate.get(date)?.alerts ?? null,
      steps7dMean: stepsMeans[index],
      activeSeconds7dMean: activeMeans[index],
      lowestHr: lowestByDate.get(date) ?? null,
      nightlyRhr: rhr?.rhr ?? null,
      nightlyRhrSource: rhr?.source ?? null,
    });
  });
  return {
    athleteId: id,
    from: range.from,
    to: range.to,
    today: getAthleteToday(db, id, now),
    activityShared: activityId !== null,
    heartRateShared: heartRateId !== null,
    days,
  };
}
