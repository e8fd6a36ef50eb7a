import { and, count, eq, gte, lte, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cardioLoads, continuousHeartRates, dailyActivityExtras, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import { syncBackfills } from "@/db/schema/sync";
import { isPolarError } from "@/lib/polar/errors";
import { describeBackfill, summarizeBackfill, type BackfillProgress } from "./backfill-progress";
import type { RunContext } from "./context";
import { lookup } from "./lookups";
import { storeCardioLoad, storeContinuousHeartRate, storeNightlyRecharge, storeSleep, type DbTx } from "./store";
import { addDays } from "@/lib/analytics/dates";
import { computeWindow, storeWindow, toEntries, type WindowedResource } from "./windowed";
import { DAILY_ACTIVITY_DETAILS, indexByDate, storeDailyActivityList } from "./daily-activity";

/**
 * History from before the first sync (issue 13 §4), read backwards from just below the window every run
 * reconciles, as far as Polar serves each type:
 * - cardio load: its 6-month period, in one request;
 * - daily activity: 365 days back, in the 28-day ranges Polar allows, until two ranges in a row are empty;
 * - continuous HR: 28-day ranges until Polar refuses the date (look-back) or a whole range comes back empty;
 * - sleep and Nightly Recharge: by date, until a run of empty answers (Nightly Recharge only for nights the
 *   sleep backfill found, when sleep is synced too).
 * Each chunk is stored together with the advanced position in ONE SQLite transaction, so a crash or restart
 * continues exactly where it stopped, and nothing stored is ever asked for again. A run does at most
 * `BACKFILL_REQUESTS_PER_RUN` requests of it (under the rate-limit governor like every request); the next
 * run continues. Athletes connected before the backfill existed have no rows here and get theirs once.
 */

export const BACKFILL_REQUESTS_PER_RUN = 120;
/** Consecutive nights without data that end the date probing of sleep and Nightly Recharge. */
export const EMPTY_NIGHTS_TO_STOP = 7;
const CARDIO_DAYS = 180;
const ACTIVITY_DAYS = 365;
const RANGE_DAYS = 28;
/** Continuous HR and nights: Polar documents no limit; a year is as far as we ever look. */
const PROBE_LIMIT_DAYS = 365;

type Plan = { resource: WindowedResource; lookbackDays: number };

const PLANS: readonly Plan[] = [
  { resource: "cardio-load", lookbackDays: CARDIO_DAYS },
  { resource: "activity", lookbackDays: ACTIVITY_DAYS },
  { resource: "continuous-hr", lookbackDays: PROBE_LIMIT_DAYS },
  { resource: "sleep", lookbackDays: PROBE_LIMIT_DAYS },
  { resource: "nightly-recharge", lookbackDays: PROBE_LIMIT_DAYS },
];

type State = Omit<typeof syncBackfills.$inferSelect, "resource"> & { resource: WindowedResource };

const DAY_TABLES = {
  "cardio-load": cardioLoads,
  activity: dailyActivityExtras,
  "continuous-hr": continuousHeartRates,
  sleep: sleeps,
  "nightly-recharge": nightlyRecharges,
} as const;

/** Days of the resource stored in [from, to] (cardio load: real days, not an older version's placeholders). */
function countStoredDays(ctx: RunContext, resource: WindowedResource, from: string, to: string): number {
  const table = DAY_TABLES[resource];
  const where = and(eq(table.athleteId, ctx.athleteId), gte(table.localDate, from), lte(table.localDate, to));
  const real = resource === "cardio-load" ? and(where, ne(cardioLoads.status, "LOAD_STATUS_NOT_AVAILABLE")) : where;
  return ctx.db.select({ n: count() }).from(table).where(real).get()?.n ?? 0;
}

/** The first days of the reconciled window: without data there, the served history starts inside the window. */
const EDGE_DAYS = 7;

function readState(ctx: RunContext, plan: Plan): State {
  const existing = ctx.db
    .select()
    .from(syncBackfills)
    .where(and(eq(syncBackfills.athleteId, ctx.athleteId), eq(syncBackfills.resource, plan.resource)))
    .get();
  if (existing) return { ...existing, resource: plan.resource };
  // Oldest day: counted back from the latest "today" (UTC+14) less one day, so no athlete's today makes the
  // oldest date one day too old for Polar's look-back.
  const window = computeWindow(ctx.latestToday);
  const nextTo = addDays(window.from, -1);
  const oldestDate = addDays(ctx.latestToday, -(plan.lookbackDays - 2));
  // Polar serves history without gaps of a week: when the window's first week is empty for this type (a new
  // watch, or Polar serving nothing from before registration), there is nothing older to read.
  const reachesWindowStart = countStoredDays(ctx, plan.resource, window.from, addDays(window.from, EDGE_DAYS - 1)) > 0;
  const span = Math.round((Date.parse(nextTo) - Date.parse(oldestDate)) / 86_400_000) + 1;
  const daysTotal = reachesWindowStart ? Math.max(0, span) : 0;
  const state: State = {
    athleteId: ctx.athleteId,
    resource: plan.resource,
    nextTo,
    oldestDate,
    emptyStreak: 0,
    done: daysTotal === 0,
    daysDone: 0,
    daysTotal,
    updatedAt: ctx.now(),
  };
  ctx.db.insert(syncBackfills).values(state).onConflictDoNothing().run();
  return state;
}

/** Writes the advanced position inside the chunk's own transaction. */
function advance(tx: DbTx, ctx: RunContext, state: State, from: string, found: boolean, stopAfterEmpty: number | null): void {
  const days = Math.round((Date.parse(state.nextTo) - Date.parse(from)) / 86_400_000) + 1;
  state.nextTo = addDays(from, -1);
  state.daysDone = Math.min(state.daysTotal, state.daysDone + days);
  state.emptyStreak = found ? 0 : state.emptyStreak + days;
  state.done = state.nextTo < state.oldestDate || (stopAfterEmpty !== null && state.emptyStreak >= stopAfterEmpty);
  if (state.done) state.daysDone = state.daysTotal;
  state.updatedAt = ctx.now();
  tx.update(syncBackfills)
    .set({ nextTo: state.nextTo, daysDone: state.daysDone, emptyStreak: state.emptyStreak, done: state.done, updatedAt: state.updatedAt })
    .where(and(eq(syncBackfills.athleteId, ctx.athleteId), eq(syncBackfills.resource, state.resource)))
    .run();
}

function finish(ctx: RunContext, state: State): void {
  ctx.db.transaction((tx) => advance(tx, ctx, state, state.oldestDate, false, null));
}

function rangeFrom(state: State, days: number): string {
  const from = addDays(state.nextTo, -(days - 1));
  return from < state.oldestDate ? state.oldestDate : from;
}

/** One request's worth of backfill for one resource; `rangeDays` narrows after Polar refused a range. */
async function step(ctx: RunContext, state: State, rangeDays: number, sleepPassed: (date: string) => boolean): Promise<void> {
  const athleteId = ctx.athleteId;
  if (state.resource !== "sleep" && state.resource !== "nightly-recharge") {
    // Days already stored (an athlete synced for months before the backfill existed) are not asked for again.
    const from = rangeFrom(state, Math.min(state.resource === "cardio-load" ? CARDIO_DAYS : RANGE_DAYS, rangeDays));
    const days = Math.round((Date.parse(state.nextTo) - Date.parse(from)) / 86_400_000) + 1;
    if (countStoredDays(ctx, state.resource, from, state.nextTo) === days) {
      ctx.db.transaction((tx) => advance(tx, ctx, state, from, true, null));
      return;
    }
  }
  switch (state.resource) {
    case "cardio-load": {
      const from = rangeFrom(state, Math.min(CARDIO_DAYS, rangeDays));
      const listed = toEntries(await ctx.user.listCardioLoad(from, state.nextTo));
      storeWindow(ctx, "cardio-load", `/v3/users/cardio-load/date?from=${from}&to=${state.nextTo}`, listed, (tx, e, prov) => storeCardioLoad(tx, athleteId, e.data, e.raw, prov), {
        onStored: (tx, stored) => advance(tx, ctx, state, from, stored > 0, null),
      });
      return;
    }
    case "activity": {
      const from = rangeFrom(state, Math.min(RANGE_DAYS, rangeDays));
      // Days read with their samples: each is stored whole (its activity row too) in the chunk's transaction.
      const list = await ctx.user.listDailyActivities(from, state.nextTo, DAILY_ACTIVITY_DETAILS);
      // Two empty ranges in a row (8 weeks without a day) end it: the watch was not in use before.
      storeDailyActivityList(ctx, `/v3/users/activities?from=${from}&to=${state.nextTo}`, list, indexByDate(list), (tx, stored) =>
        advance(tx, ctx, state, from, stored > 0, 2 * RANGE_DAYS),
      );
      return;
    }
    case "continuous-hr": {
      const from = rangeFrom(state, Math.min(RANGE_DAYS, rangeDays));
      const listed = toEntries(await ctx.user.getContinuousHeartRateRange(from, state.nextTo));
      const endpoint = `/v3/users/continuous-heart-rate?from=${from}&to=${state.nextTo}`;
      storeWindow(ctx, "continuous-hr", endpoint, listed, (tx, e, prov) => storeContinuousHeartRate(tx, athleteId, e.data, e.raw, prov), {
        // A whole range without a day ends it: Polar keeps 24/7 HR for a limited time only.
        onStored: (tx, stored) => advance(tx, ctx, state, from, stored > 0, 1),
      });
      return;
    }
    case "sleep":
    case "nightly-recharge": {
      const date = state.nextTo;
      // A night the incremental list already stored is not asked for again.
      const stored = lookup(ctx.db, state.resource === "sleep" ? "sleep" : "nightlyRecharge").get({ athleteId, localDate: date });
      if (stored) {
        ctx.db.transaction((tx) => advance(tx, ctx, state, date, true, EMPTY_NIGHTS_TO_STOP));
        return;
      }
      // Nightly Recharge is measured during a sleep: a night the sleep backfill found empty is not asked for.
      if (state.resource === "nightly-recharge" && sleepPassed(date) && !lookup(ctx.db, "sleep").get({ athleteId, localDate: date })) {
        ctx.db.transaction((tx) => advance(tx, ctx, state, date, false, EMPTY_NIGHTS_TO_STOP));
        return;
      }
      const endpoint = `/v3/users/${state.resource}/${date}`;
      const onStored = (tx: DbTx, storedNow: number) => advance(tx, ctx, state, date, storedNow > 0, EMPTY_NIGHTS_TO_STOP);
      if (state.resource === "sleep") {
        const night = await ctx.user.getSleep(date);
        const items = night ? [{ date: night.data.date, data: night.data, raw: night.raw }] : [];
        storeWindow(ctx, "sleep", endpoint, { items, invalid: [] }, (tx, e, prov) => storeSleep(tx, athleteId, e.data, e.raw, prov), { onStored });
      } else {
        const recharge = await ctx.user.getNightlyRecharge(date);
        const items = recharge ? [{ date: recharge.data.date, data: recharge.data, raw: recharge.raw }] : [];
        storeWindow(ctx, "nightly-recharge", endpoint, { items, invalid: [] }, (tx, e, prov) => storeNightlyRecharge(tx, athleteId, e.data, e.raw, prov), {
          onStored,
        });
      }
      return;
    }
  }
}

/** The athlete's backfill so far (null before it started). */
export function getBackfillProgress(db: Db, athleteId: string): BackfillProgress | null {
  return summarizeBackfill(db.select().from(syncBackfills).where(eq(syncBackfills.athleteId, athleteId)).all());
}

/**
 * Runs the backfill of the enabled windowed resources for up to `budget` requests. Errors of one resource
 * (rate limit, 5xx) stop that resource for this run and are reported; its position stays for the next run.
 * Returns false when a resource had to pause.
 */
export async function syncBackfill(ctx: RunContext, enabled: ReadonlySet<string>, budget = BACKFILL_REQUESTS_PER_RUN): Promise<boolean> {
  const states = PLANS.filter((plan) => enabled.has(plan.resource)).map((plan) => readState(ctx, plan));
  const pending = states.filter((state) => !state.done);
  if (pending.length === 0) return true;
  const sleep = states.find((state) => state.resource === "sleep");
  // The sleep backfill has read (or ended before) this night: its answer is known.
  const sleepPassed = (date: string) => sleep !== undefined && (sleep.done || sleep.nextTo < date);
  const startCount = ctx.progress.requestCount;
  const report = () => {
    const progress = summarizeBackfill(states);
    if (progress) ctx.setStep(describeBackfill(progress));
  };
  report();
  // Types read independently run side by side (each still one request at a time, under the governor): the
  // first sync's backfill takes as long as its longest type, not all of them in a row. Nightly Recharge follows
  // sleep in one chain: it is asked only for nights the sleep backfill found.
  let fatal: { error: unknown } | null = null;
  const runChain = async (chain: State[]): Promise<boolean> => {
    let chainComplete = true;
    for (const state of chain) {
      let rangeDays = CARDIO_DAYS;
      while (!state.done && fatal === null && ctx.progress.requestCount - startCount < budget) {
        try {
          await step(ctx, state, rangeDays, sleepPassed);
        } catch (error) {
          if (isPolarError(error, "bad_request")) {
            // Polar refuses a range reaching past its look-back (400), which it documents loosely: narrow the
            // range down to single days; a refused single day is where this type's history ends.
            const asked = state.resource === "cardio-load" ? Math.min(rangeDays, CARDIO_DAYS) : Math.min(rangeDays, RANGE_DAYS);
            if (asked > 1 && state.resource !== "sleep" && state.resource !== "nightly-recharge") rangeDays = Math.ceil(asked / 2);
            else finish(ctx, state);
          } else if (isPolarError(error) && !isPolarError(error, "unauthorized") && !isPolarError(error, "consent_required")) {
            ctx.addError({ resource: state.resource, code: "backfill_paused", message: "Reading older history paused (Polar did not answer); the next sync continues where it stopped." });
            chainComplete = false;
            break;
          } else {
            // 401/403 or a bug: every chain stops before its next request, then the run stops.
            fatal ??= { error };
            return false;
          }
        }
        report();
      }
    }
    return chainComplete;
  };
  const nights = pending.filter((state) => state.resource === "sleep" || state.resource === "nightly-recharge");
  const chains = [...pending.filter((state) => !nights.includes(state)).map((state) => [state]), ...(nights.length > 0 ? [nights] : [])];
  const results = await Promise.all(chains.map(runChain));
  if (fatal !== null) throw (fatal as { error: unknown }).error;
  const complete = results.every(Boolean);
  return complete;
}
