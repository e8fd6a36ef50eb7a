import "server-only";
import type { Db } from "@/db/client";
import type { AdviceDay, LocalDate, RiskLevel } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { authorizeAthleteView, READ_SCOPES, type ScopeSet } from "../access";
import type { DailyPointDTO, ReadScope, SessionSummaryDTO } from "../dto";
import { explainEmptyDay, getExplainerAudience, type EmptyDayExplanationDTO } from "../provenance";
import { ROSTER_COLUMN_SCOPES } from "../roster/roster";
import { listSessionRows } from "../sessions/list";
import { getAthleteToday } from "../series/clock";
import { computeViewerDailySeries } from "../series/read";
import { listMonthWeeks, parseCalendarSelection, shiftMonth, toLoadBand, type CalendarMonth, type LoadBand } from "./month";

/**
 * The training calendar (issue #17): a month of the athlete's local days with sessions, the day's load,
 * flags, advice and sleep. Built on the existing loaders only: the daily series (lib/dal/series, the one
 * computation of load, risk and advice — nothing is recomputed here) and the session list. The athlete sees
 * everything; a coach sees what the athlete shares, each part gated like the coach's other pages:
 * - sessions and the day's load: training;
 * - sleep hours: sleep;
 * - advice: recovery (the series already leaves it null otherwise);
 * - flags (the risk level and its reasons): training + recovery, as on the roster and the coach's overview.
 */

/** More sessions than any month holds; the grid's 42 days at most. */
const CALENDAR_SESSION_LIMIT = 1_000;

const FLAG_LEVELS: ReadonlySet<RiskLevel> = new Set<RiskLevel>(["watch", "elevated", "high"]);

export type CalendarSessionDTO = Pick<SessionSummaryDTO, "id" | "startTimeLocal" | "sport" | "detailedSport" | "durationSeconds"> & {
  /** The session's load (AU): Polar's cardio load, or TRIMP when Polar gave none; null without either. */
  load: number | null;
  loadSource: "polar" | "trimp" | null;
};

export type CalendarDayDTO = {
  date: LocalDate;
  /** False for the days of the neighbouring months that fill the first and last week. */
  inMonth: boolean;
  isToday: boolean;
  /** After the athlete's today: nothing to show yet. */
  isFuture: boolean;
  /** Null when training is not shared; [] on a day without sessions. */
  sessions: CalendarSessionDTO[] | null;
  /** The day's load (AU) and its shading band; null when training is not shared or the day has no series point. */
  load: { value: number; band: LoadBand; source: "polar" | "trimp" | "none" } | null;
  /** The night that ended on this day; null without a night (or when sleep is not shared). */
  sleep: { actualMinutes: number; score: number | null } | null;
  /** The day's flag (watch, elevated, high) with its reasons; null when none or not shared. */
  flag: { level: RiskLevel; reasons: DailyPointDTO["risk"]["reasons"] } | null;
  /** The day's advice as it was given that day; null without recovery or without a point. */
  advice: AdviceDay | null;
};

export type CalendarMonthDTO = {
  athleteId: string;
  month: CalendarMonth;
  previousMonth: CalendarMonth;
  nextMonth: CalendarMonth;
  /** The athlete's local today: the month and the days are on the athlete's clock, not the viewer's. */
  today: LocalDate;
  scopes: ReadScope[];
  /** Monday-first weeks covering the month. */
  weeks: CalendarDayDTO[][];
  /** What was wrong with the asked month or day (the default was shown instead); null when fine. */
  problem: string | null;
  /** The open day, with its series point (for the flag's details) and why its night is empty. */
  selected: { day: CalendarDayDTO; point: DailyPointDTO | null; sleepGap: EmptyDayExplanationDTO | null } | null;
};

function toCalendarSession(session: SessionSummaryDTO): CalendarSessionDTO {
  const load = session.cardioLoad ?? session.trimp;
  return {
    id: session.id,
    startTimeLocal: session.startTimeLocal,
    sport: session.sport,
    detailedSport: session.detailedSport,
    durationSeconds: session.durationSeconds,
    load,
    loadSource: session.cardioLoad !== null ? "polar" : session.trimp !== null ? "trimp" : null,
  };
}

function hasAll(scopes: ScopeSet, needed: readonly ReadScope[]): boolean {
  return needed.every((scope) => scopes.has(scope));
}

function toCalendarDay(
  date: LocalDate,
  context: { month: CalendarMonth; today: LocalDate; scopes: ScopeSet; point: DailyPointDTO | undefined; sessions: CalendarSessionDTO[] | null },
): CalendarDayDTO {
  const { today, scopes, point } = context;
  const isFuture = date > today;
  const shown = isFuture ? undefined : point;
  const night = shown?.sleep.night ?? null;
  const showsFlag = shown !== undefined && hasAll(scopes, ROSTER_COLUMN_SCOPES.risk) && FLAG_LEVELS.has(shown.risk.level);
  return {
    date,
    inMonth: date.startsWith(`${context.month}-`),
    isToday: date === today,
    isFuture,
    sessions: context.sessions === null ? null : isFuture ? [] : context.sessions,
    load: shown && scopes.has("training") ? { value: shown.load.value, band: toLoadBand(shown.load.value), source: shown.load.source } : null,
    sleep: night && scopes.has("sleep") ? { actualMinutes: night.actualSleepMinutes, score: shown?.night?.sleepScore ?? null } : null,
    flag: showsFlag && shown ? { level: shown.risk.level, reasons: shown.risk.reasons } : null,
    advice: shown && scopes.has("recovery") ? shown.advice : null,
  };
}

/**
 * One month of the athlete's calendar as the viewer may see it (`athleteId` may be `me`), with the asked day
 * open. The query is `?month=YYYY-MM&day=YYYY-MM-DD` as typed in the URL; malformed values fall back to the
 * athlete's current month and say so in `problem`.
 * @throws AppError("not_found") when the viewer may read nothing of the athlete.
 */
export function getCalendarMonth(db: Db, viewer: Viewer, athleteId: string, query: { month?: string; day?: string }, options: { now?: number } = {}): CalendarMonthDTO {
  const now = options.now ?? Date.now();
  const { athleteId: id, scopes } = authorizeAthleteView(db, viewer, athleteId);
  const today = getAthleteToday(db, id, now);
  const selection = parseCalendarSelection(query, today);
  const weeks = listMonthWeeks(selection.month);
  const from = weeks[0][0];
  const to = weeks[weeks.length - 1][6];
  // The series is read with a scope the viewer holds; it is computed from every shared scope (read.ts).
  const seriesScope = READ_SCOPES.find((scope) => scopes.has(scope) && scope !== "body");
  const points = seriesScope ? computeViewerDailySeries(db, viewer, id, { from, to }, { now, scope: seriesScope }).points : [];
  const pointByDate = new Map(points.map((point) => [point.date, point]));
  const sessionsByDate = new Map<LocalDate, CalendarSessionDTO[]>();
  if (scopes.has("training")) {
    for (const session of listSessionRows(db, id, { from, to, sort: "date-asc" }, CALENDAR_SESSION_LIMIT)) {
      const list = sessionsByDate.get(session.localDate) ?? [];
      list.push(toCalendarSession(session));
      sessionsByDate.set(session.localDate, list);
    }
  }
  const toDay = (date: LocalDate) =>
    toCalendarDay(date, {
      month: selection.month,
      today,
      scopes,
      point: pointByDate.get(date),
      sessions: scopes.has("training") ? (sessionsByDate.get(date) ?? []) : null,
    });
  const grid = weeks.map((week) => week.map(toDay));
  let selected: CalendarMonthDTO["selected"] = null;
  if (selection.day) {
    const day = toDay(selection.day);
    const point = day.isFuture ? null : (pointByDate.get(selection.day) ?? null);
    const sleepGap =
      scopes.has("sleep") && !day.isFuture && day.sleep === null
        ? explainEmptyDay(db, id, "sleep", selection.day, today, getExplainerAudience(db, viewer, id))
        : null;
    selected = { day, point, sleepGap };
  }
  return {
    athleteId: id,
    month: selection.month,
    previousMonth: shiftMonth(selection.month, -1),
    nextMonth: shiftMonth(selection.month, 1),
    today,
    scopes: READ_SCOPES.filter((scope) => scopes.has(scope)),
    weeks: grid,
    problem: selection.problem,
    selected,
  };
}
