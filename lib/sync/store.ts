import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import {
  cardioLoads,
  continuousHeartRates,
  dailyActivities,
  dailyActivityExtras,
  exerciseHrZones,
  exerciseSamples,
  exercises,
  nightlyRecharges,
  physicalInfos,
  sleeps,
} from "@/db/schema/polar-data";
import { syncQuarantine } from "@/db/schema/sync";
import { loadPhysiology } from "./derive";
import { findStoredExercise } from "./exercise-identity";
import { lookup } from "./lookups";
import { insertRow, insertRowReturningId } from "./prepared-insert";
import {
  isNewerActivity,
  toActivityRow,
  toExerciseRow,
  toExerciseSampleRow,
  toExerciseZoneRows,
  toPhysicalInfoRow,
  toSampleSeries,
  type ActivityInput,
  type ActivityStepSamplesInput,
  type ActivityZoneSamplesInput,
  type ExerciseInput,
  type ExerciseSampleInput,
  type ExerciseZonesInput,
  type PhysicalInfoInput,
} from "./transforms";
import type { Outcome, SyncResource } from "./types";

/**
 * Idempotent writers. Each stores one record and everything derived from it inside ONE SQLite transaction,
 * keyed by Polar's id or by (athlete, date), and reports whether it was new, updated or unchanged. An
 * unchanged record is not rewritten, so its first `fetchedAt` stays and a repeated sync changes nothing.
 */

export type { DbTx } from "@/db/client";
export {
  isActivityListEndpoint,
  storeCardioLoad,
  storeContinuousHeartRate,
  storeDailyActivityExtra,
  storeListedActivity,
  storeNightlyRecharge,
  storeSleep,
} from "./store-windowed";
import { isActivityListEndpoint } from "./store-windowed";
export type Provenance = { endpoint: string; transactionId: number | null; fetchedAt: number };

/**
 * What the sync writes into the provenance columns: a record from the API replaces an imported copy of the
 * same record (the API's copy wins, lib/import), and the row then says so.
 */
export const API_SOURCE = { source: "api", archiveName: null, entryName: null } as const;

/** Columns that describe where and when a record was fetched, not what it says. */
const PROVENANCE_KEYS = new Set(["endpoint", "transactionId", "fetchedAt", "contentHash"]);

/**
 * A transactional item re-offered after an expired transaction carries the new `transaction-id` inside its
 * JSON; that is provenance, not content, so raw JSON is compared without it.
 */
function withoutTransactionIds(rawJson: unknown): unknown {
  if (typeof rawJson !== "string") return rawJson;
  return JSON.stringify(JSON.parse(rawJson), (key: string, value: unknown) => (key === "transaction-id" ? undefined : value));
}

export function isSameContent(existing: Record<string, unknown>, values: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(values)) {
    if (PROVENANCE_KEYS.has(key)) continue;
    if (key === "rawJson") {
      if (withoutTransactionIds(existing[key]) !== withoutTransactionIds(value)) return false;
      continue;
    }
    if ((existing[key] ?? null) !== (value ?? null)) return false;
  }
  return true;
}

// ── exercise ──

export type ExerciseBundle = {
  exercise: ExerciseInput;
  exerciseRaw: unknown;
  zones: ExerciseZonesInput | null;
  samples: { sample: ExerciseSampleInput; url: string }[];
  /** The `/v3/exercises` id, when the session was read from that list (§6.1). */
  hashedId?: string | null;
};

export function storeExercise(db: Db, athleteId: string, bundle: ExerciseBundle, prov: Provenance): Outcome {
  return db.transaction((tx) => {
    const series = bundle.samples.map((s) => toSampleSeries(s.sample));
    // Lookups prepared on `db` run inside this transaction: one connection.
    const row = toExerciseRow(bundle.exercise, series, loadPhysiology(db, athleteId, bundle.exercise["start-time"].slice(0, 10)));
    const hashedId = bundle.hashedId ?? null;
    // The same session from the other exercise API is this row too (device id + UTC start); both ids stay.
    const existing = findStoredExercise(db, athleteId, { polarExerciseId: row.polarExerciseId, hashedId, deviceId: row.deviceId, startUtcMs: row.startUtcMs });
    const values = {
      ...row,
      polarExerciseId: row.polarExerciseId ?? existing?.polarExerciseId ?? null,
      polarHashedId: hashedId ?? existing?.polarHashedId ?? null,
      athleteId,
      ...prov,
      ...API_SOURCE,
      transactionId: prov.transactionId ?? existing?.transactionId ?? null,
      rawJson: JSON.stringify(bundle.exerciseRaw),
    };
    const sampleRows = series.map((s, i) => ({ ...toExerciseSampleRow(s), endpoint: bundle.samples[i].url }));
    const zoneRows = toExerciseZoneRows(bundle.zones);

    let exerciseId: number;
    let outcome: Outcome;
    if (!existing) {
      exerciseId = insertRowReturningId(db, exercises, values);
      outcome = "new";
    } else {
      exerciseId = existing.id;
      const oldSamples = tx.select().from(exerciseSamples).where(eq(exerciseSamples.exerciseId, exerciseId)).all();
      const oldZones = tx.select().from(exerciseHrZones).where(eq(exerciseHrZones.exerciseId, exerciseId)).all();
      const samplesSame =
        oldSamples.length === sampleRows.length &&
        sampleRows.every((s) => {
          const old = oldSamples.find((o) => o.sampleType === s.sampleType);
          return old !== undefined && old.packedValues === s.packedValues && old.recordingRate === s.recordingRate;
        });
      const zonesSame =
        oldZones.length === zoneRows.length &&
        zoneRows.every((z) => oldZones.some((o) => o.zoneIndex === z.zoneIndex && o.rawJson === z.rawJson));
      if (samplesSame && zonesSame && isSameContent(existing, values)) return "unchanged";
      tx.update(exercises).set(values).where(eq(exercises.id, exerciseId)).run();
      tx.delete(exerciseSamples).where(eq(exerciseSamples.exerciseId, exerciseId)).run();
      tx.delete(exerciseHrZones).where(eq(exerciseHrZones.exerciseId, exerciseId)).run();
      outcome = "updated";
    }
    // Prepared once per database (prepared-insert.ts), run inside this transaction: building and compiling an
    // INSERT cost more than a row.
    for (const sample of sampleRows) {
      insertRow(db, exerciseSamples, { ...sample, athleteId, exerciseId, transactionId: prov.transactionId, fetchedAt: prov.fetchedAt });
    }
    for (const zone of zoneRows) insertRow(db, exerciseHrZones, { ...zone, athleteId, exerciseId, ...prov });
    return outcome;
  });
}

// ── daily activity (transactional, the fallback for days the list lacks): newest summary per day wins ──

export type ActivityBundle = {
  activity: ActivityInput;
  activityRaw: unknown;
  steps: ActivityStepSamplesInput | null;
  zones: ActivityZoneSamplesInput | null;
  stepsRaw: unknown;
  zonesRaw: unknown;
};

export function storeActivity(db: Db, athleteId: string, bundle: ActivityBundle, prov: Provenance): Outcome {
  const row = toActivityRow(bundle.activity, bundle.steps, bundle.zones);
  const raw = JSON.stringify({ activity: bundle.activityRaw, stepSamples: bundle.stepsRaw, zoneSamples: bundle.zonesRaw });
  const values = { ...row, athleteId, ...prov, rawJson: raw, ...API_SOURCE };
  return db.transaction((tx) => {
    const existing = lookup(db, "dailyActivity").get({ athleteId, localDate: row.localDate });
    if (!existing) {
      tx.insert(dailyActivities).values(values).run();
      return "new";
    }
    // The list's day is the main path: a transaction's summary fills only a day the list lacks.
    if (isActivityListEndpoint(existing.endpoint)) return "unchanged";
    if (existing.polarActivityId === row.polarActivityId) {
      if (isSameContent(existing, values)) return "unchanged";
    } else if (!isNewerActivity(row, existing)) {
      // An older summary of a day we already hold (re-offered after expiry, or delivered out of order).
      return "unchanged";
    }
    tx.update(dailyActivities).set(values).where(eq(dailyActivities.id, existing.id)).run();
    return "updated";
  });
}

// ── physical information ──

export function storePhysicalInfo(
  db: Db,
  athleteId: string,
  info: PhysicalInfoInput,
  raw: unknown,
  prov: Provenance,
): Outcome {
  return db.transaction((tx) => {
    const row = toPhysicalInfoRow(info, getLatestOffsetMinutes(tx, athleteId));
    const values = { ...row, athleteId, ...prov, rawJson: JSON.stringify(raw), ...API_SOURCE };
    const existing = tx
      .select()
      .from(physicalInfos)
      .where(and(eq(physicalInfos.athleteId, athleteId), eq(physicalInfos.polarPhysicalInfoId, row.polarPhysicalInfoId)))
      .get();
    if (!existing) {
      tx.insert(physicalInfos).values(values).run();
      return "new";
    }
    if (isSameContent(existing, { ...values, localDate: existing.localDate })) return "unchanged";
    tx.update(physicalInfos).set(values).where(eq(physicalInfos.id, existing.id)).run();
    return "updated";
  });
}

// ── quarantine ──

export type QuarantineEntry = {
  resource: SyncResource;
  itemKey: string;
  endpoint: string;
  transactionId: number | null;
  raw: unknown;
  error: string;
  path: string | null;
  fetchedAt: number;
  runId: string | null;
};

/** Keeps an invalid payload raw; the same item quarantined again replaces its entry instead of piling up. */
export function quarantinePayload(db: Db | DbTx, athleteId: string, entry: QuarantineEntry): void {
  const values = {
    athleteId,
    resource: entry.resource,
    itemKey: entry.itemKey,
    endpoint: entry.endpoint,
    transactionId: entry.transactionId,
    rawJson: JSON.stringify(entry.raw ?? null),
    error: entry.error,
    path: entry.path,
    fetchedAt: entry.fetchedAt,
    reparsedAt: null,
    reparseError: null,
    runId: entry.runId,
  };
  db.insert(syncQuarantine)
    .values(values)
    .onConflictDoUpdate({ target: [syncQuarantine.athleteId, syncQuarantine.resource, syncQuarantine.itemKey], set: values })
    .run();
}

// ── switching data types off ──

/** Deletes every stored row of the given resources for the athlete (the athlete switched them off). */
export function purgeResources(db: Db, athleteId: string, resources: readonly SyncResource[]): void {
  db.transaction((tx) => {
    for (const resource of resources) {
      switch (resource) {
        case "exercise":
          // Samples and Polar zones go with their exercise (ON DELETE CASCADE).
          tx.delete(exercises).where(eq(exercises.athleteId, athleteId)).run();
          break;
        case "activity":
          tx.delete(dailyActivities).where(eq(dailyActivities.athleteId, athleteId)).run();
          tx.delete(dailyActivityExtras).where(eq(dailyActivityExtras.athleteId, athleteId)).run();
          break;
        case "physical-info":
          tx.delete(physicalInfos).where(eq(physicalInfos.athleteId, athleteId)).run();
          break;
        case "sleep":
          tx.delete(sleeps).where(eq(sleeps.athleteId, athleteId)).run();
          break;
        case "nightly-recharge":
          tx.delete(nightlyRecharges).where(eq(nightlyRecharges.athleteId, athleteId)).run();
          break;
        case "continuous-hr":
          tx.delete(continuousHeartRates).where(eq(continuousHeartRates.athleteId, athleteId)).run();
          break;
        case "cardio-load":
          tx.delete(cardioLoads).where(eq(cardioLoads.athleteId, athleteId)).run();
          break;
      }
    }
    if (resources.length > 0) {
      tx.delete(syncQuarantine)
        .where(and(eq(syncQuarantine.athleteId, athleteId), inArray(syncQuarantine.resource, [...resources])))
        .run();
    }
  });
}
