import "server-only";
import { and, asc, eq, gte, lte, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { cardioLoads, exercises, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import { toPolarCardioLoadStatus, type DailySeriesInput, type LocalDate, type NightInput, type PolarCardioLoadDay } from "@/lib/analytics";
import { DEFAULT_SLEEP_NEED_MINUTES } from "@/lib/analytics/sleep";
import type { ScopeSet } from "../access";
import type { NightExtrasDTO } from "../dto";
import { computeSleepWindowMean, EMPTY_NIGHT_EXTRAS, STORED_SLEEP_COLUMNS, toSleepExtras, toSleepNightInput } from "./night-rows";

/**
 * The daily series' database reads, batched: a fixed number of statements whatever the number of athletes
 * (the athlete's own pages are a batch of one, a coach's roster a batch of hundreds). Only data the viewer may
 * see is read: each table only for the athletes whose visible scopes include it (training: sessions and
 * Polar cardio load; sleep: sleep stages; recovery: Nightly Recharge and the RHR fallback from the sleep's HR
 * samples), so no number of an unshared type can reach a computed value.
 */

/** Athletes per statement: each adds an OR term, and SQLite caps an expression's depth at 1000. */
const CHUNK = 200;

export type BoundsRequest = { athleteId: string; scopes: ScopeSet; today: LocalDate; upTo: LocalDate };

export type SeriesBounds = {
  /** The earliest local day with visible data (Polar's NOT_AVAILABLE cardio-load padding is not data). */
  historyStart: LocalDate | null;
  /** The newest local day with visible data on or before the athlete's today. */
  dataThrough: LocalDate | null;
  /** The athlete's newest Polar sleep goal up to `upTo` as the sleep need (metrics §9.3), 480 min otherwise. */
  sleepNeedMinutes: number;
};

const flag = (scopes: ScopeSet, scope: "training" | "sleep" | "recovery") => (scopes.has(scope) ? 1 : 0);

type BoundsRow = {
  athleteId: string;
  exFirst: string | null;
  exLast: string | null;
  clFirst: string | null;
  clLast: string | null;
  slFirst: string | null;
  slLast: string | null;
  nrFirst: string | null;
  nrLast: string | null;
  goal: number | null;
};

/** History start, newest day and sleep need of each athlete: index seeks only, one statement per chunk. */
export function loadSeriesBounds(db: Db, requests: readonly BoundsRequest[]): Map<string, SeriesBounds> {
  const result = new Map<string, SeriesBounds>();
  for (let i = 0; i < requests.length; i += CHUNK) {
    const values = sql.join(
      requests.slice(i, i + CHUNK).map((r) => sql`(${r.athleteId}, ${r.today}, ${r.upTo}, ${flag(r.scopes, "training")}, ${flag(r.scopes, "sleep")}, ${flag(r.scopes, "recovery")})`),
      sql`, `,
    );
    // CASE skips the subqueries of scopes an athlete does not share: unshared tables are not read.
    const rows = db.all<BoundsRow>(sql`
      with req(id, today, upto, t, s, r) as (values ${values})
      select req.id as "athleteId",
        case when req.t then (select min(e.local_date) from exercise e where e.athlete_id = req.id) end as "exFirst",
        case when req.t then (select max(e.local_date) from exercise e where e.athlete_id = req.id and e.local_date <= req.today) end as "exLast",
        case when req.t then (select min(c.local_date) from cardio_load c where c.athlete_id = req.id and c.status <> 'LOAD_STATUS_NOT_AVAILABLE') end as "clFirst",
        case when req.t then (select max(c.local_date) from cardio_load c where c.athlete_id = req.id and c.status <> 'LOAD_STATUS_NOT_AVAILABLE' and c.local_date <= req.today) end as "clLast",
        case when req.s or req.r then (select min(s.local_date) from sleep s where s.athlete_id = req.id) end as "slFirst",
        case when req.s or req.r then (select max(s.local_date) from sleep s where s.athlete_id = req.id and s.local_date <= req.today) end as "slLast",
        case when req.r then (select min(n.local_date) from nightly_recharge n where n.athlete_id = req.id) end as "nrFirst",
        case when req.r then (select max(n.local_date) from nightly_recharge n where n.athlete_id = req.id and n.local_date <= req.today) end as "nrLast",
        case when req.s then (select s.sleep_goal_seconds from sleep s where s.athlete_id = req.id and s.local_date <= req.upto and s.sleep_goal_seconds > 0 order by s.local_date desc limit 1) end as "goal"
      from req`);
    for (const row of rows) {
      const firsts = [row.exFirst, row.clFirst, row.slFirst, row.nrFirst].flatMap((d) => (d === null ? [] : [d])).sort();
      const lasts = [row.exLast, row.clLast, row.slLast, row.nrLast].flatMap((d) => (d === null ? [] : [d])).sort();
      result.set(row.athleteId, {
        historyStart: firsts[0] ?? null,
        dataThrough: lasts.at(-1) ?? null,
        sleepNeedMinutes: row.goal !== null && row.goal > 0 ? row.goal / 60 : DEFAULT_SLEEP_NEED_MINUTES,
      });
    }
  }
  return result;
}

export type RowsRequest = { athleteId: string; scopes: ScopeSet; from: LocalDate; to: LocalDate };

/** `(athlete = ? and date between ? and ?) or …` for the requests sharing a scope; false when none. */
function anyRange(athleteColumn: SQLiteColumn, dateColumn: SQLiteColumn, requests: readonly RowsRequest[]): SQL {
  if (requests.length === 0) return sql`0`;
  return or(...requests.map((r) => and(eq(athleteColumn, r.athleteId), gte(dateColumn, r.from), lte(dateColumn, r.to)))) ?? sql`0`;
}

function groupBy<T extends { athleteId: string }>(rows: readonly T[]): Map<string, T[]> {
  const into = new Map<string, T[]>();
  for (const row of rows) {
    const list = into.get(row.athleteId);
    if (list) list.push(row);
    else into.set(row.athleteId, [row]);
  }
  return into;
}

export type AssembledInput = Pick<DailySeriesInput, "sessions" | "polarCardioLoad" | "nights"> & { extras: Map<LocalDate, NightExtrasDTO> };

const querySessions = (db: Db, requests: readonly RowsRequest[]) =>
  db
    .select({ athleteId: exercises.athleteId, date: exercises.localDate, cardioLoad: exercises.cardioLoad, trimp: exercises.trimp })
    .from(exercises)
    .where(anyRange(exercises.athleteId, exercises.localDate, requests))
    .all();

const queryCardio = (db: Db, requests: readonly RowsRequest[]) =>
  db
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
    .where(anyRange(cardioLoads.athleteId, cardioLoads.localDate, requests))
    .all();

const querySleeps = (db: Db, requests: readonly RowsRequest[]) =>
  db
    .select({ athleteId: sleeps.athleteId, date: sleeps.localDate, ...STORED_SLEEP_COLUMNS })
    .from(sleeps)
    .where(anyRange(sleeps.athleteId, sleeps.localDate, requests))
    .orderBy(asc(sleeps.localDate))
    .all();

const queryRecharges = (db: Db, requests: readonly RowsRequest[]) =>
  db
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
    .where(anyRange(nightlyRecharges.athleteId, nightlyRecharges.localDate, requests))
    .all();

/**
 * RHR fallback (a recovery number): nights without a usable Nightly Recharge HR, from the sleep's HR samples.
 * The outer columns are qualified by hand: the query builder leaves a single table's columns unqualified.
 */
const queryFallback = (db: Db, requests: readonly RowsRequest[]) =>
  db
    .select({ athleteId: sleeps.athleteId, date: sleeps.localDate, packed: sleeps.heartRateSamples, base: sleeps.samplesBaseUtcMs, start: sleeps.startUtcMs })
    .from(sleeps)
    .where(
      and(
        anyRange(sleeps.athleteId, sleeps.localDate, requests),
        sql`not exists (select 1 from nightly_recharge nr where nr.athlete_id = "sleep"."athlete_id" and nr.local_date = "sleep"."local_date" and nr.heart_rate_avg > 0)`,
      ),
    )
    .all();

/**
 * The analytics inputs of each athlete for their `[from, to]`, from the visible tables only: five statements
 * per chunk of athletes, each athlete's rows by its own date range (athlete, local_date indexes).
 */
export function loadSeriesInputs(db: Db, requests: readonly RowsRequest[]): Map<string, AssembledInput> {
  const sessionRows: ReturnType<typeof querySessions> = [];
  const cardioRows: ReturnType<typeof queryCardio> = [];
  const sleepRows: ReturnType<typeof querySleeps> = [];
  const rechargeRows: ReturnType<typeof queryRecharges> = [];
  const fallbackRows: ReturnType<typeof queryFallback> = [];
  for (let i = 0; i < requests.length; i += CHUNK) {
    const chunk = requests.slice(i, i + CHUNK);
    const training = chunk.filter((r) => r.scopes.has("training"));
    const recovery = chunk.filter((r) => r.scopes.has("recovery"));
    sessionRows.push(...querySessions(db, training));
    cardioRows.push(...queryCardio(db, training));
    sleepRows.push(...querySleeps(db, chunk.filter((r) => r.scopes.has("sleep"))));
    rechargeRows.push(...queryRecharges(db, recovery));
    // The samples never leave this function.
    fallbackRows.push(...queryFallback(db, recovery));
  }
  const sessionsBy = groupBy(sessionRows);
  const cardioBy = groupBy(cardioRows);
  const sleepsBy = groupBy(sleepRows);
  const rechargesBy = groupBy(rechargeRows);
  const fallbackBy = groupBy(fallbackRows);

  const result = new Map<string, AssembledInput>();
  for (const { athleteId: id } of requests) {
    const nights = new Map<LocalDate, NightInput>();
    const extras = new Map<LocalDate, NightExtrasDTO>();
    for (const row of sleepsBy.get(id) ?? []) {
      nights.set(row.date, { date: row.date, sleep: toSleepNightInput(row) });
      extras.set(row.date, toSleepExtras(row));
    }
    for (const row of fallbackBy.get(id) ?? []) {
      const night = nights.get(row.date) ?? { date: row.date };
      nights.set(row.date, { ...night, sleepWindowHeartRateMean: computeSleepWindowMean(row.packed, row.base, row.start) });
    }
    for (const row of rechargesBy.get(id) ?? []) {
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
    const polarCardioLoad: PolarCardioLoadDay[] = (cardioBy.get(id) ?? []).map((row) => ({
      date: row.date,
      status: toPolarCardioLoadStatus(row.status),
      cardioLoad: row.cardioLoad,
      strain: row.strain,
      tolerance: row.tolerance,
      ratio: row.ratio,
    }));
    result.set(id, {
      sessions: (sessionsBy.get(id) ?? []).map((row) => ({ date: row.date, polarCardioLoad: row.cardioLoad, trimp: row.trimp })),
      polarCardioLoad,
      nights: [...nights.values()],
      extras,
    });
  }
  return result;
}
