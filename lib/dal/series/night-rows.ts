import { sleeps } from "@/db/schema/polar-data";
import type { SleepNightInput } from "@/lib/analytics";
import { unpackTimedValues } from "@/lib/sync/pack";
import type { NightExtrasDTO } from "../dto";

/**
 * Stored nights → the analytics' night inputs and the display extras. Shared by the athlete's own series
 * and the coach's (lib/dal/series/load.ts), so every series reads a night the same way.
 */

/** The sleep columns both series read (seconds; UTC instants in ms). */
export type StoredSleepRow = {
  light: number | null;
  deep: number | null;
  rem: number | null;
  unrecognized: number | null;
  interruptions: number | null;
  shortInterruptions: number | null;
  longInterruptions: number | null;
  startUtcMs: number;
  endUtcMs: number;
  score: number | null;
  charge: number | null;
};

/** The sleep columns both series select (spread into a `db.select({...})`), matching StoredSleepRow. */
export const STORED_SLEEP_COLUMNS = {
  startUtcMs: sleeps.startUtcMs,
  endUtcMs: sleeps.endUtcMs,
  light: sleeps.lightSleepSeconds,
  deep: sleeps.deepSleepSeconds,
  rem: sleeps.remSleepSeconds,
  unrecognized: sleeps.unrecognizedSleepSeconds,
  interruptions: sleeps.totalInterruptionSeconds,
  shortInterruptions: sleeps.shortInterruptionSeconds,
  longInterruptions: sleeps.longInterruptionSeconds,
  score: sleeps.sleepScore,
  charge: sleeps.sleepCharge,
  goal: sleeps.sleepGoalSeconds,
};

export const EMPTY_NIGHT_EXTRAS: NightExtrasDTO = {
  sleepScore: null,
  sleepCharge: null,
  lightMinutes: null,
  deepMinutes: null,
  remMinutes: null,
  unrecognizedMinutes: null,
  ansCharge: null,
  ansChargeStatus: null,
  nightlyRechargeStatus: null,
  rmssdMs: null,
};

const toMinutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);

/** The night's stage durations for metrics §9, or null when Polar gave no stages. */
export function toSleepNightInput(row: StoredSleepRow): SleepNightInput | null {
  if (row.light === null || row.deep === null || row.rem === null) return null;
  return {
    lightSleepSeconds: row.light,
    deepSleepSeconds: row.deep,
    remSleepSeconds: row.rem,
    unrecognizedSleepSeconds: row.unrecognized ?? 0,
    totalInterruptionSeconds: row.interruptions ?? 0,
    shortInterruptionSeconds: row.shortInterruptions,
    longInterruptionSeconds: row.longInterruptions,
    spanSeconds: (row.endUtcMs - row.startUtcMs) / 1000,
  };
}

/** Polar's own per-night values, shown as given (metrics §9.1). */
export function toSleepExtras(row: StoredSleepRow): NightExtrasDTO {
  return {
    ...EMPTY_NIGHT_EXTRAS,
    sleepScore: row.score,
    sleepCharge: row.charge,
    lightMinutes: toMinutes(row.light),
    deepMinutes: toMinutes(row.deep),
    remMinutes: toMinutes(row.rem),
    unrecognizedMinutes: toMinutes(row.unrecognized),
  };
}

/** Mean of valid sleep HR samples in [onset + 30 min, onset + 270 min) by UTC instant (metrics §7.1 fallback). */
export function computeSleepWindowMean(packed: string, baseUtcMs: number, onsetUtcMs: number): number | null {
  const from = onsetUtcMs + 30 * 60_000;
  const to = onsetUtcMs + 270 * 60_000;
  let total = 0;
  let count = 0;
  for (const sample of unpackTimedValues(packed, baseUtcMs)) {
    if (sample.value === null || !(sample.value > 0)) continue;
    if (sample.utcMs >= from && sample.utcMs < to) {
      total += sample.value;
      count += 1;
    }
  }
  return count > 0 ? total / count : null;
}
