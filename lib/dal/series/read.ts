import "server-only";
import type { Db } from "@/db/client";
import { DEFAULT_SLEEP_NEED_MINUTES, toLocalDateAt, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authorizeAthleteRead as authorizeAthleteReadWithSharing, authorizeAthleteView, READ_SCOPES, type ScopeSet } from "../access";
import type { DailySeriesDTO, ReadScope } from "../dto";
import { canReadCheckInNotes } from "../check-in-sharing";
import { getAthleteToday } from "./clock";
import { loadSeriesBounds } from "./inputs";
import { loadDailySeries } from "./load";
import type { DailyRangeQuery } from "./range";

/** The athlete's own view reads every data type. */
const OWN_SCOPES: ScopeSet = new Set(READ_SCOPES);

/**
 * The single gate for every read of an athlete's data. A denial is `not_found` with no data, so a stranger
 * cannot even learn that the athlete exists.
 * @returns the athlete's user id (`me` resolved).
 */
export function authorizeAthleteRead(viewer: Viewer, athleteId: string, scope: ReadScope, db?: Db): string {
  return authorizeAthleteReadWithSharing(viewer, athleteId, scope, db);
}

/** The earliest local day with any synced record, or null. */
export function getHistoryStart(db: Db, athleteId: string): LocalDate | null {
  const today = getAthleteToday(db, athleteId, Date.now());
  return loadSeriesBounds(db, [{ athleteId, scopes: OWN_SCOPES, today, upTo: today }]).get(athleteId)?.historyStart ?? null;
}

/**
 * The daily series of an athlete for `[from, to]`, as if computed over their full history (so every window
 * and baseline is right) and cut to the range. Days before the first synced day are not returned.
 */
export function computeAthleteDailySeries(db: Db, athleteId: string, range: DailyRangeQuery, options: { now: number }): DailySeriesDTO {
  const series = loadDailySeries(db, [{ athleteId, scopes: OWN_SCOPES, checkInNotes: true }], { now: options.now, range: () => range }).get(athleteId);
  return {
    athleteId,
    from: range.from,
    to: range.to,
    today: series?.today ?? getAthleteToday(db, athleteId, options.now),
    historyStart: series?.historyStart ?? null,
    sleepNeedMinutes: series?.sleepNeedMinutes ?? DEFAULT_SLEEP_NEED_MINUTES,
    points: series?.points ?? [],
  };
}

/** Authorized read of the daily series (`GET /api/athletes/{id}/daily`). */
export function getDailySeries(
  db: Db,
  viewer: Viewer,
  athleteId: string,
  range: DailyRangeQuery,
  options: { now?: number; scope?: ReadScope } = {},
): DailySeriesDTO {
  const scope = options.scope ?? "training";
  const id = authorizeAthleteRead(viewer, athleteId, scope, db);
  return computeViewerDailySeries(db, viewer, id, range, { now: options.now ?? Date.now(), scope });
}

/**
 * The daily series of an athlete the viewer was already authorized for, as THIS viewer may see it: the whole
 * series for the athlete themself; for a coach, a series computed from the shared data types only, so no
 * number of an unshared type appears anywhere in it (the risk level included). Every DAL function that hands
 * a series to a page goes through here.
 */
export function computeViewerDailySeries(
  db: Db,
  viewer: Viewer,
  athleteId: string,
  range: DailyRangeQuery,
  options: { now: number; scope: ReadScope },
): DailySeriesDTO {
  // A token narrowed to some scopes takes the shared path even for its owner: no unshared number in the series.
  const readsAll = READ_SCOPES.every((scope) => !viewer.tokenScopes || viewer.tokenScopes.has(scope));
  if (athleteId === viewer.userId && readsAll) return computeAthleteDailySeries(db, athleteId, range, { now: options.now });
  const { scopes: _scopes, now: _now, ...series } = getSharedDailySeries(db, viewer, athleteId, options.scope, () => range, { now: options.now });
  return series;
}

/**
 * An athlete's daily series for `[from, to]` as a coach may see it: computed from the shared scopes only
 * (unshared tables are not read), so no number of an unshared scope appears anywhere in it — risk included.
 * Requires `scope`.
 */
export function getSharedDailySeries(
  db: Db,
  viewer: Viewer,
  athleteId: string,
  scope: ReadScope,
  resolveRange: (today: LocalDate) => { from: LocalDate; to: LocalDate },
  options: { now?: number } = {},
): DailySeriesDTO & { scopes: ReadScope[]; now: number } {
  const now = options.now ?? Date.now();
  const { athleteId: id, scopes } = authorizeAthleteView(db, viewer, athleteId);
  if (!scopes.has(scope)) throw new AppError("not_found", "No athlete with that id is visible to you.");
  const checkInNotes = scopes.has("recovery") && canReadCheckInNotes(db, viewer, id);
  const series = loadDailySeries(db, [{ athleteId: id, scopes, checkInNotes }], { now, range: resolveRange }).get(id);
  const today = series?.today ?? toLocalDateAt(now, 0);
  const range = resolveRange(today);
  return {
    athleteId: id,
    from: range.from,
    to: range.to,
    today,
    historyStart: series?.historyStart ?? null,
    sleepNeedMinutes: series?.sleepNeedMinutes ?? DEFAULT_SLEEP_NEED_MINUTES,
    points: series?.points ?? [],
    scopes: READ_SCOPES.filter((item) => scopes.has(item)),
    now,
  };
}
