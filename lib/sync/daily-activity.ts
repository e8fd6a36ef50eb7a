import { and, eq, gte, lte, sql } from "drizzle-orm";
import { polarConnections } from "@/db/schema/auth";
import { dailyActivities, dailyActivityExtras } from "@/db/schema/polar-data";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import type { DailyActivityQueryOptions } from "@/lib/polar";
import { addDays, diffDays, toLocalDateAt } from "@/lib/analytics/dates";
import type { RunContext } from "./context";
import { lookup } from "./lookups";
import { isActivityListEndpoint, storeDailyActivityExtra, storeListedActivity, type DbTx } from "./store";
import { hashDayContent, toExtraRaw } from "./store-windowed";
import { readDailyActivityDate } from "./transforms";
import type { Outcome } from "./types";
import { computeWindow, storeWindow, type Entry, type Listed } from "./windowed";

/**
 * Daily activity (polar-accesslink.md §6.2, design §3). The non-transactional list is the main path: the window
 * every run reconciles is ONE request with the day totals, and the days that are new or changed since the last
 * run come with their per-minute steps and zone changes in a second request over just their dates (the first
 * sync of a window asks for the samples at once). Each day is one activity row, with its extra row (distance
 * from steps, inactivity alerts), written together. The deprecated activity transactions are still committed
 * so Polar stops offering them, but their items are read only while the list lacks a day they could concern
 * (`hasListGap`): then each unknown summary is read, and only a day the list does not have is stored from it.
 */

/** Totals, then (for the changed days) everything: per-minute steps, zone changes and inactivity stamps. */
export const DAILY_ACTIVITY_TOTALS: DailyActivityQueryOptions = { inactivityStamps: true };
export const DAILY_ACTIVITY_DETAILS: DailyActivityQueryOptions = { steps: true, activityZones: true, inactivityStamps: true };

type DailyActivityList = Awaited<ReturnType<RunContext["user"]["listDailyActivities"]>>;
type Day = DailyActivityList["items"][number];

/** The daily activity object has no `date`; its offset-less `start_time` starts with the local day (§6.2). */
function readStartDate(raw: unknown): string | null {
  if (raw && typeof raw === "object" && "start_time" in raw && typeof raw.start_time === "string") {
    const date = raw.start_time.slice(0, 10);
    return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  }
  return null;
}

/**
 * Stores one list of days in one SQLite transaction (with `onStored`'s writes: the backfill's position).
 * `details` holds the days read with their samples: each of those also writes its activity row. Dates each
 * day by `samples.date` (readDailyActivityDate); a day whose date cannot be read is quarantined.
 */
export function storeDailyActivityList(
  ctx: RunContext,
  endpoint: string,
  list: DailyActivityList,
  details: ReadonlyMap<string, Day>,
  onStored?: (tx: DbTx, stored: number) => void,
): number {
  const items: Entry<Day>[] = [];
  const invalid: Listed<Day>["invalid"] = [...list.invalid];
  for (const data of list.items) {
    try {
      items.push({ date: readDailyActivityDate(data), data, raw: data });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      invalid.push({ raw: data, error: error.message, path: "start_time" });
    }
  }
  const store = (tx: DbTx, entry: Entry<Day>, prov: Parameters<typeof storeDailyActivityExtra>[4]): Outcome => {
    const extra = storeDailyActivityExtra(tx, ctx.athleteId, entry.data, entry.raw, prov);
    const detailed = details.get(entry.date);
    if (detailed === undefined) return extra;
    const row = storeListedActivity(tx, ctx.athleteId, detailed, detailed, prov);
    return row === "unchanged" ? extra : row;
  };
  return storeWindow(ctx, "activity", endpoint, { items, invalid }, store, { dateOf: readStartDate, onStored });
}

/** The days of a list read with samples, by date (a day without a readable date is left to the quarantine). */
export function indexByDate(list: DailyActivityList): Map<string, Day> {
  const byDate = new Map<string, Day>();
  for (const day of list.items) {
    try {
      byDate.set(readDailyActivityDate(day), day);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  return byDate;
}

/** Whether the day needs its samples read: new or changed at Polar, or its activity row is not the list's yet. */
function needsDetails(ctx: RunContext, day: Day): boolean {
  let date: string;
  try {
    date = readDailyActivityDate(day);
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
  if (date > ctx.latestToday) return false;
  const extra = lookup(ctx.db, "dailyActivityExtra").get({ athleteId: ctx.athleteId, localDate: date });
  if (extra?.contentHash !== hashDayContent(JSON.stringify(toExtraRaw(day)))) return true;
  const row = lookup(ctx.db, "dailyActivityEndpoint").get({ athleteId: ctx.athleteId, localDate: date });
  return row === undefined || !isActivityListEndpoint(row.endpoint);
}

function countStoredExtras(ctx: RunContext, from: string, to: string): number {
  return (
    ctx.db
      .select({ n: sql<number>`count(*)` })
      .from(dailyActivityExtras)
      .where(and(eq(dailyActivityExtras.athleteId, ctx.athleteId), gte(dailyActivityExtras.localDate, from), lte(dailyActivityExtras.localDate, to)))
      .get()?.n ?? 0
  );
}

/** The "activity" resource's list step: the whole window, samples only for the days that need them. */
export async function syncDailyActivity(ctx: RunContext): Promise<void> {
  ctx.touch("activity");
  ctx.setStep("Reading daily activity");
  const { from, to } = computeWindow(ctx.latestToday);
  const endpoint = `/v3/users/activities?from=${from}&to=${to}`;
  if (countStoredExtras(ctx, from, to) === 0) {
    // Nothing of the window stored yet (first sync, or back after a month away): every day needs its samples.
    const list = await ctx.user.listDailyActivities(from, to, DAILY_ACTIVITY_DETAILS);
    storeDailyActivityList(ctx, endpoint, list, indexByDate(list));
    return;
  }
  const list = await ctx.user.listDailyActivities(from, to, DAILY_ACTIVITY_TOTALS);
  const stale = list.items.filter((day) => needsDetails(ctx, day)).map(readDailyActivityDate).sort();
  let details = new Map<string, Day>();
  if (stale.length > 0) {
    const first = stale[0];
    const last = stale[stale.length - 1];
    details = indexByDate(await ctx.user.listDailyActivities(first, last, DAILY_ACTIVITY_DETAILS));
    for (const date of details.keys()) if (!stale.includes(date)) details.delete(date);
  }
  storeDailyActivityList(ctx, endpoint, list, details);
}

/**
 * Whether the list looks short of a day a transaction's summary could concern: a day of the reconciled window
 * (not before registration) up to yesterday with neither a list day nor a summary stored. Today is left out:
 * a watch that has not synced today has no summary of it either, and a day the list serves later is stored
 * by the window's reconcile. Older days are the backfill's, which reads them from the list too.
 */
export function hasListGap(ctx: RunContext): boolean {
  const yesterday = addDays(ctx.today, -1);
  let from = computeWindow(ctx.latestToday).from;
  const registeredAt = ctx.db
    .select({ at: polarConnections.registeredAt })
    .from(polarConnections)
    .where(eq(polarConnections.userId, ctx.athleteId))
    .get()?.at;
  if (registeredAt) {
    const registered = toLocalDateAt(registeredAt.getTime(), getLatestOffsetMinutes(ctx.db, ctx.athleteId));
    if (registered > from) from = registered;
  }
  if (from > yesterday) return false;
  const extras = ctx.db
    .select({ date: dailyActivityExtras.localDate })
    .from(dailyActivityExtras)
    .where(and(eq(dailyActivityExtras.athleteId, ctx.athleteId), gte(dailyActivityExtras.localDate, from), lte(dailyActivityExtras.localDate, yesterday)));
  const summaries = ctx.db
    .select({ date: dailyActivities.localDate })
    .from(dailyActivities)
    .where(
      and(
        eq(dailyActivities.athleteId, ctx.athleteId),
        eq(dailyActivities.source, "api"),
        gte(dailyActivities.localDate, from),
        lte(dailyActivities.localDate, yesterday),
      ),
    );
  const covered = ctx.db.select({ n: sql<number>`count(*)` }).from(extras.union(summaries).as("covered")).get()?.n ?? 0;
  return covered < diffDays(from, yesterday) + 1;
}

/** Whether the list has served this day (then a transaction's summary of it needs no samples read). */
export function hasListedDay(ctx: RunContext, date: string): boolean {
  return lookup(ctx.db, "dailyActivityExtra").get({ athleteId: ctx.athleteId, localDate: date }) !== undefined;
}
