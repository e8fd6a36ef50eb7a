/**
 * Derived sleep metrics and sleep debt (metrics.md §9.2, §9.3). Polar's own scores are displayed, never
 * recomputed. Inputs in seconds (as Polar sends them), outputs in minutes and %.
 */
import { divideOrNull } from "./stats";

/** One night of Polar sleep, durations in seconds. */
export type SleepNightInput = {
  lightSleepSeconds: number;
  deepSleepSeconds: number;
  remSleepSeconds: number;
  unrecognizedSleepSeconds: number;
  totalInterruptionSeconds: number;
  shortInterruptionSeconds?: number | null;
  longInterruptionSeconds?: number | null;
  /** sleep_end_time − sleep_start_time, seconds (see `computeSleepSpanSeconds`). */
  spanSeconds: number;
};

export type StageShares = { light: number; deep: number; rem: number };

export type SleepNightMetrics = {
  /** Falling asleep → waking up, minutes. */
  spanMinutes: number;
  /** light + deep + REM, minutes (unrecognised excluded). */
  stagedMinutes: number;
  /** Stage shares in % of staged time (headline); null when nothing was staged. */
  stagePercentOfStaged: StageShares | null;
  /** Stage shares in % of staged + unrecognised time; null when that is 0. */
  stagePercentOfAsleep: StageShares | null;
  /** span − total interruptions, minutes. */
  actualSleepMinutes: number;
  /** actual sleep / span × 100 ("sleep efficiency", relative to Polar's span, not time in bed). */
  actualSleepPercent: number | null;
  /** Interruptions in minutes: total, short (< 90 s), long (≥ 90 s) as Polar reports them. */
  interruptions: { totalMinutes: number; shortMinutes: number | null; longMinutes: number | null };
};

function toShares(light: number, deep: number, rem: number, denominator: number): StageShares | null {
  const l = divideOrNull(light * 100, denominator);
  const d = divideOrNull(deep * 100, denominator);
  const r = divideOrNull(rem * 100, denominator);
  return l === null || d === null || r === null ? null : { light: l, deep: d, rem: r };
}

/** §9.2 metrics of one night. Actual sleep always uses span − total interruptions. */
export function computeSleepMetrics(night: SleepNightInput): SleepNightMetrics {
  const staged = night.lightSleepSeconds + night.deepSleepSeconds + night.remSleepSeconds;
  const asleep = staged + night.unrecognizedSleepSeconds;
  const actual = night.spanSeconds - night.totalInterruptionSeconds;
  const toMinutes = (s: number | null | undefined): number | null => (typeof s === "number" ? s / 60 : null);
  return {
    spanMinutes: night.spanSeconds / 60,
    stagedMinutes: staged / 60,
    stagePercentOfStaged: toShares(night.lightSleepSeconds, night.deepSleepSeconds, night.remSleepSeconds, staged),
    stagePercentOfAsleep: toShares(night.lightSleepSeconds, night.deepSleepSeconds, night.remSleepSeconds, asleep),
    actualSleepMinutes: actual / 60,
    actualSleepPercent: night.spanSeconds > 0 ? (actual / night.spanSeconds) * 100 : null,
    interruptions: {
      totalMinutes: night.totalInterruptionSeconds / 60,
      shortMinutes: toMinutes(night.shortInterruptionSeconds),
      longMinutes: toMinutes(night.longInterruptionSeconds),
    },
  };
}

/**
 * Seconds between two ISO date-times that carry their offset (Polar's `sleep_start_time`/`sleep_end_time`).
 * An instant without an offset would be read in the server's zone, so it is rejected.
 */
export function computeSleepSpanSeconds(start: string, end: string): number {
  const withOffset = /(?:Z|[+-]\d{2}:?\d{2})$/;
  if (!withOffset.test(start) || !withOffset.test(end)) throw new RangeError("sleep times need an explicit offset");
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) throw new RangeError(`unparseable sleep times ${start} / ${end}`);
  return (endMs - startMs) / 1000;
}

export const DEFAULT_SLEEP_NEED_MINUTES = 480;

export type SleepDebt = {
  /** Nights with data in the window. */
  validNights: number;
  /** Nights without data (skipped, never counted as zero sleep). */
  missingNights: number;
  /** Σ max(0, need − actual) over valid nights, minutes; null without any valid night. */
  grossMinutes: number | null;
  /** max(0, Σ (need − actual)), minutes — surplus nights pay back; null without any valid night. */
  netMinutes: number | null;
  /** gross / valid nights, minutes; null without any valid night. */
  grossPerValidNightMinutes: number | null;
};

/**
 * Sleep debt over a window of nights (7 ending d in the product).
 * @param actualSleepMinutes actual sleep per night, null = missing night.
 * @param needMinutes the athlete's sleep need (Polar sleep_goal), default 480.
 */
export function computeSleepDebt(
  actualSleepMinutes: readonly (number | null)[],
  needMinutes: number = DEFAULT_SLEEP_NEED_MINUTES,
): SleepDebt {
  let gross = 0;
  let net = 0;
  let validNights = 0;
  for (const actual of actualSleepMinutes) {
    if (actual === null || !Number.isFinite(actual)) continue;
    validNights += 1;
    gross += Math.max(0, needMinutes - actual);
    net += needMinutes - actual;
  }
  const hasData = validNights > 0;
  return {
    validNights,
    missingNights: actualSleepMinutes.length - validNights,
    grossMinutes: hasData ? gross : null,
    netMinutes: hasData ? Math.max(0, net) : null,
    grossPerValidNightMinutes: hasData ? gross / validNights : null,
  };
}
