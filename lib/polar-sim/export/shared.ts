/** Pieces shared by the archive's file renderers. */
import type { JsonObject } from "@/lib/polar-sim/contract";
import type { AthleteModel, PhysicalEntry } from "@/lib/polar-sim/generator/model";
import { formatIsoDuration, formatLocalDateTime } from "@/lib/polar-sim/generator/time";

/** Stands for a bare `NaN` token until `toExportJson` writes the text (JSON itself cannot hold one). */
export const BARE_NAN = "\u0000bare-NaN\u0000";
const BARE_NAN_JSON = JSON.stringify(BARE_NAN);

/** The file's text: JSON with Polar's invalid bare `NaN` tokens where `BARE_NAN` stood (§6 quirk 1). */
export function toExportJson(value: unknown): string {
  return JSON.stringify(value).split(BARE_NAN_JSON).join("NaN");
}

/** The profile setting in force on `day` (before the first change: the first entry's values). */
export function getPhysicalEntryAt(model: AthleteModel, day: number): PhysicalEntry {
  const entries = model.listPhysicalInfoEntries();
  let current = entries[0];
  for (const entry of entries) if (entry.day <= day) current = entry;
  return current;
}

/** The profile snapshot repeated in every session and activity file: settings, keyed `"weight, kg"` (§5). */
export function physicalSnapshot(model: AthleteModel, day: number): JsonObject {
  const spec = model.spec;
  const entry = getPhysicalEntryAt(model, day);
  return {
    dateTime: `${formatLocalDateTime(model.toUtcAt(day, 0), model.getOffsetAt(model.toUtcAt(day, 0)))}.000`,
    sex: spec.gender,
    birthday: spec.birthdate,
    "height, cm": spec.height,
    "weight, kg": entry.weight,
    vo2Max: entry.vo2Max,
    maximumHeartRate: entry.hrMax,
    restingHeartRate: entry.hrRest,
    aerobicThreshold: Math.round(entry.hrRest + 0.7 * (entry.hrMax - entry.hrRest)),
    anaerobicThreshold: Math.round(entry.hrRest + 0.88 * (entry.hrMax - entry.hrRest)),
    functionalThresholdPower: spec.ftp,
    sleepGoal: formatIsoDuration(spec.sleepGoal),
  };
}
