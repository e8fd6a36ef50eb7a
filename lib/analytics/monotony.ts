/**
 * Monotony and strain (metrics.md §2.3), Foster's definitions with the population SD (divide by 7).
 */
import { computeMean, computePopulationSd, isNegligibleSd, sumValues } from "./stats";

export type MonotonyResult = {
  /** Σ of the window's daily loads (AU). */
  weeklyLoad: number;
  /** Mean daily load (AU/day). */
  mean: number;
  /** Population SD of the daily loads (AU/day). */
  sdPop: number;
  /** mean / SD_pop; `null` when SD is 0 (e.g. seven rest days). */
  monotony: number | null;
  /** weekly load × monotony; `null` with monotony. */
  strain: number | null;
};

/**
 * Monotony and strain of a 7-day window of daily loads (rest days included as 0).
 * @returns `null` for an empty window.
 */
export function computeMonotony(dailyLoads: readonly number[]): MonotonyResult | null {
  const m = computeMean(dailyLoads);
  const sd = computePopulationSd(dailyLoads);
  if (m === null || sd === null) return null;
  const weeklyLoad = sumValues(dailyLoads);
  const monotony = isNegligibleSd(sd, m) ? null : m / sd;
  return { weeklyLoad, mean: m, sdPop: sd, monotony, strain: monotony === null ? null : weeklyLoad * monotony };
}
