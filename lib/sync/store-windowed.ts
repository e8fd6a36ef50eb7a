import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { cardioLoads, continuousHeartRates, dailyActivities, dailyActivityExtras, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import { lookup } from "./lookups";
import { insertRow } from "./prepared-insert";
import { API_SOURCE, isSameContent, type Provenance } from "./store";
import {
  readDailyActivityDate,
  toCardioLoadRow,
  toContinuousHeartRateRow,
  toDailyActivityExtraRow,
  toListedActivityRow,
  toNightlyRechargeRow,
  toSleepRow,
  type CardioLoadInput,
  type ContinuousHeartRateInput,
  type DailyActivityInput,
  type ListedActivityInput,
  type NightlyRechargeInput,
  type SleepInput,
} from "./transforms";
import type { Outcome } from "./types";

/**
 * Writers of the windowed resources, keyed by (athlete, local date). Every run re-reads the whole window
 * Polar still serves, so most days come back unchanged: the sha256 of the day as served (`contentHash`) is
 * compared before anything is derived, and an unchanged day is neither re-derived nor rewritten (the
 * data-version triggers stay quiet, first `fetchedAt` stays). A day edited at Polar hashes differently and
 * is updated in place.
 */

type Handle = Db | DbTx;
type DayTable = typeof sleeps | typeof nightlyRecharges | typeof continuousHeartRates | typeof cardioLoads | typeof dailyActivityExtras;
type Existing = { id: number; contentHash: string | null } & Record<string, unknown>;

/** sha256 over the served JSON and whatever else the derived row depends on (e.g. the night's sleep start). */
export function hashDayContent(rawJson: string, ...inputs: (string | null)[]): string {
  const hash = createHash("sha256").update(rawJson);
  for (const input of inputs) hash.update(`\u0000${input ?? ""}`);
  return hash.digest("hex");
}

function upsertDay(
  tx: Handle,
  table: DayTable,
  existing: Existing | undefined,
  contentHash: string,
  derive: () => Record<string, unknown> & { localDate: string },
): Outcome {
  if (existing?.contentHash === contentHash) return "unchanged";
  const values = { ...derive(), contentHash };
  if (!existing) {
    insertRow(tx, table, values);
    return "new";
  }
  if (isSameContent(existing, values)) {
    // Same content stored before hashes existed: record the hash only (no content change, nothing to announce).
    if (existing.contentHash === null) tx.update(table).set({ contentHash }).where(eq(table.id, existing.id)).run();
    return "unchanged";
  }
  tx.update(table).set(values).where(eq(table.id, existing.id)).run();
  return "updated";
}

export function storeSleep(tx: Handle, athleteId: string, sleep: SleepInput, raw: unknown, prov: Provenance): Outcome {
  const rawJson = JSON.stringify(raw);
  const existing = lookup(tx, "sleep").get({ athleteId, localDate: sleep.date });
  return upsertDay(tx, sleeps, existing, hashDayContent(rawJson), () => ({ ...toSleepRow(sleep), athleteId, ...prov, rawJson, ...API_SOURCE }));
}

export function storeNightlyRecharge(tx: Handle, athleteId: string, recharge: NightlyRechargeInput, raw: unknown, prov: Provenance): Outcome {
  const rawJson = JSON.stringify(raw);
  const sleepStart = lookup(tx, "sleepStartTime").get({ athleteId, localDate: recharge.date })?.startTime;
  const startTime = typeof sleepStart === "string" ? sleepStart : null;
  const existing = lookup(tx, "nightlyRecharge").get({ athleteId, localDate: recharge.date });
  // The maps are unwrapped against the night's sleep start: a sleep arriving later changes the derived row.
  return upsertDay(tx, nightlyRecharges, existing, hashDayContent(rawJson, startTime), () => ({
    ...toNightlyRechargeRow(recharge, startTime),
    athleteId,
    ...prov,
    rawJson,
    ...API_SOURCE,
  }));
}

export function storeContinuousHeartRate(
  tx: Handle,
  athleteId: string,
  day: ContinuousHeartRateInput,
  raw: unknown,
  prov: Provenance,
): Outcome {
  const rawJson = JSON.stringify(raw);
  const existing = lookup(tx, "continuousHeartRate").get({ athleteId, localDate: day.date });
  return upsertDay(tx, continuousHeartRates, existing, hashDayContent(rawJson), () => ({
    ...toContinuousHeartRateRow(day),
    athleteId,
    ...prov,
    rawJson,
    ...API_SOURCE,
  }));
}

/** A `LOAD_STATUS_NOT_AVAILABLE` day: Polar's padding for a day it has no data for (yet), with or without zeros. */
export function isCardioLoadPlaceholder(day: CardioLoadInput): boolean {
  return day.cardio_load_status === "LOAD_STATUS_NOT_AVAILABLE";
}

/**
 * A placeholder is not data: it is never stored, so it can neither overwrite a real day nor stand in the way
 * of the real value that arrives once the watch syncs (a row left as a placeholder by an older version is
 * replaced by that real value like any other change).
 */
export function storeCardioLoad(tx: Handle, athleteId: string, day: CardioLoadInput, raw: unknown, prov: Provenance): Outcome | "placeholder" {
  if (isCardioLoadPlaceholder(day)) return "placeholder";
  const rawJson = JSON.stringify(raw);
  const existing = lookup(tx, "cardioLoad").get({ athleteId, localDate: day.date });
  return upsertDay(tx, cardioLoads, existing, hashDayContent(rawJson), () => ({ ...toCardioLoadRow(day), athleteId, ...prov, rawJson }));
}

/**
 * The day as both its rows keep it: without the per-minute steps and zone changes, which the activity row holds
 * summed per hour (the one resolution the pages show, as the transactional samples have it). So a day read with
 * or without samples hashes alike, and a month of them is not kept twice.
 */
export function toExtraRaw(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object" || !("samples" in raw)) return raw;
  const samples = raw.samples;
  if (samples === null || typeof samples !== "object") return raw;
  const { steps: _steps, activity_zones: _zones, ...kept } = samples as Record<string, unknown>;
  return { ...raw, samples: kept };
}

/** The non-transactional daily activity: distance from steps and inactivity alerts, per (athlete, day). */
export function storeDailyActivityExtra(tx: Handle, athleteId: string, day: DailyActivityInput, raw: unknown, prov: Provenance): Outcome {
  const rawJson = JSON.stringify(toExtraRaw(raw));
  const existing = lookup(tx, "dailyActivityExtra").get({ athleteId, localDate: readDailyActivityDate(day) });
  return upsertDay(tx, dailyActivityExtras, existing, hashDayContent(rawJson), () => ({
    ...toDailyActivityExtraRow(day),
    athleteId,
    ...prov,
    rawJson,
  }));
}

/** Whether a stored activity row was read from the non-transactional list (§6.2), not a transaction or an archive. */
export function isActivityListEndpoint(endpoint: string): boolean {
  return new URL(endpoint, "http://relative.invalid").pathname.startsWith("/v3/users/activities");
}

/**
 * The day's activity row from the non-transactional list, the main path (the transactional summary is the
 * fallback for a day the list lacks, store.ts `storeActivity`). It replaces a row from a transaction or an
 * archive: the list serves the day as it is now.
 */
export function storeListedActivity(tx: Handle, athleteId: string, day: ListedActivityInput, raw: unknown, prov: Provenance): Outcome {
  const values = { ...toListedActivityRow(day), athleteId, ...prov, rawJson: JSON.stringify(toExtraRaw(raw)), ...API_SOURCE };
  const existing = lookup(tx, "dailyActivity").get({ athleteId, localDate: values.localDate });
  if (!existing) {
    tx.insert(dailyActivities).values(values).run();
    return "new";
  }
  if (isActivityListEndpoint(existing.endpoint) && isSameContent(existing, values)) return "unchanged";
  tx.update(dailyActivities).set(values).where(eq(dailyActivities.id, existing.id)).run();
  return "updated";
}
