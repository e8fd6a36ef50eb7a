import "server-only";
import type { Db } from "@/db/client";
import { computeAdvice, type AdviceDay } from "@/lib/analytics";
import { loadCheckIns, toCheckIn } from "../check-in";
import type { CheckInDTO, DailyPointDTO } from "../dto";
import type { LoadedSeries, SeriesAthlete } from "./load";

/**
 * Today's training advice (metrics.md §13.2) for every day of a loaded series: the one computation the
 * overview, the Recovery history row, the roster and the weekly report read. Day d is judged from the
 * series point of d (risk, HRV, RHR, the night that ended on d) and the check-in of day d only, so a past
 * day reads as it was advised then. Check-ins are not part of the persisted series state: they are read here
 * in one statement per batch, so answering one never recomputes (or invalidates) the series.
 *
 * Advice and check-ins need the recovery scope: a viewer without it gets `advice: null, checkIn: null` on
 * every day. Notes are kept only for viewers who may read them (`checkInNotes`).
 */

/** One day's advice from its point and check-in. */
export function adviseDay(point: DailyPointDTO, checkIn: CheckInDTO | null, sleepNeedMinutes: number): AdviceDay {
  return computeAdvice({
    risk: point.risk,
    hrv: point.hrv,
    rhr: point.restingHr,
    lastNightSleepMinutes: point.sleep.night?.actualSleepMinutes ?? null,
    sleepNeedMinutes,
    checkIn: checkIn ? toCheckIn(checkIn) : null,
  });
}

/**
 * The last advised copy of each memoised point with what it was computed from, so a repeated view of the same
 * data and check-in returns the same objects (the series memo's identity holds through the advice).
 */
const advised = new WeakMap<DailyPointDTO, { key: string; point: DailyPointDTO }>();

function advisePoint(point: DailyPointDTO, checkIn: CheckInDTO | null, sleepNeedMinutes: number): DailyPointDTO {
  const key = `${sleepNeedMinutes}|${checkIn === null ? "" : JSON.stringify(checkIn)}`;
  const memo = advised.get(point);
  if (memo?.key === key) return memo.point;
  const result = { ...point, checkIn, advice: adviseDay(point, checkIn, sleepNeedMinutes) };
  advised.set(point, { key, point: result });
  return result;
}

/** The series with `advice` and `checkIn` filled on each point the viewer may see them on. */
export function attachAdvice(db: Db, athletes: readonly SeriesAthlete[], loaded: Map<string, LoadedSeries>): Map<string, LoadedSeries> {
  const requests = athletes.flatMap((athlete) => {
    const series = loaded.get(athlete.athleteId);
    if (!athlete.scopes.has("recovery") || !series || series.points.length === 0) return [];
    return [{ athleteId: athlete.athleteId, from: series.points[0].date, to: series.points[series.points.length - 1].date, withNotes: athlete.checkInNotes === true }];
  });
  const checkIns = loadCheckIns(db, requests);
  const result = new Map<string, LoadedSeries>();
  const allowed = new Set(requests.map((request) => request.athleteId));
  for (const [athleteId, series] of loaded) {
    // Without the recovery scope the memoised points already carry `advice: null, checkIn: null`.
    if (!allowed.has(athleteId)) {
      result.set(athleteId, series);
      continue;
    }
    const days = checkIns.get(athleteId);
    result.set(athleteId, { ...series, points: series.points.map((point) => advisePoint(point, days?.get(point.date) ?? null, series.sleepNeedMinutes)) });
  }
  return result;
}
