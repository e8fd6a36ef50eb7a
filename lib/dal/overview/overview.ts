import "server-only";
import type { Db } from "@/db/client";
import type { LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { getGrantedScopes, type ScopeSet } from "../access";
import type { DailyPointDTO, DailySeriesDTO, FreshnessDTO, SessionSummaryDTO } from "../dto";
import { listSessionRows } from "../sessions/list";
import { getAthleteToday } from "../series/clock";
import { loadSeriesBounds } from "../series/inputs";
import { toRangeEnding } from "../series/range";
import { authorizeAthleteRead, computeViewerDailySeries } from "../series/read";
import { explainEmptyDay, getExplainerAudience, type EmptyDayExplanationDTO } from "../provenance";
import { getFreshness, type Clock } from "./freshness";
import { summarizeRecentDays, type RecentFiguresDTO } from "./recent";

export type OverviewDTO = {
  /** The instant the overview was computed (epoch ms), for "synced 2 h ago". */
  now: number;
  today: LocalDate;
  /** The last 7 athlete-local days, today last. */
  week: DailySeriesDTO;
  todayPoint: DailyPointDTO | null;
  /** The latest point with sleep data in the week (last night, or the most recent before it). */
  lastNight: DailyPointDTO | null;
  latestSessions: SessionSummaryDTO[];
  freshness: FreshnessDTO;
  /** The figures the roster shows too, from the one summary (lib/dal/overview/recent.ts). */
  recent: RecentFiguresDTO;
  /** Why there is no night for today (null when last night is today's). */
  lastNightGap: EmptyDayExplanationDTO | null;
};

/**
 * The recent figures of an athlete's series as `scopes` let the viewer see them: the series' own points and
 * the newest day with visible data, read by the loader's own bounds query (the roster gets the same day from
 * the loader), summarised by the one function the roster uses.
 */
export function loadRecentFigures(db: Db, athleteId: string, scopes: ScopeSet, series: Pick<DailySeriesDTO, "today" | "points">): RecentFiguresDTO {
  const bounds = loadSeriesBounds(db, [{ athleteId, scopes, today: series.today, upTo: series.today }]).get(athleteId);
  return summarizeRecentDays({ today: series.today, dataThrough: bounds?.dataThrough ?? null, points: series.points });
}

/** Everything the overview page shows: today's risk, the week, last night, latest sessions, freshness. */
export function getOverview(db: Db, viewer: Viewer, athleteId: string, options: Clock = {}): OverviewDTO {
  const id = authorizeAthleteRead(viewer, athleteId, "recovery", db);
  const now = options.now ?? Date.now();
  const today = getAthleteToday(db, id, now);
  const week = computeViewerDailySeries(db, viewer, id, toRangeEnding(today, 7), { now, scope: "recovery" });
  const todayPoint = week.points.find((point) => point.date === today) ?? null;
  const recent = loadRecentFigures(db, id, getGrantedScopes(db, viewer, id), week);
  const lastNight = week.points.find((point) => point.date === recent.lastNight) ?? null;
  return {
    now,
    today,
    week,
    todayPoint,
    lastNight,
    // Sessions are training data: a coach granted recovery only does not see them.
    latestSessions: getGrantedScopes(db, viewer, id).has("training") ? listSessionRows(db, id, {}, 5) : [],
    freshness: getFreshness(db, id),
    recent,
    lastNightGap: lastNight?.date === today ? null : explainEmptyDay(db, id, "sleep", today, today, getExplainerAudience(db, viewer, id)),
  };
}

/** The daily series for a page's initial range (the range in the URL, ending on the athlete's today). */
export function getPageSeries(
  db: Db,
  viewer: Viewer,
  athleteId: string,
  resolveRange: (today: LocalDate) => { from: LocalDate; to: LocalDate },
  options: Clock & { scope: "training" | "sleep" | "recovery" },
): DailySeriesDTO {
  const id = authorizeAthleteRead(viewer, athleteId, options.scope, db);
  const now = options.now ?? Date.now();
  const range = resolveRange(getAthleteToday(db, id, now));
  return computeViewerDailySeries(db, viewer, id, range, { now, scope: options.scope });
}

/** The athlete's local today. */
export function getToday(db: Db, viewer: Viewer, athleteId: string, options: Clock = {}): LocalDate {
  return getAthleteToday(db, authorizeAthleteRead(viewer, athleteId, "training", db), options.now ?? Date.now());
}
