import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { syncQuarantine } from "@/db/schema/sync";
import {
  PolarActivityStepSamplesSchema,
  PolarActivitySummarySchema,
  PolarActivityZoneSamplesSchema,
  PolarCardioLoadDaySchema,
  PolarContinuousHeartRateDaySchema,
  PolarDailyActivitySchema,
  PolarExerciseSampleSchema,
  PolarExerciseSchema,
  PolarExerciseV2Schema,
  PolarExerciseZonesSchema,
  PolarNightlyRechargeSchema,
  PolarPhysicalInfoSchema,
  PolarSleepSchema,
} from "@/lib/polar";
import {
  storeActivity,
  storeCardioLoad,
  storeContinuousHeartRate,
  storeDailyActivityExtra,
  storeExercise,
  storeNightlyRecharge,
  storePhysicalInfo,
  storeSleep,
  type Provenance,
} from "./store";
import { isExerciseListEndpoint, toListedExerciseBundle } from "./exercises";
import type { Outcome } from "./types";

/**
 * Re-ingests quarantined payloads with the current parsers (`npm run sync:reparse`). An entry that now
 * validates is stored through the same idempotent writers as a sync and marked `reparsedAt`; one that still
 * fails keeps its raw payload and records why.
 */

export type ReparseResult = { reparsed: number; stillInvalid: number; outcomes: Record<Outcome, number> };

/** Transactional entries are stored as `{ url, pieces: { item, heartRateZones, "sample:0", … } }`. */
const bundleSchema = z.object({ url: z.string(), pieces: z.record(z.string(), z.unknown()) });

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid";
}

function ingest(db: Db, entry: typeof syncQuarantine.$inferSelect, raw: unknown): Outcome {
  const prov: Provenance = { endpoint: entry.endpoint, transactionId: entry.transactionId, fetchedAt: entry.fetchedAt };
  const fail = (error: z.ZodError): never => {
    throw new ReparseError(describeIssue(error));
  };
  switch (entry.resource) {
    case "exercise": {
      if (isExerciseListEndpoint(entry.endpoint)) {
        // An element of `/v3/exercises`, kept as Polar sent it (samples and zones inline).
        const listed = PolarExerciseV2Schema.safeParse(raw);
        if (!listed.success) return fail(listed.error);
        return storeExercise(db, entry.athleteId, toListedExerciseBundle(listed.data, raw, entry.endpoint), prov);
      }
      const bundle = bundleSchema.safeParse(raw);
      if (!bundle.success) return fail(bundle.error);
      const item = PolarExerciseSchema.safeParse(bundle.data.pieces.item);
      if (!item.success) return fail(item.error);
      const zonesRaw = bundle.data.pieces.heartRateZones;
      const zones = zonesRaw === null || zonesRaw === undefined ? null : PolarExerciseZonesSchema.safeParse(zonesRaw);
      if (zones && !zones.success) return fail(zones.error);
      const samples: { sample: z.infer<typeof PolarExerciseSampleSchema>; url: string }[] = [];
      for (const [key, value] of Object.entries(bundle.data.pieces)) {
        if (!key.startsWith("sample:") || value === null || value === undefined) continue;
        const sample = PolarExerciseSampleSchema.safeParse(value);
        if (!sample.success) return fail(sample.error);
        samples.push({ sample: sample.data, url: `${bundle.data.url}/samples/${key.slice("sample:".length)}` });
      }
      return storeExercise(
        db,
        entry.athleteId,
        { exercise: item.data, exerciseRaw: bundle.data.pieces.item, zones: zones ? zones.data : null, samples },
        prov,
      );
    }
    case "activity": {
      if (entry.endpoint.startsWith("/v3/users/activities")) {
        // A day of the non-transactional list (windowed), stored as Polar sent it.
        const day = PolarDailyActivitySchema.safeParse(raw);
        if (!day.success) return fail(day.error);
        return storeDailyActivityExtra(db, entry.athleteId, day.data, raw, prov);
      }
      const bundle = bundleSchema.safeParse(raw);
      if (!bundle.success) return fail(bundle.error);
      const item = PolarActivitySummarySchema.safeParse(bundle.data.pieces.item);
      if (!item.success) return fail(item.error);
      const stepsRaw = bundle.data.pieces.stepSamples ?? null;
      const zonesRaw = bundle.data.pieces.zoneSamples ?? null;
      const steps = stepsRaw === null ? null : PolarActivityStepSamplesSchema.safeParse(stepsRaw);
      if (steps && !steps.success) return fail(steps.error);
      const zones = zonesRaw === null ? null : PolarActivityZoneSamplesSchema.safeParse(zonesRaw);
      if (zones && !zones.success) return fail(zones.error);
      return storeActivity(
        db,
        entry.athleteId,
        {
          activity: item.data,
          activityRaw: bundle.data.pieces.item,
          steps: steps ? steps.data : null,
          zones: zones ? zones.data : null,
          stepsRaw,
          zonesRaw,
        },
        prov,
      );
    }
    case "physical-info": {
      const bundle = bundleSchema.safeParse(raw);
      if (!bundle.success) return fail(bundle.error);
      const item = PolarPhysicalInfoSchema.safeParse(bundle.data.pieces.item);
      if (!item.success) return fail(item.error);
      return storePhysicalInfo(db, entry.athleteId, item.data, bundle.data.pieces.item, prov);
    }
    case "sleep": {
      const night = PolarSleepSchema.safeParse(raw);
      if (!night.success) return fail(night.error);
      return storeSleep(db, entry.athleteId, night.data, raw, prov);
    }
    case "nightly-recharge": {
      const recharge = PolarNightlyRechargeSchema.safeParse(raw);
      if (!recharge.success) return fail(recharge.error);
      return storeNightlyRecharge(db, entry.athleteId, recharge.data, raw, prov);
    }
    case "continuous-hr": {
      const day = PolarContinuousHeartRateDaySchema.safeParse(raw);
      if (!day.success) return fail(day.error);
      return storeContinuousHeartRate(db, entry.athleteId, day.data, raw, prov);
    }
    case "cardio-load": {
      const day = PolarCardioLoadDaySchema.safeParse(raw);
      if (!day.success) return fail(day.error);
      const outcome = storeCardioLoad(db, entry.athleteId, day.data, raw, prov);
      // A placeholder is not data: nothing to store, and nothing left to reparse.
      return outcome === "placeholder" ? "unchanged" : outcome;
    }
  }
}

class ReparseError extends Error {}

export function reparseQuarantine(db: Db, options: { athleteId?: string; now: number }): ReparseResult {
  const pending = db
    .select()
    .from(syncQuarantine)
    .where(
      options.athleteId
        ? and(isNull(syncQuarantine.reparsedAt), eq(syncQuarantine.athleteId, options.athleteId))
        : isNull(syncQuarantine.reparsedAt),
    )
    .all();
  const result: ReparseResult = { reparsed: 0, stillInvalid: 0, outcomes: { new: 0, updated: 0, unchanged: 0 } };
  for (const entry of pending) {
    try {
      const outcome = ingest(db, entry, JSON.parse(entry.rawJson));
      db.update(syncQuarantine)
        .set({ reparsedAt: options.now, reparseError: null })
        .where(eq(syncQuarantine.id, entry.id))
        .run();
      result.reparsed += 1;
      result.outcomes[outcome] += 1;
    } catch (error) {
      // Transform errors (e.g. an unreadable time) count like validation errors: the payload stays quarantined.
      const message = error instanceof ReparseError || error instanceof RangeError ? error.message : "could not be stored";
      db.update(syncQuarantine).set({ reparseError: message }).where(eq(syncQuarantine.id, entry.id)).run();
      result.stillInvalid += 1;
    }
  }
  return result;
}
