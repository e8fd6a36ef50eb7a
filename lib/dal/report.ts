import "server-only";
import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { users } from "@/db/schema/auth";
import { dailyActivities, exercises } from "@/db/schema/polar-data";
import {
  addDays,
  countIsoWeeks,
  fromDayNumber,
  getIsoWeek,
  getIsoWeekStart,
  isLocalDate,
  type IsoWeek,
  toDayNumber,
  type AcwrBand,
  type AdviceDay,
  type LocalDate,
  type RiskLevel,
  type RiskReason,
} from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { tryAuthorizeAthleteRead } from "./activity";
import { computeViewerDailySeries } from "./series/read";
import { getAthleteToday } from "./series/clock";
import { SELF } from "./self";
import { sumZoneMinutes } from "./sessions/weekly-zones";
import type { CheckInDTO, DailyPointDTO } from "./dto";

/**
 * The weekly report: one ISO week (Monday–Sunday, athlete-local days) of training, sleep and recovery, each
 * number compared with the mean of the previous 4 and 12 weeks. Sections are authorized one by one with the
 * scope they show (training / sleep / recovery); a section the viewer may not read is `null` ("not shared"),
 * and a report with no readable section is `not_found`.
 */

// ── ISO weeks in URLs (the week arithmetic is in lib/analytics/dates) ──

/** `2026-W05` (week zero-padded). */
export function formatIsoWeek(week: IsoWeek): string {
  return `${String(week.year).padStart(4, "0")}-W${String(week.week).padStart(2, "0")}`;
}

const WEEK_PATTERN = /^(\d{4})-W(\d{1,2})$/;

/** `2026-W20` / `2026-W5` → the week; null for anything else, including week 53 of a 52-week year. */
export function parseIsoWeek(value: string): IsoWeek | null {
  const match = WEEK_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > countIsoWeeks(year)) return null;
  return { year, week };
}

/** Weeks a comparison averages over. */
export const COMPARE_WEEKS = [4, 12] as const;

/** URL of a report. */
export function toReportPath(athleteId: string, week: IsoWeek): string {
  return `/reports/${encodeURIComponent(athleteId)}/${formatIsoWeek(week)}`;
}

/**
 * The athlete's latest complete report week: the ISO week before the one holding their local today (a week in
 * progress would compare a partial week's totals with full ones). `athleteId` is a resolved user id.
 */
export function getLatestReportWeek(db: Db, athleteId: string, now: number): IsoWeek {
  return getIsoWeek(addDays(getAthleteToday(db, athleteId, now), -7));
}

/** Path of the athlete's latest complete report (for the roster's links). */
export function getLatestReportPath(athleteId: string, options: { db?: Db; now?: number } = {}): string {
  return toReportPath(athleteId, getLatestReportWeek(options.db ?? getDb(), athleteId, options.now ?? Date.now()));
}

// ── DTO ──

/** A weekly number with the mean of the same number over the previous 4 and 12 weeks (weeks with data only). */
export type WeeklyMetricDTO = {
  value: number | null;
  avg4: number | null;
  /** Weeks with a value among the previous 4. */
  n4: number;
  avg12: number | null;
  n12: number;
};

export type ReportFlagDTO = {
  date: LocalDate;
  level: RiskLevel;
  reasons: RiskReason[];
  context: string | null;
};

export type ReportTrainingDTO = {
  sessions: WeeklyMetricDTO;
  /** seconds */
  durationSeconds: WeeklyMetricDTO;
  /** metres */
  distanceMeters: WeeklyMetricDTO;
  /** Minutes in computed zones Z1..Z5 (metrics §1.2), this week and the previous-week means. */
  zoneMinutes: { value: number[]; avg4: number[] | null; avg12: number[] | null };
  /** Σ daily load (Polar cardio load or Banister TRIMP, metrics §3). */
  load: WeeklyMetricDTO;
  /** At the week's last day (or the athlete's today in a week in progress). */
  ctl: WeeklyMetricDTO;
  atl: WeeklyMetricDTO;
  tsb: WeeklyMetricDTO;
  acwr: WeeklyMetricDTO;
  /** Display band of the week-end ACWR (metrics §5.1); null when not computable. */
  acwrBand: AcwrBand | null;
  /** Mean steps per day with an activity summary. */
  steps: WeeklyMetricDTO;
  /** Mean active seconds per day with an activity summary. */
  activeSeconds: WeeklyMetricDTO;
  activityDays: number;
  /** Training time per week (hours), oldest first, this week last: the chart's bars. */
  weeklyHours: { week: string; hours: number | null }[];
};

export type ReportSleepDTO = {
  /** Mean actual sleep per measured night, minutes. */
  actualSleepMinutes: WeeklyMetricDTO;
  nights: number;
  /** Gross 7-night sleep debt at week end, minutes (metrics §9.3). */
  debtGrossMinutes: WeeklyMetricDTO;
  debtNetMinutes: number | null;
  sleepNeedMinutes: number;
};

export type ReportRecoveryDTO = {
  /** Mean nightly resting HR of the week (bpm, metrics §7.1). */
  rhr: WeeklyMetricDTO;
  rhrNights: number;
  /** The normal range at week end: 30 nights before, mean ± 1 SD. */
  rhrBaseline: { mean: number; sd: number | null; nights: number } | null;
  /** 7-night mean ln rMSSD at week end (ln ms). */
  hrv: WeeklyMetricDTO;
  /** Normal range at week end: 60-night mean ± 0.5 SD. */
  hrvBand: { low: number; high: number } | null;
  /** Days of the week with a level of watch or above, with their reasons. */
  flags: ReportFlagDTO[];
  /** Every day of the week so far: its advice (metrics.md §13.2) and its check-in (note only if readable). */
  days: { date: LocalDate; advice: AdviceDay | null; checkIn: CheckInDTO | null }[];
};

export type WeeklyReportDTO = {
  athleteId: string;
  athleteName: string | null;
  week: IsoWeek & { label: string; start: LocalDate; end: LocalDate };
  /** The athlete's local today; a week in progress is judged up to it. */
  today: LocalDate;
  isPartial: boolean;
  previousPath: string;
  nextPath: string | null;
  /** First synced day; null = nothing synced. */
  historyStart: LocalDate | null;
  training: ReportTrainingDTO | null;
  sleep: ReportSleepDTO | null;
  recovery: ReportRecoveryDTO | null;
};

// ── computation ──

const FLAG_LEVELS: ReadonlySet<RiskLevel> = new Set<RiskLevel>(["watch", "elevated", "high"]);

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((total, value) => total + value, 0) / values.length;
}

/** `values[0]` = this week, `values[k]` = k weeks before; null = no data that week. */
export function toWeeklyMetric(values: readonly (number | null)[]): WeeklyMetricDTO {
  const previous = (count: number) => values.slice(1, count + 1).filter((value): value is number => value !== null);
  const p4 = previous(4);
  const p12 = previous(12);
  return { value: values[0] ?? null, avg4: mean(p4), n4: p4.length, avg12: mean(p12), n12: p12.length };
}

type WeekWindow = { start: LocalDate; end: LocalDate; label: string };

function toWeekWindows(week: IsoWeek): WeekWindow[] {
  const start = getIsoWeekStart(week);
  return Array.from({ length: 13 }, (_, k) => {
    const weekStart = addDays(start, -7 * k);
    return { start: weekStart, end: addDays(weekStart, 6), label: formatIsoWeek(getIsoWeek(weekStart)) };
  });
}

/**
 * The weekly report of `athleteId` (`me` or a user id) for an ISO week.
 * @throws AppError not_found when the athlete is unknown or no section is shared with the viewer.
 */
export function getWeeklyReport(db: Db, viewer: Viewer, athleteId: string, week: IsoWeek, options: { now?: number } = {}): WeeklyReportDTO {
  const now = options.now ?? Date.now();
  const trainingId = tryAuthorizeAthleteRead(db, viewer, athleteId, "training");
  const sleepId = tryAuthorizeAthleteRead(db, viewer, athleteId, "sleep");
  const recoveryId = tryAuthorizeAthleteRead(db, viewer, athleteId, "recovery");
  const id = trainingId ?? sleepId ?? recoveryId;
  if (id === null) throw new AppError("not_found", "No athlete with that id is visible to you.");
  const user = db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, id)).get();
  if (!user) throw new AppError("not_found", "No athlete with that id is visible to you.");

  const today = getAthleteToday(db, id, now);
  const windows = toWeekWindows(week);
  const current = windows[0];
  const oldest = windows[windows.length - 1];
  // A week in progress is judged up to today, and a future day never counts as a day without data.
  const lastDay = (window: WeekWindow): LocalDate => (window.end < today ? window.end : today);
  const series = computeViewerDailySeries(db, viewer, id, { from: oldest.start, to: current.end }, {
    now,
    scope: recoveryId !== null ? "recovery" : trainingId !== null ? "training" : "sleep",
  });
  const pointByDate = new Map(series.points.map((point) => [point.date, point]));
  const historyStart = series.historyStart;
  /** A week counts for comparisons only once the athlete's history has started and the week has begun. */
  const hasHistory = (window: WeekWindow) => historyStart !== null && window.end >= historyStart && window.start <= today;
  const pointsOf = (window: WeekWindow): DailyPointDTO[] => {
    const points: DailyPointDTO[] = [];
    for (let d = toDayNumber(window.start); d <= toDayNumber(lastDay(window)); d += 1) {
      const point = pointByDate.get(fromDayNumber(d));
      if (point) points.push(point);
    }
    return points;
  };
  const endPoint = (window: WeekWindow): DailyPointDTO | null => (hasHistory(window) ? (pointByDate.get(lastDay(window)) ?? null) : null);

  const outputWeek = { ...week, label: formatIsoWeek(week), start: current.start, end: current.end };
  const nextStart = addDays(current.start, 7);
  return {
    athleteId: id,
    athleteName: user.name,
    week: outputWeek,
    today,
    isPartial: current.end >= today && current.start <= today,
    previousPath: toReportPath(athleteId === SELF ? SELF : id, getIsoWeek(addDays(current.start, -7))),
    nextPath: nextStart <= today ? toReportPath(athleteId === SELF ? SELF : id, getIsoWeek(nextStart)) : null,
    historyStart,
    training: trainingId === null ? null : buildTraining(db, trainingId, windows, { hasHistory, pointsOf, endPoint, lastDay }),
    sleep: sleepId === null ? null : buildSleep(windows, series.sleepNeedMinutes, { hasHistory, pointsOf, endPoint }),
    recovery: recoveryId === null ? null : buildRecovery(windows, { hasHistory, pointsOf, endPoint }),
  };
}

type WeekReaders = {
  hasHistory: (window: WeekWindow) => boolean;
  pointsOf: (window: WeekWindow) => DailyPointDTO[];
  endPoint: (window: WeekWindow) => DailyPointDTO | null;
};

function buildTraining(
  db: Db,
  athleteId: string,
  windows: WeekWindow[],
  readers: WeekReaders & { lastDay: (window: WeekWindow) => LocalDate },
): ReportTrainingDTO {
  const from = windows[windows.length - 1].start;
  const to = windows[0].end;
  const sessions = db
    .select({
      date: exercises.localDate,
      duration: exercises.durationSeconds,
      distance: exercises.distanceMeters,
      z1: exercises.zone1Seconds,
      z2: exercises.zone2Seconds,
      z3: exercises.zone3Seconds,
      z4: exercises.zone4Seconds,
      z5: exercises.zone5Seconds,
    })
    .from(exercises)
    .where(and(eq(exercises.athleteId, athleteId), gte(exercises.localDate, from), lte(exercises.localDate, to)))
    .all();
  const activity = db
    .select({ date: dailyActivities.localDate, steps: dailyActivities.activeSteps, active: dailyActivities.activeDurationSeconds })
    .from(dailyActivities)
    .where(and(eq(dailyActivities.athleteId, athleteId), gte(dailyActivities.localDate, from), lte(dailyActivities.localDate, to)))
    .all();

  const inWeek = <T extends { date: LocalDate }>(rows: readonly T[], window: WeekWindow) =>
    rows.filter((row) => row.date >= window.start && row.date <= readers.lastDay(window));
  // Weeks before the history starts are unknown (null), not weeks of zero training.
  const perWeek = (compute: (window: WeekWindow) => number | null) =>
    windows.map((window) => (readers.hasHistory(window) ? compute(window) : null));

  const zoneMinutes = windows.map((window) => (readers.hasHistory(window) ? sumZoneMinutes(inWeek(sessions, window)) : null));
  const averageZones = (count: number): number[] | null => {
    const weeks = zoneMinutes.slice(1, count + 1).filter((value): value is number[] => value !== null);
    if (weeks.length === 0) return null;
    return [0, 1, 2, 3, 4].map((index) => weeks.reduce((total, zones) => total + zones[index], 0) / weeks.length);
  };
  const perDayMean = (pick: (row: (typeof activity)[number]) => number | null) =>
    perWeek((window) => mean(inWeek(activity, window).flatMap((row) => (pick(row) === null ? [] : [pick(row) as number]))));
  const endValue = (pick: (point: DailyPointDTO) => number | null) =>
    windows.map((window) => {
      const point = readers.endPoint(window);
      return point ? pick(point) : null;
    });
  const durations = perWeek((window) => inWeek(sessions, window).reduce((total, row) => total + row.duration, 0));
  const acwr = endValue((point) => point.acwr.ewma);
  return {
    sessions: toWeeklyMetric(perWeek((window) => inWeek(sessions, window).length)),
    durationSeconds: toWeeklyMetric(durations),
    distanceMeters: toWeeklyMetric(perWeek((window) => inWeek(sessions, window).reduce((total, row) => total + (row.distance ?? 0), 0))),
    zoneMinutes: { value: zoneMinutes[0] ?? [0, 0, 0, 0, 0], avg4: averageZones(4), avg12: averageZones(12) },
    load: toWeeklyMetric(perWeek((window) => readers.pointsOf(window).reduce((total, point) => total + point.load.value, 0))),
    ctl: toWeeklyMetric(endValue((point) => point.pmc.ctl)),
    atl: toWeeklyMetric(endValue((point) => point.pmc.atl)),
    tsb: toWeeklyMetric(endValue((point) => point.pmc.tsb)),
    acwr: toWeeklyMetric(acwr),
    acwrBand: readers.endPoint(windows[0])?.acwr.band ?? null,
    steps: toWeeklyMetric(perDayMean((row) => row.steps)),
    activeSeconds: toWeeklyMetric(perDayMean((row) => row.active)),
    activityDays: inWeek(activity, windows[0]).length,
    weeklyHours: windows
      .map((window, k) => ({ week: window.label, hours: durations[k] === null ? null : (durations[k] ?? 0) / 3600 }))
      .reverse(),
  };
}

function buildSleep(windows: WeekWindow[], sleepNeedMinutes: number, readers: WeekReaders): ReportSleepDTO {
  const nightsOf = (window: WeekWindow) =>
    readers.pointsOf(window).flatMap((point) => (point.sleep.night ? [point.sleep.night.actualSleepMinutes] : []));
  const actual = windows.map((window) => (readers.hasHistory(window) ? mean(nightsOf(window)) : null));
  const debt = windows.map((window) => readers.endPoint(window)?.sleep.debt?.grossMinutes ?? null);
  return {
    actualSleepMinutes: toWeeklyMetric(actual),
    nights: nightsOf(windows[0]).length,
    debtGrossMinutes: toWeeklyMetric(debt),
    debtNetMinutes: readers.endPoint(windows[0])?.sleep.debt?.netMinutes ?? null,
    sleepNeedMinutes,
  };
}

function buildRecovery(windows: WeekWindow[], readers: WeekReaders): ReportRecoveryDTO {
  const rhrNights = (window: WeekWindow) => readers.pointsOf(window).flatMap((point) => (point.restingHr.rhr === null ? [] : [point.restingHr.rhr]));
  const rhr = windows.map((window) => (readers.hasHistory(window) ? mean(rhrNights(window)) : null));
  const hrv = windows.map((window) => readers.endPoint(window)?.hrv.rolling7 ?? null);
  const end = readers.endPoint(windows[0]);
  const rhrDay = end?.restingHr;
  const hrvDay = end?.hrv;
  return {
    rhr: toWeeklyMetric(rhr),
    rhrNights: rhrNights(windows[0]).length,
    rhrBaseline:
      rhrDay && rhrDay.baselineMean !== null ? { mean: rhrDay.baselineMean, sd: rhrDay.baselineSd, nights: rhrDay.baselineN } : null,
    hrv: toWeeklyMetric(hrv),
    hrvBand: hrvDay && hrvDay.bandLow !== null && hrvDay.bandHigh !== null ? { low: hrvDay.bandLow, high: hrvDay.bandHigh } : null,
    flags: readers
      .pointsOf(windows[0])
      .filter((point) => FLAG_LEVELS.has(point.risk.level))
      .map((point) => ({ date: point.date, level: point.risk.level, reasons: point.risk.reasons, context: point.risk.context })),
    days: readers.pointsOf(windows[0]).map((point) => ({ date: point.date, advice: point.advice, checkIn: point.checkIn })),
  };
}

/** Parses the `{athlete}` and `{year}-W{week}` path segments; null when the week is not a real ISO week. */
export function parseReportParams(params: { athlete: string; week: string }): { athleteId: string; week: IsoWeek } | null {
  // Next passes the segments percent-decoded already; decoding again would fail on a literal `%`.
  const week = parseIsoWeek(params.week);
  const athleteId = params.athlete;
  if (week === null || athleteId === "" || !isLocalDate(getIsoWeekStart(week))) return null;
  return { athleteId, week };
}
