import "server-only";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { athletePhysiologyOverrides } from "@/db/schema/athlete-settings";
import { exerciseSamples, exercises } from "@/db/schema/polar-data";
import { resolvePhysiologySettings, type PhysiologySettings } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { deriveSession, readPhysiologyInputs, toDerivedColumns, toPhysiologyContext } from "@/lib/sync/derive";
import { unpackNumbers } from "@/lib/sync/pack";
import type { AthleteOverridesDTO } from "../dto";
import type { Clock } from "../overview/freshness";
import { getAthleteToday } from "../series/clock";

export const EMPTY_OVERRIDES: AthleteOverridesDTO = { hrmax: null, hrrest: null, sex: null, zoneModel: null };

/** The athlete's own HRmax/HRrest/sex/zone-model overrides; all null when never set. */
export function getAthleteOverrides(db: Db, athleteId: string): AthleteOverridesDTO {
  const row = db
    .select({
      hrmax: athletePhysiologyOverrides.hrmax,
      hrrest: athletePhysiologyOverrides.hrrest,
      sex: athletePhysiologyOverrides.sex,
      zoneModel: athletePhysiologyOverrides.zoneModel,
    })
    .from(athletePhysiologyOverrides)
    .where(eq(athletePhysiologyOverrides.athleteId, athleteId))
    .get();
  return row ?? EMPTY_OVERRIDES;
}

/** Form input of the Body settings (empty field = use Polar's value). */
export const AthleteOverridesInputSchema = z
  .object({
    hrmax: z.number().int().min(100, "HRmax must be at least 100 bpm").max(240, "HRmax must be at most 240 bpm").nullable(),
    hrrest: z.number().int().min(25, "Resting HR must be at least 25 bpm").max(120, "Resting HR must be at most 120 bpm").nullable(),
    sex: z.enum(["male", "female"]).nullable(),
    zoneModel: z.enum(["polar-hrmax", "hrr"]).nullable(),
  })
  .refine((input) => input.hrmax === null || input.hrrest === null || input.hrrest < input.hrmax, {
    error: "Resting HR must be below HRmax",
    path: ["hrrest"],
  });
export type AthleteOverridesInput = z.infer<typeof AthleteOverridesInputSchema>;

export type RecomputeSummary = { sessionsRecomputed: number; overrides: AthleteOverridesDTO };

/** Polar's heart-rate sample type (API §10.1). */
const HEART_RATE_SAMPLE = 0;
/** Sessions read per statement while recomputing (their HR samples come along). */
const RECOMPUTE_BATCH = 200;

/**
 * Saves the athlete's HRmax/HRrest/sex/zone-model overrides and re-derives every stored session with them
 * through the sync's own derivation (lib/sync/derive.ts), so a session's row is the same as a fresh sync
 * would write. Sessions are read in batches with their HR samples (one statement per batch). The daily series
 * follows through the data-version triggers.
 */
export function saveAthleteOverrides(db: Db, viewer: Viewer, input: AthleteOverridesInput, options: Clock = {}): RecomputeSummary {
  const id = viewer.userId;
  const now = options.now ?? Date.now();
  const inputs = { polar: readPhysiologyInputs(db, id).polar, overrides: input };
  let physiology: PhysiologySettings;
  try {
    physiology = resolvePhysiologySettings(inputs.polar, input, { onDate: getAthleteToday(db, id, now) });
  } catch (error) {
    throw new AppError("bad_request", error instanceof Error ? error.message : "Inconsistent heart-rate settings.");
  }
  if (physiology.zoneModel.value === "hrr" && physiology.hrrest.value === null) {
    throw new AppError("bad_request", "The heart-rate-reserve zone model needs a resting HR: enter one or use the %HRmax model.");
  }
  return db.transaction((tx) => {
    const values = { hrmax: input.hrmax, hrrest: input.hrrest, sex: input.sex, zoneModel: input.zoneModel, updatedAt: new Date(now) };
    tx.insert(athletePhysiologyOverrides)
      .values({ athleteId: id, ...values })
      .onConflictDoUpdate({ target: athletePhysiologyOverrides.athleteId, set: values })
      .run();
    let count = 0;
    let afterId = 0;
    for (;;) {
      const batch = tx
        .select({
          id: exercises.id,
          startTimeLocal: exercises.startTimeLocal,
          avgHr: exercises.avgHr,
          duration: exercises.durationSeconds,
          rate: exerciseSamples.recordingRate,
          packed: exerciseSamples.packedValues,
        })
        .from(exercises)
        .leftJoin(exerciseSamples, and(eq(exerciseSamples.exerciseId, exercises.id), eq(exerciseSamples.sampleType, HEART_RATE_SAMPLE)))
        .where(and(eq(exercises.athleteId, id), gt(exercises.id, afterId)))
        .orderBy(asc(exercises.id))
        .limit(RECOMPUTE_BATCH)
        .all();
      for (const session of batch) {
        // The day the sync derives with (the 220 − age fallback is the age on the session's day).
        const context = toPhysiologyContext(inputs, session.startTimeLocal.slice(0, 10));
        const derived = deriveSession({
          hrValues: session.packed !== null ? unpackNumbers(session.packed) : null,
          recordingRateSeconds: session.rate,
          averageHr: session.avgHr,
          durationSeconds: session.duration,
          physiology: context,
        });
        tx.update(exercises).set(toDerivedColumns(context, derived)).where(eq(exercises.id, session.id)).run();
      }
      count += batch.length;
      if (batch.length < RECOMPUTE_BATCH) break;
      afterId = batch[batch.length - 1].id;
    }
    return { sessionsRecomputed: count, overrides: input };
  });
}
