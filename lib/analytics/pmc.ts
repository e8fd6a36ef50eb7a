/**
 * Fitness, fatigue and form — the performance management chart (metrics.md §4).
 * Gain 1 − e^(−1/τ) (GoldenCheetah's), TSB from yesterday's values, seed = mean of the first 7 days.
 */
import { computeMean } from "./stats";

/** EWMA gain per day for time constant τ (days): `1 − e^(−1/τ)`. */
export function computePmcGain(tauDays: number): number {
  if (!(tauDays > 0)) throw new RangeError(`time constant must be positive, got ${tauDays}`);
  return 1 - Math.exp(-1 / tauDays);
}

export type PmcSeed = { ctl: number; atl: number };

export type PmcOptions = {
  /** CTL time constant, days (default 42). */
  ctlDays?: number;
  /** ATL time constant, days (default 7). */
  atlDays?: number;
  /**
   * CTL_0 and ATL_0. A number seeds both. Default: mean daily load of the first min(7, n) days, so TSB on
   * day 1 is 0. Pass real prior values when earlier history exists, or 0 for a cold start.
   */
  seed?: number | PmcSeed;
  /**
   * CTL/ATL already known for the first days (a resumed computation, lib/analytics/daily-series.ts): day i <
   * known.length takes known[i] instead of the recursion, which continues from the last of them. The seed is
   * then the state of the day before day 0.
   */
  known?: readonly PmcSeed[];
};

export type PmcPoint = {
  /** Chronic training load (fitness), load units per day. */
  ctl: number;
  /** Acute training load (fatigue), load units per day. */
  atl: number;
  /** Form: yesterday's CTL − yesterday's ATL. */
  tsb: number;
  /** CTL_d − CTL_{d−7} (CTL before day 1 = seed). */
  ramp: number;
};

/** The default seed: mean of the first min(7, n) daily loads; 0 for an empty series. */
export function computeDefaultPmcSeed(loads: readonly number[]): number {
  return computeMean(loads.slice(0, 7)) ?? 0;
}

/** CTL, ATL, TSB and ramp for each day of a gap-free daily load series (day 1 first). O(n). */
export function computePmc(loads: readonly number[], options: PmcOptions = {}): PmcPoint[] {
  const kCtl = computePmcGain(options.ctlDays ?? 42);
  const kAtl = computePmcGain(options.atlDays ?? 7);
  const rawSeed = options.seed ?? computeDefaultPmcSeed(loads);
  const seed: PmcSeed = typeof rawSeed === "number" ? { ctl: rawSeed, atl: rawSeed } : rawSeed;
  const points: PmcPoint[] = [];
  let ctl = seed.ctl;
  let atl = seed.atl;
  const known = options.known ?? [];
  for (let i = 0; i < loads.length; i += 1) {
    const tsb = ctl - atl;
    if (i < known.length) {
      ctl = known[i].ctl;
      atl = known[i].atl;
    } else {
      ctl += kCtl * (loads[i] - ctl);
      atl += kAtl * (loads[i] - atl);
    }
    const weekAgo = i - 7 >= 0 ? points[i - 7].ctl : seed.ctl;
    points.push({ ctl, atl, tsb, ramp: ctl - weekAgo });
  }
  return points;
}

/**
 * Whether CTL on day `dayIndex` of the series (day 1 = its first day) still leans mostly on the seed
 * (metrics.md §4): the seed's weight in CTL on day n is e^(−n/τ), above 1/e for the first τ_CTL (42) days.
 */
export function isPmcSeedDominant(dayIndex: number, ctlDays = 42): boolean {
  return dayIndex >= 1 && dayIndex <= ctlDays;
}
