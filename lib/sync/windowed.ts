import type { RunContext } from "./context";
import {
  quarantinePayload,
  storeCardioLoad,
  storeContinuousHeartRate,
  storeNightlyRecharge,
  storeSleep,
  type DbTx,
  type Provenance,
} from "./store";
import { addDays } from "@/lib/analytics/dates";
import type { Outcome, SyncResource } from "./types";

/**
 * Windowed resources (sleep, Nightly Recharge, continuous HR, cardio load, and the non-transactional daily
 * activity under "activity"). Every run reconciles the WHOLE window Polar serves (28 days): a watch synced
 * days late, or a night edited at Polar, shows up inside that window whenever it reaches Polar, so a cursor
 * that skips "already read" days would lose it for good. Upserts by (athlete, date); unchanged days are
 * recognised by their content hash and not rewritten (store-windowed.ts). Every valid record fetched is
 * stored, whatever range it was asked for; one dated after the latest "today" on Earth is counted as skipped
 * with its reason, a placeholder likewise. Invalid entries are quarantined and the rest proceeds.
 */

/** Polar serves these resources for the last 28 days (ranges include both ends: today − 27 … today). */
export const WINDOW_DAYS = 28;

/** UTC+14 (Kiribati): the furthest any athlete's local day runs ahead of UTC. */
export const MAX_AHEAD_MS = 14 * 3_600_000;

export type WindowedResource = Extract<SyncResource, "activity" | "sleep" | "nightly-recharge" | "continuous-hr" | "cardio-load">;

/** The window every run reconciles: Polar's 28 days, ending on the latest "today" anywhere. */
export function computeWindow(latestToday: string): { from: string; to: string } {
  return { from: addDays(latestToday, -(WINDOW_DAYS - 1)), to: latestToday };
}

export type Entry<T> = { date: string; data: T; raw: unknown };
export type Listed<T> = { items: Entry<T>[]; invalid: { raw: unknown; error: string; path: string }[] };

/** Pulls a Lenient list into dated entries; lib/polar keeps raw beside data only for single fetches. */
export function toEntries<T extends { date: string }>(list: { items: T[]; invalid: Listed<T>["invalid"] }): Listed<T> {
  return { items: list.items.map((data) => ({ date: data.date, data, raw: data })), invalid: list.invalid };
}

function readDate(raw: unknown): string | null {
  if (raw && typeof raw === "object" && "date" in raw && typeof raw.date === "string") return raw.date;
  return null;
}

/**
 * Stores one fetched list in a single SQLite transaction (with `onStored`'s writes: the backfill's progress).
 * Every valid entry is stored whatever its date, except entries dated after the latest "today" (counted as
 * skipped). Returns how many entries were stored (new, updated or unchanged).
 */
export function storeWindow<T>(
  ctx: RunContext,
  resource: WindowedResource,
  endpoint: string,
  listed: Listed<T>,
  store: (tx: DbTx, entry: Entry<T>, prov: Provenance) => Outcome | "placeholder",
  options: { dateOf?: (raw: unknown) => string | null; onStored?: (tx: DbTx, stored: number) => void } = {},
): number {
  const dateOf = options.dateOf ?? readDate;
  let stored = 0;
  const invalid: Listed<T>["invalid"] = [...listed.invalid];
  const total = listed.items.length + invalid.length;
  ctx.addTotal(total);
  const fetchedAt = ctx.now();
  ctx.db.transaction((tx) => {
    for (const entry of listed.items) {
      if (entry.date > ctx.latestToday) {
        ctx.countSkipped(resource, "after-today");
        continue;
      }
      try {
        const outcome = store(tx, entry, { endpoint, transactionId: null, fetchedAt });
        if (outcome === "placeholder") ctx.countSkipped(resource, "placeholder");
        else {
          ctx.countOutcome(resource, outcome);
          stored += 1;
        }
      } catch (error) {
        // Validated but uninterpretable (a RangeError from a time field): transforms run before any write,
        // so the entry is set aside and the window goes on.
        if (!(error instanceof RangeError)) throw error;
        invalid.push({ raw: entry.raw, error: error.message, path: "" });
      }
    }
    invalid.forEach((entry, index) => {
      quarantinePayload(tx, ctx.athleteId, {
        resource,
        itemKey: dateOf(entry.raw) ?? `${endpoint}#${index}`,
        endpoint,
        transactionId: null,
        raw: entry.raw,
        error: entry.error,
        path: entry.path,
        fetchedAt,
        runId: ctx.runId,
      });
      ctx.countOutcome(resource, "quarantined");
    });
    options.onStored?.(tx, stored);
  });
  ctx.progress.itemsDone += total;
  ctx.flushSoon();
  return stored;
}

export async function syncSleep(ctx: RunContext): Promise<void> {
  ctx.touch("sleep");
  ctx.setStep("Reading sleep");
  // The list always covers Polar's 28 days in ONE request; per-date reads would cost one request per night.
  const listed = toEntries(await ctx.user.listSleep());
  storeWindow(ctx, "sleep", "/v3/users/sleep", listed, (tx, entry, prov) =>
    storeSleep(tx, ctx.athleteId, entry.data, entry.raw, prov),
  );
}

export async function syncNightlyRecharge(ctx: RunContext): Promise<void> {
  ctx.touch("nightly-recharge");
  ctx.setStep("Reading Nightly Recharge");
  const listed = toEntries(await ctx.user.listNightlyRecharge());
  storeWindow(ctx, "nightly-recharge", "/v3/users/nightly-recharge", listed, (tx, entry, prov) =>
    storeNightlyRecharge(tx, ctx.athleteId, entry.data, entry.raw, prov),
  );
}

export async function syncContinuousHeartRate(ctx: RunContext): Promise<void> {
  ctx.touch("continuous-hr");
  ctx.setStep("Reading continuous heart rate");
  const window = computeWindow(ctx.latestToday);
  // The RANGE endpoint: one request per window instead of one per day (rate limits are per app, §8).
  const listed = toEntries(await ctx.user.getContinuousHeartRateRange(window.from, window.to));
  const endpoint = `/v3/users/continuous-heart-rate?from=${window.from}&to=${window.to}`;
  storeWindow(ctx, "continuous-hr", endpoint, listed, (tx, entry, prov) =>
    storeContinuousHeartRate(tx, ctx.athleteId, entry.data, entry.raw, prov),
  );
}

export async function syncCardioLoad(ctx: RunContext): Promise<void> {
  ctx.touch("cardio-load");
  ctx.setStep("Reading cardio load");
  const window = computeWindow(ctx.latestToday);
  const listed = toEntries(await ctx.user.listCardioLoad(window.from, window.to));
  const endpoint = `/v3/users/cardio-load/date?from=${window.from}&to=${window.to}`;
  storeWindow(ctx, "cardio-load", endpoint, listed, (tx, entry, prov) =>
    storeCardioLoad(tx, ctx.athleteId, entry.data, entry.raw, prov),
  );
}
