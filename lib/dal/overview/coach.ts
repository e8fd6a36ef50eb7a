import "server-only";
import type { Db } from "@/db/client";
import { addDays, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { authorizeAthleteView } from "../access";
import type { DailyPointDTO, DailySeriesDTO, FreshnessDTO } from "../dto";
import { explainEmptyDay, getExplainerAudience, type EmptyDayExplanationDTO } from "../provenance";
import { getSharedDailySeries } from "../series/read";
import { getFreshness, type Clock } from "./freshness";
import { loadRecentFigures } from "./overview";
import type { RecentFiguresDTO } from "./recent";

export type CoachOverviewDTO = {
  now: number;
  today: LocalDate;
  /** The last 7 athlete-local days from the shared data only. */
  week: DailySeriesDTO;
  todayPoint: DailyPointDTO | null;
  /** The night `recent.lastNight` names, for its details. */
  lastNight: DailyPointDTO | null;
  /** The same figures as the athlete's overview and the roster (lib/dal/overview/recent.ts). */
  recent: RecentFiguresDTO;
  /** Why there is no night for today, said about the athlete; null when last night is today's or sleep is not shared. */
  lastNightGap: EmptyDayExplanationDTO | null;
  freshness: FreshnessDTO;
};

/**
 * The coach's overview of one athlete: the athlete's overview figures computed from what the athlete shares
 * with this coach, by the same summary as the roster's row.
 * @throws AppError("not_found") when nothing is shared with the viewer.
 */
export function getCoachOverview(db: Db, viewer: Viewer, athleteId: string, options: Clock = {}): CoachOverviewDTO {
  const { athleteId: id, scopes } = authorizeAthleteView(db, viewer, athleteId);
  const first = [...scopes][0];
  const week = getSharedDailySeries(db, viewer, id, first, (today) => ({ from: addDays(today, -6), to: today }), { now: options.now });
  const { scopes: _scopes, now, ...series } = week;
  const recent = loadRecentFigures(db, id, scopes, series);
  const audience = getExplainerAudience(db, viewer, id);
  return {
    now,
    today: series.today,
    week: series,
    todayPoint: series.points.find((point) => point.date === series.today) ?? null,
    lastNight: series.points.find((point) => point.date === recent.lastNight) ?? null,
    recent,
    lastNightGap: scopes.has("sleep") && recent.lastNight !== series.today ? explainEmptyDay(db, id, "sleep", series.today, series.today, audience) : null,
    freshness: getFreshness(db, id),
  };
}
