import "server-only";
import { and, asc, eq, inArray, lte, ne } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import { getAthleteDataVersion, getConnectionId } from "@/db/queries/data-version";
import { athletePhysiologyOverrides } from "@/db/schema/athlete-settings";
import { cardioLoads, exercises, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import {
  addDays,
  computeDailySeries,
  diffDays,
  isLocalDate,
  toLocalDateAt,
  type AnalyticsSettingsInput,
  type DailySeriesInput,
  type LocalDate,
  type NightInput,
  type PolarCardioLoadDay,
  toPolarCardioLoadStatus,
} from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authorizeAthleteRead as authorizeAthleteReadWithSharing } from "./access";
import { computeSleepWindowMean, EMPTY_NIGHT_EXTRAS, STORED_SLEEP_COLUMNS, toSleepExtras, toSleepNightInput } from "./night-rows";
import { getSharedDailySeries } from "./roster";
import { slicePoints } from "./series-range";
import type { AthleteOverridesDTO, DailyPointDTO, DailySeriesDTO, NightExtrasDTO, ReadScope } from "./dto";

/** `me` in a URL means the signed-in athlete. */
export const SELF_ATHLETE_ID = "me";

/** The longest range the daily API serves, in calendar years (`to` at most `from` + 3 years). */
export const MAX_RANGE_YEARS = 3;

/** `date` + `years` on the calendar; 29 February falls back to 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
  return isLocalDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
}

/**
 * The single gate for every read of an athlete's data. Today an athlete reads only their own data; coach
 * access (sharing per scope) plugs in here. A denial is `not_found` with no data, so a stranger cannot even
 * learn that the athlete exists.
 * @returns the athlete's user id (`me` resolved).
 */
export function authorizeAthleteRead(viewer: Viewer, athleteId: string, scope: ReadScope, db?: Db): string {
  return authorizeAthleteReadWithSharing(viewer, athleteId, scope, db);
}

const localDateSchema = z
  .string({ error: "expected a date as YYYY-MM-DD" })
  .refine(isLocalDate, { error: "expected a real calendar date as YYYY-MM-DD" });

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: both real dates, from ≤ to, at most three years. */
export const DailyRangeQuerySchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  // Object refinements also run when a field failed: only compare two real dates.
  .refine((range) => !isLocalDate(range.from) || !isLocalDate(range.to) || diffDays(range.from, range.to) >= 0, {
    error: "`from` must not be after `to`",
    path: ["from"],
  })
  .refine((range) => !isLocalDate(range.from) || !isLocalDate(range.to) || range.to <= addYears(range.from, MAX_RANGE_YEARS), {
    error: `the range may cover at most ${MAX_RANGE_YEARS} years`,
    path: ["to"],
  });
export type DailyRangeQuery = z.infer<typeof DailyRangeQuerySchema>;

/** Parses the daily range from search params; invalid input → AppError("bad_request") with zod's message. */
export function parseDailyRange(params: { from?: string | null; to?: string | null }): DailyRangeQuery {
  const parsed = DailyRangeQuerySchema.safeParse({ from: params.from ?? undefined, to: params.to ?? undefined });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    throw new AppError(
      "bad_request",
      `Invalid range: ${issues.map((issue) => `${issue.field || "query"}: ${issue.message}`).join("; ")}`,
      { issues },
    );
  }
  return parsed.data;
}

// ── the athlete's clock ──

/** The athlete's local calendar day at `nowMs` (their clock, not the server's or the viewer's). */
export function getAthleteToday(db: Db, athleteId: string, nowMs: number): LocalDate {
  return toLocalDateAt(nowMs, getLatestOffsetMinutes(db, athleteId));
}

// ── overrides (athlete settings) ──

export const EMPTY_OVERRIDES: AthleteOverridesDTO = { hrmax: null, hrrest: null, sex: null, zoneModel: null };

/** The athlete's own HRmax/HRrest/sex/zone-model overrides; all null when never set. */
export function getAthleteOverrides(db: Db, athleteId: string): AthleteOverridesDTO {
  const row = db
    .select({
      hrmax: athletePhysiologyOverrides.hrmax,
      hrrest: athletePhysiologyOverrides.hrrest,
      sex: athletePhysiologyOverrides.sex,
      zoneModel: athletePhysiologyOverrides.zoneModel,
    })
    .from(athletePhysiologyOverrides)
    .where(eq(athletePhysiologyOverrides.athleteId, athleteId))
    .get();
  return row ?? EMPTY_OVERRIDES;
}

// ── the daily series ──

export type LoadedDailyInput = {
  input: DailySeriesInput;
  /** Polar's per-night display values by date. */
  extras: Map<LocalDate, NightExtrasDTO>;
  sleepNeedMinutes: number;
};

/**
 * Builds the analytics input for one athlete from the database, every row up to `to` (the windows need the
 * whole history: PMC recurses from day 1, baselines look back 30–60 nights). One indexed query per table,
 * narrow columns; per-sample data is read only for nights that lack a Nightly Recharge HR (RHR fallback).
 */
export function loadDailySeriesInput(db: Db, athleteId: string, options: { to: LocalDate; settings?: AnalyticsSettingsInput }): LoadedDailyInput {
  const { to } = options;
  const sessionRows = db
    .select({ date: exercises.localDate, cardioLoad: exercises.cardioLoad, trimp: exercises.trimp })
    .from(exercises)
    .where(and(eq(exercises.athleteId, athleteId), lte(exercises.localDate, to)))
    .all();
  const cardioRows = db
    .select({
      date: cardioLoads.localDate,
      status: cardioLoads.status,
      cardioLoad: cardioLoads.cardioLoad,
      strain: cardioLoads.strain,
      tolerance: cardioLoads.tolerance,
      ratio: cardioLoads.cardioLoadRatio,
    })
    .from(cardioLoads)
    .where(and(eq(cardioLoads.athleteId, athleteId), lte(cardioLoads.localDate, to)))
    .all();
  const sleepRows = db
    .select({
      date: sleeps.localDate,
      ...STORED_SLEEP_COLUMNS,
    })
    .from(sleeps)
    .where(and(eq(sleeps.athleteId, athleteId), lte(sleeps.localDate, to)))
    .orderBy(asc(sleeps.localDate))
    .all();
  const rechargeRows = db
    .select({
      date: nightlyRecharges.localDate,
      hrAvg: nightlyRecharges.heartRateAvg,
      rmssd: nightlyRecharges.hrvRmssdMs,
      ansCharge: nightlyRecharges.ansCharge,
      ansChargeStatus: nightlyRecharges.ansChargeStatus,
      status: nightlyRecharges.nightlyRechargeStatus,
    })
    .from(nightlyRecharges)
    .where(and(eq(nightlyRecharges.athleteId, athleteId), lte(nightlyRecharges.localDate, to)))
    .all();

  const rechargeByDate = new Map(rechargeRows.map((row) => [row.date, row]));
  // The sleep-sample fallback is only needed on nights without a Nightly Recharge average HR.
  const needsFallback = sleepRows.filter((row) => !((rechargeByDate.get(row.date)?.hrAvg ?? 0) > 0));
  const fallbackByDate = new Map<LocalDate, number | null>();
  // SQLite caps bound parameters; chunk the IN list.
  for (let i = 0; i < needsFallback.length; i += 500) {
    const dates = needsFallback.slice(i, i + 500).map((row) => row.date);
    const rows = db
      .select({ date: sleeps.localDate, packed: sleeps.heartRateSamples, base: sleeps.samplesBaseUtcMs, start: sleeps.startUtcMs })
      .from(sleeps)
      .where(and(eq(sleeps.athleteId, athleteId), inArray(sleeps.localDate, dates)))
      .all();
    for (const row of rows) fallbackByDate.set(row.date, computeSleepWindowMean(row.packed, row.base, row.start));
  }

  const nights = new Map<LocalDate, NightInput>();
  const extras = new Map<LocalDate, NightExtrasDTO>();
  let sleepGoalSeconds: number | null = null;
  for (const row of sleepRows) {
    nights.set(row.date, {
      date: row.date,
      sleepWindowHeartRateMean: fallbackByDate.get(row.date) ?? null,
      sleep: toSleepNightInput(row),
    });
    extras.set(row.date, toSleepExtras(row));
    if (row.goal !== null && row.goal > 0) sleepGoalSeconds = row.goal;
  }
  for (const row of rechargeRows) {
    const night = nights.get(row.date) ?? { date: row.date };
    nights.set(row.date, { ...night, nightlyRechargeHeartRateAvg: row.hrAvg, rmssdMs: row.rmssd });
    extras.set(row.date, {
      ...(extras.get(row.date) ?? EMPTY_NIGHT_EXTRAS),
      ansCharge: row.ansCharge,
      ansChargeStatus: row.ansChargeStatus,
      nightlyRechargeStatus: row.status,
      rmssdMs: row.rmssd,
    });
  }

  const polarCardioLoad: PolarCardioLoadDay[] = cardioRows.map((row) => ({
    date: row.date,
    status: toPolarCardioLoadStatus(row.status),
    cardioLoad: row.cardioLoad,
    strain: row.strain,
    tolerance: row.tolerance,
    ratio: row.ratio,
  }));
  // The athlete's newest Polar sleep goal is their need (metrics §9.3); 480 min otherwise.
  const sleepNeedMinutes = options.settings?.sleepNeedMinutes ?? (sleepGoalSeconds !== null ? sleepGoalSeconds / 60 : 480);
  return {
    input: {
      sessions: sessionRows.map((row) => ({ date: row.date, polarCardioLoad: row.cardioLoad, trimp: row.trimp })),
      polarCardioLoad,
      nights: [...nights.values()],
      settings: { ...options.settings, sleepNeedMinutes },
    },
    extras,
    sleepNeedMinutes,
  };
}

/** The earliest local day with any synced record, or null. */
export function getHistoryStart(db: Db, athleteId: string): LocalDate | null {
  const candidates = [
    db.select({ d: exercises.localDate }).from(exercises).where(eq(exercises.athleteId, athleteId)).orderBy(asc(exercises.localDate)).limit(1).get(),
    // Polar pads the cardio-load window with NOT_AVAILABLE placeholder days from before the athlete had any
    // data: they are not history, or a newcomer would pass the 28-day gate of the load flags on day one.
    db
      .select({ d: cardioLoads.localDate })
      .from(cardioLoads)
      .where(and(eq(cardioLoads.athleteId, athleteId), ne(cardioLoads.status, "LOAD_STATUS_NOT_AVAILABLE")))
      .orderBy(asc(cardioLoads.localDate))
      .limit(1)
      .get(),
    db.select({ d: sleeps.localDate }).from(sleeps).where(eq(sleeps.athleteId, athleteId)).orderBy(asc(sleeps.localDate)).limit(1).get(),
    db
      .select({ d: nightlyRecharges.localDate })
      .from(nightlyRecharges)
      .where(eq(nightlyRecharges.athleteId, athleteId))
      .orderBy(asc(nightlyRecharges.localDate))
      .limit(1)
      .get(),
  ];
  const dates = candidates.flatMap((row) => (row ? [row.d] : [])).sort();
  return dates[0] ?? null;
}

type SeriesCacheEntry = {
  /** The athlete's data version the series was computed from (read before the rows). */
  version: number;
  historyStart: LocalDate | null;
  /** Every day from `historyStart` to `computedTo`. */
  points: DailyPointDTO[];
  computedTo: LocalDate;
  sleepNeedMinutes: number;
};

/** Athletes whose full series is kept in memory (least recently used dropped first). */
const SERIES_CACHE_LIMIT = 64;
const globalForSeries = globalThis as unknown as { thresholdSeriesCache?: Map<string, SeriesCacheEntry> };
const seriesCache = (globalForSeries.thresholdSeriesCache ??= new Map<string, SeriesCacheEntry>());

/**
 * The athlete's series over their full history up to at least `to`, memoised per athlete and keyed by the
 * athlete's data version: the windows need every day since day 1 (PMC recursion, 60-night baselines), but
 * once computed a page only slices its range, so page cost stays flat as history grows. Any insert, update or
 * delete of a row the series reads bumps the version (SQLite triggers) and the series is recomputed.
 */
function loadFullSeries(db: Db, athleteId: string, to: LocalDate): SeriesCacheEntry {
  // Read before the rows: a sync committing in between leaves a newer version than the one filed here, so the
  // next read recomputes. Read after, rows from before the commit could be filed under its version for good.
  const version = getAthleteDataVersion(db, athleteId);
  // Keyed by connection: tests and the bench open several databases in one process.
  const key = `${getConnectionId(db)}|${athleteId}`;
  const cached = seriesCache.get(key);
  if (cached && cached.version === version && to <= cached.computedTo) {
    seriesCache.delete(key);
    seriesCache.set(key, cached);
    return cached;
  }
  const historyStart = getHistoryStart(db, athleteId);
  const loaded = loadDailySeriesInput(db, athleteId, { to });
  const points: DailyPointDTO[] =
    historyStart === null || to < historyStart
      ? []
      : computeDailySeries({ ...loaded.input, historyStart, range: { from: historyStart, to } }).map((point) => ({
          ...point,
          night: loaded.extras.get(point.date) ?? null,
        }));
  const entry: SeriesCacheEntry = { version, historyStart, points, computedTo: to, sleepNeedMinutes: loaded.sleepNeedMinutes };
  seriesCache.delete(key);
  seriesCache.set(key, entry);
  while (seriesCache.size > SERIES_CACHE_LIMIT) {
    const oldest = seriesCache.keys().next().value;
    if (oldest === undefined) break;
    seriesCache.delete(oldest);
  }
  return entry;
}

/** Forgets every memoised series (the bench measures the first view after a sync with it). */
export function clearDailySeriesCache(): void {
  seriesCache.clear();
}

/**
 * The daily series of an athlete for `[from, to]`, computed over their full history (so every window and
 * baseline is right) and cut to the range. Days before the first synced day are not returned.
 */
export function computeAthleteDailySeries(db: Db, athleteId: string, range: DailyRangeQuery, options: { now: number }): DailySeriesDTO {
  const today = getAthleteToday(db, athleteId, options.now);
  // Computing through today (or the range's end when later) lets every later page of today reuse the result.
  const full = loadFullSeries(db, athleteId, range.to > today ? range.to : today);
  return {
    athleteId,
    from: range.from,
    to: range.to,
    today,
    historyStart: full.historyStart,
    sleepNeedMinutes: full.sleepNeedMinutes,
    points: slicePoints(full.points, range.from, range.to),
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
  if (athleteId === viewer.userId) return computeAthleteDailySeries(db, athleteId, range, { now: options.now });
  const { scopes: _scopes, now: _now, ...series } = getSharedDailySeries(db, viewer, athleteId, options.scope, () => range, {
    now: options.now,
  });
  return series;
}

/** A range of `days` days ending on `to`, inclusive. */
export function toRangeEnding(to: LocalDate, days: number): DailyRangeQuery {
  return { from: addDays(to, -(days - 1)), to };
}

