import "server-only";
import { and, asc, eq, gte, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailySeriesHeads, dailySeriesStates } from "@/db/schema/series-state";
import { resolveAnalyticsSettings, type DailyState, type LocalDate } from "@/lib/analytics";

/**
 * The persisted recursive state of the daily series (db/schema/series-state.ts). A view after a sync reads the
 * state of the days before the earliest changed one and recomputes only from there (lib/dal/series/load.ts);
 * the data-version triggers record which days changed (athlete_data_change). Derived data: a missing or
 * stale row only costs a longer computation.
 */

/** Athletes per statement (an OR term each; SQLite caps an expression's depth at 1000). */
const CHUNK = 200;

/**
 * The settings the persisted state depends on (PMC time constants, EWMA windows, the RHR and HRV rules the
 * streaks follow), with a format number: a state computed under other settings, or by an older algorithm,
 * is not resumed from.
 */
export const STATE_SETTINGS_KEY = (() => {
  const { pmc, acwr, rhr, hrv } = resolveAnalyticsSettings();
  return `2|${JSON.stringify({ pmc, acwr, rhr, hrv })}`;
})();

export type SeriesHead = {
  version: number;
  historyStart: LocalDate;
  computedThrough: LocalDate;
  settingsKey: string;
  /** The earliest day changed since `version` (by any write with a newer version), null when none. */
  changedFrom: LocalDate | null;
};

const headKey = (athleteId: string, variant: string) => `${athleteId}|${variant}`;

/** The heads of the given (athlete, variant) pairs, each with the earliest day changed since it was written. */
export function loadSeriesHeads(db: Db, keys: readonly { athleteId: string; variant: string }[]): Map<string, SeriesHead> {
  const wanted = new Set(keys.map((key) => headKey(key.athleteId, key.variant)));
  const ids = [...new Set(keys.map((key) => key.athleteId))];
  const result = new Map<string, SeriesHead>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select({
        athleteId: dailySeriesHeads.athleteId,
        variant: dailySeriesHeads.variant,
        version: dailySeriesHeads.version,
        historyStart: dailySeriesHeads.historyStart,
        computedThrough: dailySeriesHeads.computedThrough,
        settingsKey: dailySeriesHeads.settingsKey,
        // athlete_data_change_version_idx covers it: a seek to the versions after the head's, whatever the history.
        // Qualified by hand: the query builder leaves a single table's columns unqualified, and they would bind
        // to the subquery's own table.
        changedFrom: sql<LocalDate | null>`(select min(c.local_date) from athlete_data_change c where c.athlete_id = "daily_series_head"."athlete_id" and c.version > "daily_series_head"."version")`,
      })
      .from(dailySeriesHeads)
      .where(inArray(dailySeriesHeads.athleteId, ids.slice(i, i + 500)))
      .all();
    for (const { athleteId, variant, ...head } of rows) {
      if (wanted.has(headKey(athleteId, variant))) result.set(headKey(athleteId, variant), head);
    }
  }
  return result;
}

/**
 * The earliest local day changed since each given data version (null when no day was), one statement per
 * chunk: a seek into athlete_data_change_version_idx to the versions after it, whatever the history. The
 * memory cache uses it to keep the points of a series computed at that version up to the day before.
 */
export function loadChangedSince(db: Db, requests: readonly { athleteId: string; version: number }[]): Map<string, LocalDate | null> {
  const result = new Map<string, LocalDate | null>();
  for (let i = 0; i < requests.length; i += CHUNK) {
    const values = sql.join(
      requests.slice(i, i + CHUNK).map((r) => sql`(${r.athleteId}, ${r.version})`),
      sql`, `,
    );
    const rows = db.all<{ athleteId: string; changedFrom: LocalDate | null }>(sql`
      with req(id, version) as (values ${values})
      select req.id as "athleteId",
        (select min(c.local_date) from athlete_data_change c where c.athlete_id = req.id and c.version > req.version) as "changedFrom"
      from req`);
    for (const row of rows) result.set(row.athleteId, row.changedFrom);
  }
  return result;
}

export function getSeriesHead(heads: ReadonlyMap<string, SeriesHead>, athleteId: string, variant: string): SeriesHead | undefined {
  return heads.get(headKey(athleteId, variant));
}

export type StatesRequest = { athleteId: string; variant: string; from: LocalDate; to: LocalDate };

/** The persisted states of each request's days, date-ascending, keyed like the heads. */
export function loadSeriesStates(db: Db, requests: readonly StatesRequest[]): Map<string, DailyState[]> {
  const result = new Map<string, DailyState[]>();
  for (let i = 0; i < requests.length; i += CHUNK) {
    const chunk = requests.slice(i, i + CHUNK);
    if (chunk.length === 0) continue;
    const rows = db
      .select()
      .from(dailySeriesStates)
      .where(
        or(
          ...chunk.map((r) =>
            and(
              eq(dailySeriesStates.athleteId, r.athleteId),
              eq(dailySeriesStates.variant, r.variant),
              gte(dailySeriesStates.localDate, r.from),
              lte(dailySeriesStates.localDate, r.to),
            ),
          ),
        ),
      )
      .orderBy(asc(dailySeriesStates.localDate))
      .all();
    for (const { athleteId, variant, localDate, ...state } of rows) {
      const key = headKey(athleteId, variant);
      const list = result.get(key) ?? [];
      list.push({ date: localDate, ...state });
      result.set(key, list);
    }
  }
  return result;
}

export type StateWrite = {
  athleteId: string;
  variant: string;
  /** Drop every stored day first (the history start or the settings changed). */
  replaceAll: boolean;
  states: readonly DailyState[];
  head: Omit<SeriesHead, "changedFrom">;
};

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_BUSY_SNAPSHOT");
}

/**
 * Stores the new states and heads of a batch in one transaction, through three prepared statements whatever
 * the batch (a roster's first view stores hundreds of athletes' days). It runs on a page's read path: when a
 * sync holds the write lock past the busy timeout, the page is served anyway and the next view stores it.
 */
export function saveSeriesStates(db: Db, writes: readonly StateWrite[]): void {
  if (writes.length === 0) return;
  const p = (name: string) => sql.placeholder(name);
  try {
    db.transaction((tx) => {
      const clear = tx
        .delete(dailySeriesStates)
        .where(and(eq(dailySeriesStates.athleteId, p("athleteId")), eq(dailySeriesStates.variant, p("variant"))))
        .prepare();
      const upsertState = tx
        .insert(dailySeriesStates)
        .values({
          athleteId: p("athleteId"),
          variant: p("variant"),
          localDate: p("localDate"),
          ctl: p("ctl"),
          atl: p("atl"),
          ewmaAcute: p("ewmaAcute"),
          ewmaChronic: p("ewmaChronic"),
          rhrStreak: p("rhrStreak"),
          hrvStreak: p("hrvStreak"),
          load: p("load"),
          rhr: p("rhr"),
          lnRmssd: p("lnRmssd"),
          sleepMinutes: p("sleepMinutes"),
        })
        .onConflictDoUpdate({
          target: [dailySeriesStates.athleteId, dailySeriesStates.variant, dailySeriesStates.localDate],
          set: {
            ctl: sql`excluded.ctl`,
            atl: sql`excluded.atl`,
            ewmaAcute: sql`excluded.ewma_acute`,
            ewmaChronic: sql`excluded.ewma_chronic`,
            rhrStreak: sql`excluded.rhr_streak`,
            hrvStreak: sql`excluded.hrv_streak`,
            load: sql`excluded.load`,
            rhr: sql`excluded.rhr`,
            lnRmssd: sql`excluded.ln_rmssd`,
            sleepMinutes: sql`excluded.sleep_minutes`,
          },
        })
        .prepare();
      const upsertHead = tx
        .insert(dailySeriesHeads)
        .values({
          athleteId: p("athleteId"),
          variant: p("variant"),
          version: p("version"),
          historyStart: p("historyStart"),
          computedThrough: p("computedThrough"),
          settingsKey: p("settingsKey"),
        })
        .onConflictDoUpdate({
          target: [dailySeriesHeads.athleteId, dailySeriesHeads.variant],
          set: {
            version: sql`excluded.version`,
            historyStart: sql`excluded.history_start`,
            computedThrough: sql`excluded.computed_through`,
            settingsKey: sql`excluded.settings_key`,
          },
        })
        .prepare();
      for (const write of writes) {
        const key = { athleteId: write.athleteId, variant: write.variant };
        if (write.replaceAll) clear.run(key);
        for (const { date, ...state } of write.states) upsertState.run({ ...key, localDate: date, ...state });
        upsertHead.run({ ...key, ...write.head });
      }
    });
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
}

/** Drops every persisted state (the benches measure a view with no state; the next view recomputes it). */
export function deleteSeriesStates(db: Db): void {
  db.transaction((tx) => {
    tx.delete(dailySeriesStates).run();
    tx.delete(dailySeriesHeads).run();
  });
}
