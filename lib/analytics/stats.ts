/** Small numeric helpers shared by the metrics. Every function returns `null` rather than NaN or Infinity. */

export function sumValues(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function computeMean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sumValues(values) / values.length;
}

/** Sample SD (divide by n − 1), the convention everywhere except monotony (metrics.md §0). */
export function computeSampleSd(values: readonly number[]): number | null {
  const m = computeMean(values);
  if (m === null || values.length < 2) return null;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Population SD (divide by n), used only by monotony (metrics.md §2.3). */
export function computePopulationSd(values: readonly number[]): number | null {
  const m = computeMean(values);
  if (m === null) return null;
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / values.length);
}

/**
 * True when an SD is zero up to floating-point noise. Seven loads of 0.1 have a mean that is one ulp off
 * 0.1, which would otherwise turn "no variation" into a monotony of ~1e16.
 */
export function isNegligibleSd(sd: number, scale: number): boolean {
  return sd <= 1e-9 * Math.max(1, Math.abs(scale));
}

/** `numerator / denominator`, or `null` for a zero, null or non-finite denominator (metrics.md §0 "ratios"). */
export function divideOrNull(numerator: number | null, denominator: number | null): number | null {
  if (numerator === null || denominator === null) return null;
  if (denominator === 0 || !Number.isFinite(denominator) || !Number.isFinite(numerator)) return null;
  return numerator / denominator;
}

/** Valid (non-null, finite) values of `series[from..to]` inclusive, indices clipped to the series. */
export function collectWindow(series: readonly (number | null)[], from: number, to: number): number[] {
  const values: number[] = [];
  const start = Math.max(0, from);
  const end = Math.min(series.length - 1, to);
  for (let i = start; i <= end; i += 1) {
    const v = series[i];
    if (v !== null && Number.isFinite(v)) values.push(v);
  }
  return values;
}
