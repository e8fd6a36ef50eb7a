/**
 * Cardio-load status (metrics.md §6): Polar's own status shown as given; otherwise an estimate from the
 * daily load series with unpublished (third-party attributed) cut-points.
 */
import type { PolarCardioLoadStatus } from "@/lib/polar/schemas/cardio-load";
import type { PolarCardioLoadDay } from "./load-series";
import { divideOrNull } from "./stats";

/** Cut-points of the computed status (unverified, configurable). */
export type CardioStatusCutPoints = {
  /** ratio < this → DETRAINING (default 0.8). */
  detrainingBelow: number;
  /** ratio < this → MAINTAINING (default 1.0). */
  maintainingBelow: number;
  /** ratio ≤ this → PRODUCTIVE, above → OVERREACHING (default 1.3). */
  productiveMax: number;
};

export const DEFAULT_CARDIO_STATUS_CUT_POINTS: CardioStatusCutPoints = {
  detrainingBelow: 0.8,
  maintainingBelow: 1.0,
  productiveMax: 1.3,
};

export const ESTIMATED_STATUS_LABEL = "estimated — thresholds not published by Polar";

export type CardioLoadStatusResult = {
  /** `polar`: Polar's values as given; `computed`: our estimate from the daily load series. */
  source: "polar" | "computed";
  status: PolarCardioLoadStatus;
  /** Mean daily load of the last 7 days. */
  strain: number | null;
  /** Mean daily load of the last 28 days. */
  tolerance: number | null;
  /** strain ÷ tolerance. */
  ratio: number | null;
  /** True for computed statuses: the UI labels them with `ESTIMATED_STATUS_LABEL`. */
  estimated: boolean;
};

/** Status of a computed ratio; the transition states are never computed. */
export function classifyCardioLoadRatio(
  ratio: number | null,
  cutPoints: CardioStatusCutPoints = DEFAULT_CARDIO_STATUS_CUT_POINTS,
): PolarCardioLoadStatus {
  if (ratio === null) return "LOAD_STATUS_NOT_AVAILABLE";
  if (ratio < cutPoints.detrainingBelow) return "DETRAINING";
  if (ratio < cutPoints.maintainingBelow) return "MAINTAINING";
  if (ratio <= cutPoints.productiveMax) return "PRODUCTIVE";
  return "OVERREACHING";
}

/**
 * Polar stores zeros in the numeric fields of `LOAD_STATUS_NOT_AVAILABLE` days; these mean "unknown".
 * @returns the day with those numbers as null.
 */
export function normalizePolarCardioLoadDay(day: PolarCardioLoadDay): PolarCardioLoadDay {
  if (day.status !== "LOAD_STATUS_NOT_AVAILABLE") return day;
  return { ...day, cardioLoad: null, strain: null, tolerance: null, ratio: null };
}

/**
 * The day's cardio-load status.
 * @param polarDay Polar's resource for the day, if any; used as given unless its status is not available.
 * @param computed strain = mean load of 7 days ending d, tolerance = of 28 days; null before day 28.
 */
export function computeCardioLoadStatus(
  polarDay: PolarCardioLoadDay | null,
  computed: { strain: number | null; tolerance: number | null },
  cutPoints: CardioStatusCutPoints = DEFAULT_CARDIO_STATUS_CUT_POINTS,
): CardioLoadStatusResult {
  if (polarDay && polarDay.status !== "LOAD_STATUS_NOT_AVAILABLE") {
    return {
      source: "polar",
      status: polarDay.status,
      strain: polarDay.strain,
      tolerance: polarDay.tolerance,
      ratio: polarDay.ratio,
      estimated: false,
    };
  }
  const hasWindow = computed.strain !== null && computed.tolerance !== null;
  const ratio = hasWindow ? divideOrNull(computed.strain, computed.tolerance) : null;
  return {
    source: "computed",
    status: classifyCardioLoadRatio(ratio, cutPoints),
    strain: hasWindow ? computed.strain : null,
    tolerance: hasWindow ? computed.tolerance : null,
    ratio,
    estimated: true,
  };
}
