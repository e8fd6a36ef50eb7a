/**
 * Acute:chronic workload ratio (metrics.md §5): rolling coupled/uncoupled forms and EWMA 7/28.
 * Calendar days, rest days 0. Every ratio is null before day `chronicDays` and on a zero denominator.
 */
import { divideOrNull, sumValues } from "./stats";

export type AcwrOptions = {
  /** Acute window, days (default 7). */
  acuteDays?: number;
  /** Chronic window, days (default 28). */
  chronicDays?: number;
  /** Day number of loads[0] in the athlete's series (default 1): the day gates count from day 1. */
  firstDay?: number;
  /** EWMA state of the day before loads[0] (a resumed computation); default: seeded with day 1's load. */
  seed?: EwmaState;
  /** EWMA values already known for the first days: day i < known.length takes known[i]. */
  known?: readonly EwmaState[];
  /** Days before this index are not shown (a resumed computation's warm-up): EWMA only, no rolling windows. */
  skipBefore?: number;
};

export type EwmaState = { ewmaAcute: number; ewmaChronic: number };

export type AcwrPoint = {
  /** Mean load of the 7 days ending today; null before day 7. */
  acute7: number | null;
  /** Mean load of the 28 days ending today ("coupled"); null before day 28. */
  chronic28: number | null;
  /** Mean load of the 21 days before the acute week ("uncoupled"); null before day 28. */
  chronic21: number | null;
  /** acute7 / chronic28; null before day 28 or on a zero denominator. */
  coupled: number | null;
  /** acute7 / chronic21; null before day 28 or on a zero denominator. */
  uncoupled: number | null;
  /** EWMA with λ = 2/(7+1), seeded with day 1's load (exists from day 1). */
  ewmaAcute: number;
  /** EWMA with λ = 2/(28+1), seeded with day 1's load. */
  ewmaChronic: number;
  /** ewmaAcute / ewmaChronic — the ratio the risk rules use; null before day 28 or on a zero denominator. */
  ewma: number | null;
};

/** `λ = 2 / (N + 1)`. */
export function computeEwmaLambda(days: number): number {
  return 2 / (days + 1);
}

/** Sum of `loads[from..to]` inclusive, summed from the window itself so an all-zero window is exactly 0. */
function sumWindow(loads: readonly number[], from: number, to: number): number {
  return sumValues(loads.slice(Math.max(0, from), to + 1));
}

/** ACWR in every form for each day of a gap-free daily load series. O(n × chronicDays). */
export function computeAcwr(loads: readonly number[], options: AcwrOptions = {}): AcwrPoint[] {
  const acuteDays = options.acuteDays ?? 7;
  const chronicDays = options.chronicDays ?? 28;
  const lambdaAcute = computeEwmaLambda(acuteDays);
  const lambdaChronic = computeEwmaLambda(chronicDays);
  const points: AcwrPoint[] = [];
  const firstDay = options.firstDay ?? 1;
  const known = options.known ?? [];
  let ewmaAcute = options.seed?.ewmaAcute ?? 0;
  let ewmaChronic = options.seed?.ewmaChronic ?? 0;
  for (let i = 0; i < loads.length; i += 1) {
    const day = firstDay + i;
    if (i < known.length) {
      ewmaAcute = known[i].ewmaAcute;
      ewmaChronic = known[i].ewmaChronic;
    } else if (i === 0 && options.seed === undefined) {
      ewmaAcute = loads[0];
      ewmaChronic = loads[0];
    } else {
      ewmaAcute = lambdaAcute * loads[i] + (1 - lambdaAcute) * ewmaAcute;
      ewmaChronic = lambdaChronic * loads[i] + (1 - lambdaChronic) * ewmaChronic;
    }
    const hasWindows = i >= (options.skipBefore ?? 0);
    const acuteSum = hasWindows && day >= acuteDays ? sumWindow(loads, i - acuteDays + 1, i) : null;
    const acute7 = acuteSum === null ? null : acuteSum / acuteDays;
    const hasChronic = day >= chronicDays;
    const chronicSum = hasWindows && hasChronic ? sumWindow(loads, i - chronicDays + 1, i) : null;
    const earlierSum = hasWindows && hasChronic ? sumWindow(loads, i - chronicDays + 1, i - acuteDays) : null;
    const chronic28 = chronicSum === null ? null : chronicSum / chronicDays;
    const chronic21 = earlierSum === null ? null : earlierSum / (chronicDays - acuteDays);
    points.push({
      acute7,
      chronic28,
      chronic21,
      coupled: hasChronic ? divideOrNull(acute7, chronic28) : null,
      uncoupled: hasChronic ? divideOrNull(acute7, chronic21) : null,
      ewmaAcute,
      ewmaChronic,
      ewma: hasChronic ? divideOrNull(ewmaAcute, ewmaChronic) : null,
    });
  }
  return points;
}

/** Display band of an ACWR: < 0.8 low, [0.8, 1.3) usual range, [1.3, 1.5) rising, ≥ 1.5 spike. */
export type AcwrBand = "low" | "usual" | "rising" | "spike";

export function classifyAcwrBand(
  ratio: number | null,
  cutPoints: { low: number; amber: number; red: number } = { low: 0.8, amber: 1.3, red: 1.5 },
): AcwrBand | null {
  if (ratio === null) return null;
  if (ratio >= cutPoints.red) return "spike";
  if (ratio >= cutPoints.amber) return "rising";
  if (ratio >= cutPoints.low) return "usual";
  return "low";
}
