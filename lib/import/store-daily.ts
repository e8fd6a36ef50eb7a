/**
 * Imported days and nights into the sync's tables, one row per (athlete, local date) as the sync keeps them,
 * packed with the sync's own formats (lib/sync/pack.ts). An API row is never overwritten; an imported row is
 * rewritten only when a later archive says something else about that day.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import { continuousHeartRates, dailyActivities, nightlyRecharges, physicalInfos, sleeps } from "@/db/schema/polar-data";
import { toDayNumber } from "@/lib/analytics/dates";
import type { ImportedActivity, ImportedHeartRateDay, ImportedPhysicalInfo, ImportedRecharge, ImportedSleep } from "@/lib/import/model";
import type { ItemOutcome } from "@/lib/import/read";
import { insertRow } from "@/lib/import/statements";
import { storeImportedMets } from "@/lib/import/store-met";
import { toImportEndpoint, toSummaryJson, type ImportProvenance } from "@/lib/import/store-sessions";
import { formatClockTime } from "@/lib/import/time";
import { lookup } from "@/lib/sync/lookups";
import { packPairs, packTimedValues } from "@/lib/sync/pack";
import { toContinuousHeartRateRow } from "@/lib/sync/transforms";
import { toLocalDateAt } from "@/lib/analytics/dates";
import { parseUtcNoZ } from "@/lib/polar/time";

type Existing = Record<string, unknown> & { id: number; source: "api" | "export" };

/** Columns that say where a row came from, not what it says. */
const PROVENANCE = new Set(["endpoint", "fetchedAt", "archiveName", "entryName", "transactionId"]);

function isSame(existing: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).every(([key, value]) => PROVENANCE.has(key) || (existing[key] ?? null) === (value ?? null));
}

/** The decision every date-keyed type shares; `write` inserts (no row) or updates (an imported row). */
function decide(existing: Existing | undefined, values: Record<string, unknown>, write: (id: number | null) => void): ItemOutcome {
  if (existing?.source === "api") return { status: "present" };
  if (existing && isSame(existing, values)) return { status: "present" };
  write(existing?.id ?? null);
  return { status: "imported" };
}

function provenance(prov: ImportProvenance, raw: unknown) {
  return {
    endpoint: toImportEndpoint(prov),
    fetchedAt: prov.fetchedAt,
    // Without the per-minute samples and the profile snapshot: the samples are stored packed beside it.
    rawJson: toSummaryJson(raw),
    source: "export" as const,
    archiveName: prov.archiveName,
    entryName: prov.entryName,
  };
}

export function storeImportedActivity(tx: Db, athleteId: string, day: ImportedActivity, raw: unknown, prov: ImportProvenance): ItemOutcome {
  const values = {
    athleteId,
    localDate: day.localDate,
    // No Polar id and no `created` in the archive: 0 makes any summary from the API the newer one.
    polarActivityId: 0,
    createdAt: 0,
    calories: day.calories,
    activeCalories: null,
    activeDurationSeconds: day.activeSeconds,
    activeSteps: day.steps,
    stepIntervalMinutes: day.stepSamples.length > 0 ? 1 : null,
    stepSamples: day.stepSamples.length > 0 ? packPairs(day.stepSamples) : null,
    zoneIntervalMinutes: null,
    zoneSamples: null,
    transactionId: null,
    ...provenance(prov, raw),
  };
  const existing = lookup(tx, "dailyActivity").get({ athleteId, localDate: day.localDate });
  let rowId = existing?.id ?? null;
  const outcome = decide(existing, values, (id) => {
    if (id === null) rowId = insertRow(tx, dailyActivities, values);
    else tx.update(dailyActivities).set(values).where(eq(dailyActivities.id, id)).run();
  });
  // The MET samples go beside the day's row whoever wrote it; new ones make the day count as imported.
  const metsWritten = rowId !== null && storeImportedMets(tx, athleteId, day, rowId, prov);
  return metsWritten ? { status: "imported" } : outcome;
}

const MINUTE_MS = 60_000;

export function storeImportedSleep(tx: Db, athleteId: string, sleep: ImportedSleep, raw: unknown, prov: ImportProvenance): ItemOutcome {
  const base = Math.floor(sleep.startUtcMs / MINUTE_MS) * MINUTE_MS;
  const values = {
    athleteId,
    localDate: sleep.localDate,
    startUtcMs: sleep.startUtcMs,
    endUtcMs: sleep.endUtcMs,
    startUtcOffsetMinutes: sleep.startUtcOffsetMinutes,
    endUtcOffsetMinutes: sleep.endUtcOffsetMinutes,
    deviceId: sleep.deviceId,
    continuity: sleep.continuity,
    continuityClass: null,
    lightSleepSeconds: sleep.lightSeconds,
    deepSleepSeconds: sleep.deepSeconds,
    remSleepSeconds: sleep.remSeconds,
    unrecognizedSleepSeconds: sleep.unknownSeconds,
    sleepScore: sleep.sleepScore,
    totalInterruptionSeconds: sleep.totalInterruptionSeconds,
    shortInterruptionSeconds: sleep.shortInterruptionSeconds,
    longInterruptionSeconds: sleep.longInterruptionSeconds,
    sleepCharge: null,
    sleepGoalSeconds: sleep.sleepGoalSeconds,
    sleepRating: null,
    sleepCycles: null,
    groupDurationScore: sleep.groupDurationScore,
    groupSolidityScore: sleep.groupSolidityScore,
    groupRegenerationScore: sleep.groupRegenerationScore,
    samplesBaseUtcMs: base,
    hypnogram: packTimedValues(sleep.hypnogram.map((point) => ({ utcMs: point.utcMs, value: point.stage })), base),
    heartRateSamples: packTimedValues([], base),
    ...provenance(prov, raw),
  };
  return decide(lookup(tx, "sleep").get({ athleteId, localDate: sleep.localDate }), values, (id) => {
    if (id === null) insertRow(tx, sleeps, values);
    else tx.update(sleeps).set(values).where(eq(sleeps.id, id)).run();
  });
}

export function storeImportedRecharge(tx: Db, athleteId: string, night: ImportedRecharge, raw: unknown, prov: ImportProvenance): ItemOutcome {
  const values = {
    athleteId,
    ...night,
    // The archive has no HRV or breathing maps for the night: empty series, local base at the night's date.
    samplesBaseLocal: `${night.localDate}T00:00`,
    samplesBaseUtcMs: null,
    hrvSamples: "",
    breathingSamples: "",
    ...provenance(prov, raw),
  };
  return decide(lookup(tx, "nightlyRecharge").get({ athleteId, localDate: night.localDate }), values, (id) => {
    if (id === null) insertRow(tx, nightlyRecharges, values);
    else tx.update(nightlyRecharges).set(values).where(eq(nightlyRecharges.id, id)).run();
  });
}

export function storeImportedHeartRateDay(tx: Db, athleteId: string, day: ImportedHeartRateDay, raw: unknown, prov: ImportProvenance): ItemOutcome {
  // The sync's own row builder, fed in AccessLink's shape: one packing and one min/max rule.
  const row = toContinuousHeartRateRow({
    date: day.localDate,
    heart_rate_samples: day.samples.map(([second, bpm]) => ({ heart_rate: bpm, sample_time: formatClockTime(second) })),
  });
  const values = { athleteId, ...row, ...provenance(prov, raw) };
  return decide(lookup(tx, "continuousHeartRate").get({ athleteId, localDate: day.localDate }), values, (id) => {
    if (id === null) insertRow(tx, continuousHeartRates, values);
    else tx.update(continuousHeartRates).set(values).where(eq(continuousHeartRates.id, id)).run();
  });
}

/**
 * Imported settings carry no Polar id: a negative id from the local day (at most one change a day is kept,
 * the last), so they can never collide with Polar's positive ids.
 */
export function storeImportedPhysicalInfo(tx: Db, athleteId: string, info: ImportedPhysicalInfo, raw: unknown, prov: ImportProvenance): ItemOutcome {
  const polarPhysicalInfoId = -(toDayNumber(info.localDate) + 1_000_000);
  // The snapshot's time is local wall time without offset: the athlete's latest known offset turns it to UTC.
  const createdAt = parseUtcNoZ(info.createdAtLocal) - getLatestOffsetMinutes(tx, athleteId) * MINUTE_MS;
  const values = {
    athleteId,
    polarPhysicalInfoId,
    createdAt,
    localDate: toLocalDateAt(parseUtcNoZ(info.createdAtLocal), 0),
    weightKg: info.weightKg,
    heightCm: info.heightCm,
    maximumHeartRate: info.maximumHeartRate,
    restingHeartRate: info.restingHeartRate,
    aerobicThreshold: info.aerobicThreshold,
    anaerobicThreshold: info.anaerobicThreshold,
    vo2Max: info.vo2Max,
    weightSource: null,
    transactionId: null,
    ...provenance(prov, raw),
  };
  const existing = tx
    .select()
    .from(physicalInfos)
    .where(and(eq(physicalInfos.athleteId, athleteId), eq(physicalInfos.polarPhysicalInfoId, polarPhysicalInfoId)))
    .get();
  return decide(existing, values, (id) => {
    if (id === null) insertRow(tx, physicalInfos, values);
    else tx.update(physicalInfos).set(values).where(eq(physicalInfos.id, id)).run();
  });
}
