import "server-only";
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getAthleteDataVersions, getConnectionId } from "@/db/queries/data-version";
import { users } from "@/db/schema/auth";
import { cardioLoads, exercises, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import { teamAthletes, teams } from "@/db/schema/teams";
import {
  addDays,
  computeDailySeries,
  fromDayNumber,
  type AcwrBand,
  type LocalDate,
  type NightInput,
  type PolarCardioLoadDay,
  toPolarCardioLoadStatus,
  type RiskLevel,
} from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { defaultRateGovernor } from "@/lib/polar";
import { getSyncHealth, isDataStale, type SyncHealthState } from "@/lib/sync/health";
import type { SyncJobRunner } from "@/lib/sync/runner";
import { getRun } from "@/lib/sync/runs";
import { getAppSyncRunner, readRateLimitPause } from "@/lib/sync/scheduler";
import { authorizeAthleteView, authorizeTeamCoach, READ_SCOPES, toScopeList, type ScopeSet } from "./access";
import { toCsv, type CsvCell } from "./csv";
import type { DailyPointDTO, DailySeriesDTO, NightExtrasDTO, ReadScope } from "./dto";
import { computeSleepWindowMean, EMPTY_NIGHT_EXTRAS, STORED_SLEEP_COLUMNS, toSleepExtras, toSleepNightInput } from "./night-rows";
import { slicePoints } from "./series-range";
import { toDisplayName } from "./teams";

/**
 * The coach's roster (/teams/[teamId]) and the coach's read-only view of one athlete (/athletes/[id]).
 *
 * Batched by construction: the roster runs a fixed number of SQL statements whatever the number of athletes
 * (one `IN (…)` query per table over all roster athletes, grouped in memory), so 10 and 100 athletes cost
 * the same number of round trips. Each athlete's daily series is computed from the last
 * `ROSTER_HISTORY_DAYS` days (60-night HRV baseline + 90 days for the load windows and PMC to settle).
 *
 * Only shared data is ever read: each table is queried for the athletes who share the scope it belongs to,
 * so a value of an unshared scope cannot leak into a computed column. Scopes per column (documented on the
 * roster page too):
 * - athlete, connection/sync health, data freshness: membership only (the coach must see whether data flows);
 * - 7-day load, ACWR, form (TSB), load sparkline: training;
 * - resting HR vs baseline, HRV vs normal range: recovery;
 * - sleep average over 7 nights: sleep;
 * - risk level and reasons: training + recovery (load signal AND physiological response, metrics §10); the
 *   sleep-debt modifier counts only when sleep is shared too, otherwise risk is computed without it.
 */

/** Days of history the roster reads per athlete: 60-night HRV baseline + 90 days of load windows. */
export const ROSTER_HISTORY_DAYS = 150;
/** Days in the load sparkline. */
export const SPARKLINE_DAYS = 28;

export type RosterColumn = "athlete" | "health" | "freshness" | "risk" | "load7" | "acwr" | "tsb" | "rhr" | "hrv" | "sleep7" | "sparkline";

/** The scopes each roster column needs; a column with an unshared scope shows "not shared". */
export const ROSTER_COLUMN_SCOPES: Record<RosterColumn, readonly ReadScope[]> = {
  athlete: [],
  health: [],
  freshness: [],
  risk: ["training", "recovery"],
  load7: ["training"],
  acwr: ["training"],
  tsb: ["training"],
  sparkline: ["training"],
  rhr: ["recovery"],
  hrv: ["recovery"],
  sleep7: ["sleep"],
};

/** A cell of a scope the athlete does not share carries no value at all. */
export type Shared<T> = { shared: true; value: T } | { shared: false };

export type RosterRiskDTO = {
  level: RiskLevel;
  /** Reason texts, most severe first (load red, load amber, physiological, modifier). */
  reasons: string[];
  context: string | null;
  message: string | null;
};

export type RosterRowDTO = {
  athleteId: string;
  name: string;
  scopes: ReadScope[];
  health: {
    state: SyncHealthState;
    lastSuccessAt: number | null;
    runningRunId: string | null;
    stale: boolean;
    lastError: string | null;
  };
  /** The athlete's local today. */
  today: LocalDate;
  /** The newest local day with shared data, null when none in the window. */
  dataThrough: LocalDate | null;
  risk: Shared<RosterRiskDTO>;
  /** Sum of the daily load of the 7 days ending today (Polar cardio load or TRIMP, AU). */
  load7: Shared<number | null>;
  acwr: Shared<{ value: number | null; band: AcwrBand | null }>;
  /** Yesterday's CTL − ATL (AU). */
  tsb: Shared<number | null>;
  rhr: Shared<{ value: number | null; baselineMean: number | null; baselineSd: number | null; delta: number | null; elevated: boolean | null; baselineN: number }>;
  hrv: Shared<{ rolling7: number | null; bandLow: number | null; bandHigh: number | null; status: "below" | "within" | "above" | null; baselineN: number }>;
  /** Mean actual sleep over the 7 nights ending today (minutes) and the nights measured. */
  sleep7: Shared<{ averageMinutes: number | null; nights: number }>;
  /** Daily load of the last `SPARKLINE_DAYS` days, oldest first (AU). */
  sparkline: Shared<number[]>;
};

export type RosterDTO = { teamId: string; teamName: string; generatedAt: number; rows: RosterRowDTO[] };

// ── batched loading of shared history ──

type SharedAthlete = { athleteId: string; scopes: ScopeSet };

export type SharedSeries = {
  today: LocalDate;
  historyStart: LocalDate | null;
  sleepNeedMinutes: number;
  /** Every day from the first loaded day (or of the last `lastDays` days) through `today`. */
  points: DailyPointDTO[];
  dataThrough: LocalDate | null;
};

function groupBy<T extends { athleteId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.athleteId);
    if (list) list.push(row);
    else map.set(row.athleteId, [row]);
  }
  return map;
}

function idsWith(athletes: readonly SharedAthlete[], scope: ReadScope): string[] {
  return athletes.filter((athlete) => athlete.scopes.has(scope)).map((athlete) => athlete.athleteId);
}

/**
 * Each athlete's local today from their newest night or session (as `getAthleteToday` does), for all
 * athletes in one statement. The offset is clock metadata, not shared data, so it is read for everyone.
 */
function loadTodays(db: Db, athleteIds: readonly string[], nowMs: number): Map<string, LocalDate> {
  if (athleteIds.length === 0) return new Map();
  // Per athlete, one seek each into the (athlete, instant) indexes for the newest night and session, whatever
  // the length of the history (exercise_athlete_start_idx, sleep_athlete_end_idx). Written out with aliases:
  // the query builder leaves columns unqualified, and `id` would bind to the subquery's own table.
  const rows = db.all<{ athleteId: string; nightAt: number | null; nightOffset: number | null; sessionAt: number | null; sessionOffset: number | null }>(sql`
    select u.id as "athleteId",
      (select s.end_utc_ms from sleep s where s.athlete_id = u.id order by s.end_utc_ms desc limit 1) as "nightAt",
      (select s.end_utc_offset_minutes from sleep s where s.athlete_id = u.id order by s.end_utc_ms desc limit 1) as "nightOffset",
      (select e.start_utc_ms from exercise e where e.athlete_id = u.id order by e.start_utc_ms desc limit 1) as "sessionAt",
      (select e.utc_offset_minutes from exercise e where e.athlete_id = u.id order by e.start_utc_ms desc limit 1) as "sessionOffset"
    from "user" u
    where u.id in (${sql.join(
      athleteIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const offsets = new Map<string, number>();
  for (const row of rows) {
    // The newer of the two; a night wins a tie (db/queries/athlete-clock.ts).
    const isNight = row.nightAt !== null && (row.sessionAt === null || row.nightAt >= row.sessionAt);
    offsets.set(row.athleteId, (isNight ? row.nightOffset : row.sessionOffset) ?? 0);
  }
  return new Map(athleteIds.map((id) => [id, fromDayNumber(Math.floor((nowMs + (offsets.get(id) ?? 0) * 60_000) / 86_400_000))]));
}

// ── memo of computed series ──

/** Series kept in memory (a few rosters of a few hundred athletes); least recently used dropped first. */
const SHARED_SERIES_CACHE_LIMIT = 1024;
type SharedSeriesCacheEntry = { key: string; series: SharedSeries };
const globalForShared = globalThis as unknown as { thresholdSharedSeriesCache?: Map<string, SharedSeriesCacheEntry> };
const sharedSeriesCache = (globalForShared.thresholdSharedSeriesCache ??= new Map<string, SharedSeriesCacheEntry>());

/** Forgets every memoised shared series (the bench measures a cold roster with it). */
export function clearSharedSeriesCache(): void {
  sharedSeriesCache.clear();
}

/**
 * The daily series of several athletes computed from shared data only, with a fixed number of statements:
 * per table one query over the athletes sharing its scope, from `from` (null = whole history) on. Series are
 * memoised per athlete, keyed by the shared scopes, the athlete's today and their data version (bumped by
 * triggers on every write the series could see, db/schema/data-version.ts); only the athletes whose key
 * changed are read and recomputed.
 */
export function loadSharedSeries(
  db: Db,
  athletes: readonly SharedAthlete[],
  options: { now: number; from: LocalDate | null; lastDays?: number },
): Map<string, SharedSeries> {
  const allIds = athletes.map((athlete) => athlete.athleteId);
  const todays = loadTodays(db, allIds, options.now);
  const latestToday = [...todays.values()].sort().at(-1) ?? fromDayNumber(Math.floor(options.now / 86_400_000));
  const since = options.from;
  // Read before the rows (see lib/dal/daily.ts `loadFullSeries`).
  const versions = getAthleteDataVersions(db, allIds);
  const result = new Map<string, SharedSeries>();
  const keys = new Map<string, { cacheKey: string; key: string }>();
  const pending: SharedAthlete[] = [];
  for (const athlete of athletes) {
    const id = athlete.athleteId;
    const cacheKey = `${getConnectionId(db)}|${id}|${since ?? "all"}|${options.lastDays ?? "all"}`;
    const key = `${READ_SCOPES.filter((scope) => athlete.scopes.has(scope)).join(",")}|${todays.get(id) ?? latestToday}|${versions.get(id) ?? 0}`;
    keys.set(id, { cacheKey, key });
    const cached = sharedSeriesCache.get(cacheKey);
    if (cached && cached.key === key) {
      // Most recently used last, so the oldest entry is dropped first.
      sharedSeriesCache.delete(cacheKey);
      sharedSeriesCache.set(cacheKey, cached);
      result.set(id, cached.series);
    } else {
      pending.push(athlete);
    }
  }
  // The same statements run whether 0 or all athletes need loading (an empty IN list reads nothing).
  const training = idsWith(pending, "training");
  const sleepIds = idsWith(pending, "sleep");
  const recovery = idsWith(pending, "recovery");

  const sessionRows = db
    .select({ athleteId: exercises.athleteId, date: exercises.localDate, cardioLoad: exercises.cardioLoad, trimp: exercises.trimp })
    .from(exercises)
    .where(and(inArray(exercises.athleteId, training), since ? gte(exercises.localDate, since) : undefined, lte(exercises.localDate, latestToday)))
    .all();
  const cardioRows = db
    .select({
      athleteId: cardioLoads.athleteId,
      date: cardioLoads.localDate,
      status: cardioLoads.status,
      cardioLoad: cardioLoads.cardioLoad,
      strain: cardioLoads.strain,
      tolerance: cardioLoads.tolerance,
      ratio: cardioLoads.cardioLoadRatio,
    })
    .from(cardioLoads)
    .where(and(inArray(cardioLoads.athleteId, training), since ? gte(cardioLoads.localDate, since) : undefined, lte(cardioLoads.localDate, latestToday)))
    .all();
  const sleepRows = db
    .select({
      athleteId: sleeps.athleteId,
      date: sleeps.localDate,
      ...STORED_SLEEP_COLUMNS,
    })
    .from(sleeps)
    .where(and(inArray(sleeps.athleteId, sleepIds), since ? gte(sleeps.localDate, since) : undefined, lte(sleeps.localDate, latestToday)))
    .orderBy(asc(sleeps.localDate))
    .all();
  const rechargeRows = db
    .select({
      athleteId: nightlyRecharges.athleteId,
      date: nightlyRecharges.localDate,
      hrAvg: nightlyRecharges.heartRateAvg,
      rmssd: nightlyRecharges.hrvRmssdMs,
      ansCharge: nightlyRecharges.ansCharge,
      ansChargeStatus: nightlyRecharges.ansChargeStatus,
      status: nightlyRecharges.nightlyRechargeStatus,
    })
    .from(nightlyRecharges)
    .where(and(inArray(nightlyRecharges.athleteId, recovery), since ? gte(nightlyRecharges.localDate, since) : undefined, lte(nightlyRecharges.localDate, latestToday)))
    .all();
  // RHR fallback (a recovery number): nights without a usable Nightly Recharge HR, read from the sleep's HR
  // samples. One statement for everyone; the samples never leave this function.
  const fallbackRows = db
    .select({ athleteId: sleeps.athleteId, date: sleeps.localDate, packed: sleeps.heartRateSamples, base: sleeps.samplesBaseUtcMs, start: sleeps.startUtcMs })
    .from(sleeps)
    .where(
      and(
        inArray(sleeps.athleteId, recovery),
        since ? gte(sleeps.localDate, since) : undefined,
        lte(sleeps.localDate, latestToday),
        sql`not exists (select 1 from nightly_recharge nr where nr.athlete_id = ${sleeps.athleteId} and nr.local_date = ${sleeps.localDate} and nr.heart_rate_avg > 0)`,
      ),
    )
    .all();

  const sessionsBy = groupBy(sessionRows);
  const cardioBy = groupBy(cardioRows);
  const sleepsBy = groupBy(sleepRows);
  const rechargesBy = groupBy(rechargeRows);
  const fallbackBy = groupBy(fallbackRows);

  for (const athlete of pending) {
    const id = athlete.athleteId;
    const today = todays.get(id) ?? latestToday;
    const nights = new Map<LocalDate, NightInput>();
    const extras = new Map<LocalDate, NightExtrasDTO>();
    let sleepGoalSeconds: number | null = null;
    for (const row of sleepsBy.get(id) ?? []) {
      if (row.date > today) continue;
      nights.set(row.date, { date: row.date, sleep: toSleepNightInput(row) });
      extras.set(row.date, toSleepExtras(row));
      if (row.goal !== null && row.goal > 0) sleepGoalSeconds = row.goal;
    }
    for (const row of fallbackBy.get(id) ?? []) {
      if (row.date > today) continue;
      const night = nights.get(row.date) ?? { date: row.date };
      nights.set(row.date, { ...night, sleepWindowHeartRateMean: computeSleepWindowMean(row.packed, row.base, row.start) });
    }
    for (const row of rechargesBy.get(id) ?? []) {
      if (row.date > today) continue;
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
    const sessions = (sessionsBy.get(id) ?? []).filter((row) => row.date <= today);
    const polarCardioLoad: PolarCardioLoadDay[] = (cardioBy.get(id) ?? [])
      .filter((row) => row.date <= today)
      .map((row) => ({ date: row.date, status: toPolarCardioLoadStatus(row.status), cardioLoad: row.cardioLoad, strain: row.strain, tolerance: row.tolerance, ratio: row.ratio }));
    // NOT_AVAILABLE placeholder days pad Polar's window from before the athlete had data: not history.
    const dates = [
      ...sessions.map((row) => row.date),
      ...polarCardioLoad.filter((row) => row.status !== "LOAD_STATUS_NOT_AVAILABLE").map((row) => row.date),
      ...nights.keys(),
    ].sort();
    const historyStart = dates[0] ?? null;
    const dataThrough = dates.at(-1) ?? null;
    const sleepNeedMinutes = sleepGoalSeconds !== null ? sleepGoalSeconds / 60 : 480;
    const points: DailyPointDTO[] =
      historyStart === null || today < historyStart
        ? []
        : computeDailySeries({
            historyStart,
            // Every day is computed (windows and baselines need them); only the returned ones are judged.
            range: { from: options.lastDays === undefined ? historyStart : addDays(today, -(options.lastDays - 1)), to: today },
            sessions: sessions.map((row) => ({ date: row.date, polarCardioLoad: row.cardioLoad, trimp: row.trimp })),
            polarCardioLoad,
            nights: [...nights.values()],
            settings: { sleepNeedMinutes },
          }).map((point) => ({ ...point, night: extras.get(point.date) ?? null }));
    const series: SharedSeries = { today, historyStart, sleepNeedMinutes, points, dataThrough };
    result.set(id, series);
    const cacheKeys = keys.get(id);
    if (cacheKeys) sharedSeriesCache.set(cacheKeys.cacheKey, { key: cacheKeys.key, series });
  }
  while (sharedSeriesCache.size > SHARED_SERIES_CACHE_LIMIT) {
    const oldest = sharedSeriesCache.keys().next().value;
    if (oldest === undefined) break;
    sharedSeriesCache.delete(oldest);
  }
  return result;
}

// ── the roster ──

const RISK_ORDER: Record<RiskLevel, number> = { high: 4, elevated: 3, watch: 2, none: 1, "insufficient-data": 0 };
const CONTRIBUTION_ORDER = { red: 0, amber: 1, physio: 2, modifier: 3 } as const;

function shared<T>(scopes: ScopeSet, column: RosterColumn, value: () => T): Shared<T> {
  return ROSTER_COLUMN_SCOPES[column].every((scope) => scopes.has(scope)) ? { shared: true, value: value() } : { shared: false };
}

function toRosterRow(
  member: { athleteId: string; name: string; scopes: ScopeSet },
  series: SharedSeries | undefined,
  health: RosterRowDTO["health"],
  fallbackToday: LocalDate,
): RosterRowDTO {
  const points = series?.points ?? [];
  const today = series?.today ?? fallbackToday;
  const last = points.at(-1) ?? null;
  const isToday = last?.date === today;
  const week = points.filter((point) => point.date > addDays(today, -7));
  return {
    athleteId: member.athleteId,
    name: member.name,
    scopes: READ_SCOPES.filter((scope) => member.scopes.has(scope)),
    health,
    today,
    dataThrough: series?.dataThrough ?? null,
    risk: shared(member.scopes, "risk", () => {
      if (!last || !isToday) return { level: "insufficient-data" as RiskLevel, reasons: [], context: null, message: "no data in the last 150 days" };
      const reasons = [...last.risk.reasons].sort((a, b) => CONTRIBUTION_ORDER[a.contributes] - CONTRIBUTION_ORDER[b.contributes]).map((reason) => reason.text);
      return { level: last.risk.level, reasons, context: last.risk.context, message: last.risk.message };
    }),
    load7: shared(member.scopes, "load7", () => (points.length === 0 ? null : week.reduce((sum, point) => sum + point.load.value, 0))),
    acwr: shared(member.scopes, "acwr", () => ({ value: isToday && last ? last.acwr.ewma : null, band: isToday && last ? last.acwr.band : null })),
    tsb: shared(member.scopes, "tsb", () => (isToday && last ? last.pmc.tsb : null)),
    rhr: shared(member.scopes, "rhr", () => {
      const night = [...week].reverse().find((point) => point.restingHr.rhr !== null) ?? null;
      return {
        value: night?.restingHr.rhr ?? null,
        baselineMean: night?.restingHr.baselineMean ?? null,
        baselineSd: night?.restingHr.baselineSd ?? null,
        delta: night?.restingHr.delta ?? null,
        elevated: night?.restingHr.elevated ?? null,
        baselineN: night?.restingHr.baselineN ?? 0,
      };
    }),
    hrv: shared(member.scopes, "hrv", () => {
      const hrv = isToday && last ? last.hrv : null;
      const rolling7 = hrv?.rolling7 ?? null;
      const bandLow = hrv?.bandLow ?? null;
      const bandHigh = hrv?.bandHigh ?? null;
      const status = rolling7 === null || bandLow === null || bandHigh === null ? null : rolling7 < bandLow ? "below" : rolling7 > bandHigh ? "above" : "within";
      return { rolling7, bandLow, bandHigh, status, baselineN: hrv?.baselineN ?? 0 };
    }),
    sleep7: shared(member.scopes, "sleep7", () => {
      const minutes = week.flatMap((point) => (point.sleep.night ? [point.sleep.night.actualSleepMinutes] : []));
      return { averageMinutes: minutes.length > 0 ? minutes.reduce((a, b) => a + b, 0) / minutes.length : null, nights: minutes.length };
    }),
    sparkline: shared(member.scopes, "sparkline", () => {
      const byDate = new Map(points.map((point) => [point.date, point.load.value]));
      return Array.from({ length: SPARKLINE_DAYS }, (_, i) => byDate.get(addDays(today, i - SPARKLINE_DAYS + 1)) ?? 0);
    }),
  };
}

/**
 * The roster of a team the viewer coaches: one row per sharing athlete, cells limited to what each shares,
 * default order risk first (high → insufficient data → not shared), then name.
 */
export function getRoster(db: Db, viewer: Viewer, teamId: string, options: { now?: number; intervalMinutes?: number; rateLimitedUntil?: number | null } = {}): RosterDTO {
  const now = options.now ?? Date.now();
  authorizeTeamCoach(db, viewer, teamId);
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw new AppError("not_found", "No team with that id is visible to you.");
  const members = db
    .select({
      athleteId: teamAthletes.athleteId,
      name: users.name,
      polarUserId: users.polarUserId,
      shareTraining: teamAthletes.shareTraining,
      shareSleep: teamAthletes.shareSleep,
      shareRecovery: teamAthletes.shareRecovery,
      shareBody: teamAthletes.shareBody,
    })
    .from(teamAthletes)
    .innerJoin(users, eq(users.id, teamAthletes.athleteId))
    .where(eq(teamAthletes.teamId, teamId))
    .all()
    .map((row) => ({ athleteId: row.athleteId, name: toDisplayName(row), scopes: new Set(toScopeList(row)) as ScopeSet }));
  const ids = members.map((member) => member.athleteId);
  const serverToday = fromDayNumber(Math.floor(now / 86_400_000));
  // One day of margin for athletes east of UTC, whose today is ahead of the server's.
  const from = addDays(serverToday, -ROSTER_HISTORY_DAYS);
  const series = loadSharedSeries(db, members, { now, from, lastDays: SPARKLINE_DAYS });
  const health = getSyncHealth(db, ids, { now, intervalMinutes: options.intervalMinutes, rateLimitedUntil: options.rateLimitedUntil });
  const rows = members.map((member) => {
    const h = health.get(member.athleteId);
    return toRosterRow(
      member,
      series.get(member.athleteId),
      {
        state: h?.state ?? "not_connected",
        lastSuccessAt: h?.lastSuccessAt ?? null,
        runningRunId: h?.runningRunId ?? null,
        stale: isDataStale(h?.lastSuccessAt ?? null, now),
        lastError: h?.lastError?.message ?? null,
      },
      serverToday,
    );
  });
  rows.sort(compareByRisk);
  return { teamId, teamName: team.name, generatedAt: now, rows };
}

/** Risk first (high first; not shared last), then name. */
export function compareByRisk(a: RosterRowDTO, b: RosterRowDTO): number {
  const rank = (row: RosterRowDTO) => (row.risk.shared ? RISK_ORDER[row.risk.value.level] : -1);
  return rank(b) - rank(a) || a.name.localeCompare(b.name);
}

// ── CSV export ──

/** Numbers to two decimals, as the table shows them. */
function toCsvCell(value: CsvCell): CsvCell {
  return typeof value === "number" ? Math.round(value * 100) / 100 : value;
}

const NOT_SHARED = "not shared";

/** The roster as CSV (one row per athlete, same cells as the table; unshared cells say "not shared"). */
export function toRosterCsv(roster: RosterDTO): string {
  const header = [
    "athlete",
    "athlete_id",
    "shared_scopes",
    "sync_state",
    "last_sync_utc",
    "stale",
    "data_through",
    "risk_level",
    "risk_reasons",
    "load_7d_au",
    "acwr_ewma",
    "tsb_au",
    "rhr_bpm",
    "rhr_baseline_bpm",
    "hrv_ln_ms_7d",
    "hrv_normal_low",
    "hrv_normal_high",
    "sleep_avg_min_7n",
  ];
  const cell = <T,>(value: Shared<T>, pick: (v: T) => string | number | null): string | number | null => (value.shared ? pick(value.value) : NOT_SHARED);
  const records = roster.rows.map((row) =>
    [
      row.name,
      row.athleteId,
      row.scopes.join(" "),
      row.health.state,
      row.health.lastSuccessAt === null ? null : new Date(row.health.lastSuccessAt).toISOString(),
      row.health.stale ? "yes" : "no",
      row.dataThrough,
      cell(row.risk, (v) => v.level),
      cell(row.risk, (v) => v.reasons.join("; ")),
      cell(row.load7, (v) => v),
      cell(row.acwr, (v) => v.value),
      cell(row.tsb, (v) => v),
      cell(row.rhr, (v) => v.value),
      cell(row.rhr, (v) => v.baselineMean),
      cell(row.hrv, (v) => v.rolling7),
      cell(row.hrv, (v) => v.bandLow),
      cell(row.hrv, (v) => v.bandHigh),
      cell(row.sleep7, (v) => v.averageMinutes),
    ].map(toCsvCell),
  );
  return toCsv(header, records);
}

// ── coach-triggered syncs ──

export type RosterSyncStartDTO = { started: { athleteId: string; runId: string; joined: boolean }[]; skipped: { athleteId: string; reason: string }[] };

/**
 * Starts the athletes' own syncs for a team the viewer coaches (all its athletes, or `athleteIds` of it).
 * Nothing else is written: each run is the athlete's normal sync, logged in their own sync log. Athletes who
 * must act first (reconnect, consents, no link) are skipped with the reason.
 */
export async function startRosterSync(
  db: Db,
  viewer: Viewer,
  teamId: string,
  athleteIds: readonly string[] | null,
  options: { now: number; runner?: Pick<SyncJobRunner, "start"> },
): Promise<RosterSyncStartDTO> {
  authorizeTeamCoach(db, viewer, teamId);
  const members = db.select({ athleteId: teamAthletes.athleteId }).from(teamAthletes).where(eq(teamAthletes.teamId, teamId)).all().map((row) => row.athleteId);
  const memberSet = new Set(members);
  const targets = athleteIds === null ? members : athleteIds.filter((id) => memberSet.has(id));
  if (athleteIds !== null && targets.length !== athleteIds.length) throw new AppError("not_found", "No athlete with that id is visible to you.");
  const health = getSyncHealth(db, targets, { now: options.now });
  // The process's one runner (shared with the athlete's own clicks, webhooks and the scheduler): a coach's
  // click joins a run already going through its lease, and every Polar call passes the rate governor.
  const runner = options.runner ?? (await getAppSyncRunner());
  const result: RosterSyncStartDTO = { started: [], skipped: [] };
  for (const athleteId of targets) {
    const state = health.get(athleteId)?.state ?? "not_connected";
    if (state === "not_connected" || state === "reconnect_needed" || state === "consents_needed") {
      result.skipped.push({ athleteId, reason: state });
      continue;
    }
    const begun = runner.start(athleteId, "click");
    result.started.push({ athleteId, runId: begun.runId, joined: begun.joined });
  }
  return result;
}

export type RosterSyncProgressDTO = {
  athleteId: string;
  runId: string | null;
  status: "running" | "succeeded" | "partial" | "failed" | null;
  step: string | null;
  itemsDone: number;
  itemsTotal: number;
  finishedAt: number | null;
};

/** Progress of the given runs (and each athlete's live run) for a team the viewer coaches, per athlete. */
export function getRosterSyncProgress(db: Db, viewer: Viewer, teamId: string, runIds: ReadonlyMap<string, string>, options: { now: number }): RosterSyncProgressDTO[] {
  authorizeTeamCoach(db, viewer, teamId);
  const members = db.select({ athleteId: teamAthletes.athleteId }).from(teamAthletes).where(eq(teamAthletes.teamId, teamId)).all().map((row) => row.athleteId);
  const health = getSyncHealth(db, members, { now: options.now });
  return members.map((athleteId) => {
    const runId = health.get(athleteId)?.runningRunId ?? runIds.get(athleteId) ?? null;
    const run = runId ? getRun(db, runId) : null;
    // A run id from the browser counts only when it is this athlete's.
    if (!run || run.athleteId !== athleteId) {
      return { athleteId, runId: null, status: null, step: null, itemsDone: 0, itemsTotal: 0, finishedAt: null };
    }
    return { athleteId, runId: run.runId, status: run.status, step: run.step, itemsDone: run.itemsDone, itemsTotal: run.itemsTotal, finishedAt: run.finishedAt };
  });
}

/** Rate-limit pause for the roster's health column (folded in as the athlete's sync log does). */
export function readRosterRateLimitPause(now: number = Date.now()): number | null {
  return readRateLimitPause(defaultRateGovernor.snapshot(), now);
}

// ── the coach's view of one athlete ──

export type AthleteViewDTO = {
  athleteId: string;
  name: string;
  scopes: ReadScope[];
  /** The viewer looks at their own data (every scope). */
  isSelf: boolean;
};

/**
 * Who the coach is looking at and which scopes they may see. Membership only (any scope) — each page then
 * asks for its own scope through `authorizeAthleteRead`.
 * @throws AppError("not_found") when nothing is shared with the viewer.
 */
export function getAthleteView(db: Db, viewer: Viewer, athleteId: string): AthleteViewDTO {
  const { athleteId: id, scopes } = authorizeAthleteView(db, viewer, athleteId);
  const user = db.select({ name: users.name, polarUserId: users.polarUserId }).from(users).where(eq(users.id, id)).get();
  if (!user) throw new AppError("not_found", "No athlete with that id is visible to you.");
  return { athleteId: id, name: toDisplayName(user), scopes: READ_SCOPES.filter((scope) => scopes.has(scope)), isSelf: id === viewer.userId };
}

/**
 * An athlete's daily series for `[from, to]` as a coach may see it: computed over the whole history from the
 * shared scopes only (unshared tables are not read), so no number of an unshared scope appears anywhere in
 * it — risk included. Requires `scope`.
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
  const series = loadSharedSeries(db, [{ athleteId: id, scopes }], { now, from: null }).get(id);
  const today = series?.today ?? fromDayNumber(Math.floor(now / 86_400_000));
  const range = resolveRange(today);
  const points = slicePoints(series?.points ?? [], range.from, range.to);
  return {
    athleteId: id,
    from: range.from,
    to: range.to,
    today,
    historyStart: series?.historyStart ?? null,
    sleepNeedMinutes: series?.sleepNeedMinutes ?? 480,
    points,
    scopes: READ_SCOPES.filter((item) => scopes.has(item)),
    now,
  };
}
