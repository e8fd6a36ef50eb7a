/**
 * Resting heart rate (metrics.md §7): the nightly value, its trailing baseline and the elevated flag.
 */
import { collectWindow, computeMean, computeSampleSd } from "./stats";

/** Where a night's RHR came from: Nightly Recharge `heart_rate_avg`, or the sleep-sample window mean. */
export type RhrSource = "nightly-recharge" | "sleep-samples";

export type NightlyRhr = { value: number; source: RhrSource };

/**
 * Minutes of the local clock from `HH:MM`, or from the clock part of an ISO date-time as written
 * (`2024-05-02T23:12:30+03:00` → 23:12); seconds are dropped (minute precision).
 */
export function parseClockMinutes(value: string): number {
  const match = /(?:^|T)(\d{2}):(\d{2})/.exec(value);
  if (!match) throw new RangeError(`no HH:MM clock time in ${value}`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) throw new RangeError(`invalid clock time ${value}`);
  return hours * 60 + minutes;
}

export type SleepHeartRateSummary = {
  /** Lowest valid 5-minute sample of the night (bpm); shown apart, never used in the RHR baseline. */
  lowest: number | null;
  /** Mean HR (bpm) of the samples in [onset + 30 min, onset + 270 min); null when none. */
  windowMean: number | null;
  /** Valid samples inside the window. */
  windowCount: number;
};

/**
 * Summary of a sleep's `heart_rate_samples` (`{"HH:MM": bpm}`), the fallback for RHR.
 * Keys are unwrapped across midnight relative to the onset; samples ≤ 0 are ignored.
 * @param onset `HH:MM` or the sleep's `sleep_start_time` (its local clock is used).
 */
export function summarizeSleepHeartRate(
  onset: string,
  samples: Readonly<Record<string, number | null>>,
  window: { startMinutes: number; lengthMinutes: number } = { startMinutes: 30, lengthMinutes: 240 },
): SleepHeartRateSummary {
  const onsetMinutes = parseClockMinutes(onset);
  let lowest: number | null = null;
  const inWindow: number[] = [];
  for (const [clock, hr] of Object.entries(samples)) {
    if (hr === null || !Number.isFinite(hr) || hr <= 0) continue;
    lowest = lowest === null ? hr : Math.min(lowest, hr);
    const sinceOnset = (parseClockMinutes(clock) - onsetMinutes + 1440) % 1440;
    if (sinceOnset >= window.startMinutes && sinceOnset < window.startMinutes + window.lengthMinutes) inWindow.push(hr);
  }
  return { lowest, windowMean: computeMean(inWindow), windowCount: inWindow.length };
}

/** §7.1: Nightly Recharge average HR when present, else the sleep-sample window mean; null when neither. */
export function selectNightlyRhr(
  nightlyRechargeHeartRateAvg: number | null | undefined,
  sleepWindowMean: number | null | undefined,
): NightlyRhr | null {
  if (typeof nightlyRechargeHeartRateAvg === "number" && nightlyRechargeHeartRateAvg > 0) {
    return { value: nightlyRechargeHeartRateAvg, source: "nightly-recharge" };
  }
  if (typeof sleepWindowMean === "number" && sleepWindowMean > 0) return { value: sleepWindowMean, source: "sleep-samples" };
  return null;
}

export type RhrParams = {
  /** Calendar nights before the judged night that form the baseline (default 30). */
  windowNights: number;
  /** Valid nights the baseline needs (default 14). */
  minNights: number;
  /** Elevated when delta ≥ this many bpm (default 5). */
  deltaBpm: number;
  /** …or when z ≥ this (default 1.0). */
  z: number;
  /** Consecutive elevated nights that make the flag persistent (default 2). */
  persistenceNights: number;
  /** Optional hardening, off (null) by default: the z rule also needs delta ≥ this many bpm. */
  minDeltaWithZ: number | null;
  /** Optional hardening, off (null) by default: the SD used for z is at least this (bpm). */
  sdFloor: number | null;
};

export const DEFAULT_RHR_PARAMS: RhrParams = {
  windowNights: 30,
  minNights: 14,
  deltaBpm: 5,
  z: 1.0,
  persistenceNights: 2,
  minDeltaWithZ: null,
  sdFloor: null,
};

export type RhrDay = {
  /** The night's RHR (bpm), null when not measured. */
  rhr: number | null;
  /** Valid nights in the baseline window (reported even below the minimum, for "n of 14"). */
  baselineN: number;
  /** Baseline mean (bpm) of the nights before; null below the minimum. */
  baselineMean: number | null;
  /** Baseline sample SD (bpm); null below the minimum. */
  baselineSd: number | null;
  /** rhr − baseline mean (bpm). */
  delta: number | null;
  /** delta / baseline SD; null when SD is 0. */
  z: number | null;
  /** null when not judgeable (no value or no baseline). */
  elevated: boolean | null;
  /** Consecutive elevated nights ending tonight; a missing night or null baseline resets it. */
  streak: number;
  persistent: boolean;
};

/**
 * RHR baseline, delta, z and streak for each calendar night of a gap-free series (index 0 = day 1;
 * null = missing night). The baseline is the `windowNights` nights **before** the night, never including it.
 * O(n × windowNights).
 */
export function computeRhrSeries(
  nights: readonly (number | null)[],
  params: RhrParams = DEFAULT_RHR_PARAMS,
  /** Streaks already known for the first nights (a resumed computation); the count continues from the last. */
  knownStreaks: readonly number[] = [],
  /** The streak of the night before the first (a resumed computation); 0 by default. */
  initialStreak = 0,
  /** Nights before this index are neither judged nor shown (a resumed computation's warm-up): no baseline. */
  skipBefore = 0,
): RhrDay[] {
  const days: RhrDay[] = [];
  let streak = initialStreak;
  for (let i = 0; i < nights.length; i += 1) {
    const rhr = nights[i];
    if (i < skipBefore && i < knownStreaks.length) {
      streak = knownStreaks[i];
      days.push({ rhr, baselineN: 0, baselineMean: null, baselineSd: null, delta: null, z: null, elevated: null, streak, persistent: streak >= params.persistenceNights });
      continue;
    }
    const window = collectWindow(nights, i - params.windowNights, i - 1);
    const hasBaseline = window.length >= params.minNights;
    const baselineMean = hasBaseline ? computeMean(window) : null;
    const baselineSd = hasBaseline ? computeSampleSd(window) : null;
    const delta = rhr !== null && baselineMean !== null ? rhr - baselineMean : null;
    const sdForZ = baselineSd === null ? null : Math.max(baselineSd, params.sdFloor ?? 0);
    const z = delta !== null && sdForZ !== null && sdForZ > 0 ? delta / sdForZ : null;
    let elevated: boolean | null = null;
    if (delta !== null) {
      const byZ = z !== null && z >= params.z && (params.minDeltaWithZ === null || delta >= params.minDeltaWithZ);
      elevated = delta >= params.deltaBpm || byZ;
    }
    streak = i < knownStreaks.length ? knownStreaks[i] : elevated === true ? streak + 1 : 0;
    days.push({
      rhr,
      baselineN: window.length,
      baselineMean,
      baselineSd,
      delta,
      z,
      elevated,
      streak,
      persistent: streak >= params.persistenceNights,
    });
  }
  return days;
}
