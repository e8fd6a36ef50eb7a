import "server-only";
import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sessionRpes } from "@/db/schema/check-in";
import { exercises } from "@/db/schema/polar-data";
import { addDays, isLocalDate, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import type { SessionListDTO, SessionListFilter, SessionPageDTO, SessionSummaryDTO } from "../dto";
import type { Clock } from "../overview/freshness";
import { getAthleteToday } from "../series/clock";
import { authorizeAthleteRead } from "../series/read";
import { resolveSessionRpe } from "./rpe";

/** Most sessions one list returns; filters narrow further. */
export const SESSION_LIST_LIMIT = 200;
/** Days a session list covers when the filter names no dates: the 12 weeks of the training page's zone chart. */
export const SESSION_LIST_DEFAULT_DAYS = 84;

const sessionColumns = {
  id: exercises.id,
  localDate: exercises.localDate,
  startTimeLocal: exercises.startTimeLocal,
  startUtcMs: exercises.startUtcMs,
  durationSeconds: exercises.durationSeconds,
  sport: exercises.sport,
  detailedSport: exercises.detailedSport,
  distanceMeters: exercises.distanceMeters,
  avgHr: exercises.avgHr,
  maxHr: exercises.maxHr,
  cardioLoad: exercises.cardioLoad,
  trimp: exercises.trimp,
  trimpMethod: exercises.trimpMethod,
  ownRpe: sessionRpes.rpe,
  polarRpe: exercises.userRpe,
};

const filterDateSchema = z.string().refine(isLocalDate);

const sessionFilterSchema = z.object({
  sport: z.string().min(1).max(80).optional(),
  from: filterDateSchema.optional(),
  to: filterDateSchema.optional(),
  sort: z.enum(["date-desc", "date-asc", "duration-desc", "load-desc"]).optional(),
});

/** Parses list filters from search params; an invalid value is dropped rather than failing the page. */
export function parseSessionFilter(params: Record<string, string | undefined>): SessionListFilter {
  const filter: SessionListFilter = {};
  for (const key of ["sport", "from", "to", "sort"] as const) {
    const value = params[key];
    if (value === undefined || value === "") continue;
    const parsed = sessionFilterSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [key]: parsed.data });
  }
  return filter;
}

/**
 * The dates a session list covers: the filter's, a missing end being the athlete's today and a missing start
 * `SESSION_LIST_DEFAULT_DAYS` days before the end. Bounded so the page reads its range, not the whole history.
 */
export function resolveSessionRange(filter: SessionListFilter, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = filter.to ?? today;
  return { from: filter.from ?? addDays(to, -(SESSION_LIST_DEFAULT_DAYS - 1)), to };
}

function sessionConditions(athleteId: string, filter: SessionListFilter): SQL | undefined {
  const conditions: SQL[] = [eq(exercises.athleteId, athleteId)];
  if (filter.sport) conditions.push(eq(exercises.sport, filter.sport));
  if (filter.from) conditions.push(gte(exercises.localDate, filter.from));
  if (filter.to) conditions.push(lte(exercises.localDate, filter.to));
  return and(...conditions);
}

export function listSessionRows(db: Db, athleteId: string, filter: SessionListFilter, limit: number, offset = 0): SessionSummaryDTO[] {
  const order =
    filter.sort === "date-asc"
      ? [asc(exercises.startUtcMs)]
      : filter.sort === "duration-desc"
        ? [desc(exercises.durationSeconds), desc(exercises.startUtcMs)]
        : filter.sort === "load-desc"
          ? [desc(sql`coalesce(${exercises.cardioLoad}, ${exercises.trimp}, -1)`), desc(exercises.startUtcMs)]
          : [desc(exercises.startUtcMs)];
  return db
    .select(sessionColumns)
    .from(exercises)
    .leftJoin(sessionRpes, eq(sessionRpes.exerciseId, exercises.id))
    .where(sessionConditions(athleteId, filter))
    .orderBy(...order)
    .limit(limit)
    .offset(offset)
    .all()
    .map(({ ownRpe, polarRpe, ...row }) => ({ ...row, ...resolveSessionRpe(ownRpe, polarRpe, row.durationSeconds) }));
}

/**
 * Every sport the athlete has, ascending, in one index seek per sport (a loose index scan over
 * `exercise_athlete_sport_idx`): the filter offers all of them whatever the dates, without reading every session.
 */
function listSports(db: Db, athleteId: string): string[] {
  return db
    .all<{ sport: string | null }>(
      sql`with recursive sports(sport) as (
        select min(sport) from exercise where athlete_id = ${athleteId}
        union all
        select (select min(e.sport) from exercise e where e.athlete_id = ${athleteId} and e.sport > sports.sport) from sports where sports.sport is not null
      )
      select sport from sports where sport is not null`,
    )
    .flatMap((row) => (row.sport === null ? [] : [row.sport]));
}

/** The viewer's right to the training scope, then the list's dates (the athlete's clock read only without `to`). */
function authorizeRange(db: Db, viewer: Viewer, athleteId: string, filter: SessionListFilter, options: Clock) {
  const id = authorizeAthleteRead(viewer, athleteId, "training", db);
  const range = resolveSessionRange(filter, filter.to ?? getAthleteToday(db, id, options.now ?? Date.now()));
  return { id, range, ranged: { ...filter, ...range } };
}

/**
 * The athlete's sessions in the filter's dates (by default the last `SESSION_LIST_DEFAULT_DAYS` days ending on
 * the athlete's today, see `resolveSessionRange`), filtered by sport and sorted; at most `SESSION_LIST_LIMIT`.
 */
export function listSessions(db: Db, viewer: Viewer, athleteId: string, filter: SessionListFilter = {}, options: Clock = {}): SessionListDTO {
  const { id, range, ranged } = authorizeRange(db, viewer, athleteId, filter, options);
  const rows = listSessionRows(db, id, ranged, SESSION_LIST_LIMIT);
  const total = rows.length < SESSION_LIST_LIMIT ? rows.length : (db.select({ n: count() }).from(exercises).where(sessionConditions(id, ranged)).get()?.n ?? 0);
  return { ...range, sessions: rows, sports: listSports(db, id), total, isTruncated: total > rows.length };
}

/** Sessions per page of the training list. */
export const SESSION_PAGE_SIZE = 50;
/** Pages beyond this are not a real request (50 × 10 000 sessions). */
const MAX_PAGE = 10_000;

/** `?page=` of the training list: a whole number from 1, anything else the first page. */
export function parseSessionPage(value: string | undefined): number {
  if (value === undefined || !/^\d{1,5}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

/**
 * One page of the athlete's sessions in the filter's dates (as `listSessions`), `pageSize` a page, with the
 * count of all that match ("51–100 of 412"). A page past the end shows the last one.
 */
export function listSessionPage(
  db: Db,
  viewer: Viewer,
  athleteId: string,
  filter: SessionListFilter,
  page: number,
  options: Clock & { pageSize?: number } = {},
): SessionPageDTO {
  const { id, range, ranged } = authorizeRange(db, viewer, athleteId, filter, options);
  const size = options.pageSize ?? SESSION_PAGE_SIZE;
  const total = db.select({ n: count() }).from(exercises).where(sessionConditions(id, ranged)).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const number = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const rows = total === 0 ? [] : listSessionRows(db, id, ranged, size, (number - 1) * size);
  return {
    ...range,
    sessions: rows,
    sports: listSports(db, id),
    total,
    isTruncated: false,
    page: { number, size, count: pageCount, first: rows.length === 0 ? 0 : (number - 1) * size + 1, last: (number - 1) * size + rows.length },
  };
}
