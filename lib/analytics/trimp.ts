/**
 * Session load: Banister TRIMP and Edwards TRIMP (metrics.md §2.1, §2.2).
 */
import type { HeartRateSample, TimeInZones } from "./zones";
import { isValidHeartRate, splitHeldSegments } from "./zones";

export type Sex = "male" | "female";

/** Banister's weighting constants: TRIMP = Σ minutes × x × a × e^(b·x). */
export const BANISTER_CONSTANTS: Record<Sex, { a: number; b: number }> = {
  male: { a: 0.64, b: 1.92 },
  female: { a: 0.86, b: 1.67 },
};

export type BanisterParams = {
  /** bpm */
  hrrest: number;
  /** bpm */
  hrmax: number;
  sex: Sex;
};

/** How a TRIMP value was obtained; `mean-hr` under-estimates (convex weighting) and is shown as a fallback. */
export type TrimpMethod = "segments" | "mean-hr";

export type BanisterResult = {
  /** Banister TRIMP, arbitrary units. */
  trimp: number;
  method: TrimpMethod;
  /** Minutes that carried a valid HR. */
  minutes: number;
  /** Highest heart-rate-reserve fraction seen; above 1 means HR exceeded HRmax. */
  maxFraction: number | null;
  /** HR above HRmax was seen (x > 1, not clamped): suggest raising HRmax. */
  exceedsHrmax: boolean;
};

function assertParams(params: BanisterParams): void {
  if (!(params.hrmax > params.hrrest) || !(params.hrrest >= 0)) {
    throw new RangeError(`Banister TRIMP needs 0 <= HRrest < HRmax, got ${params.hrrest} / ${params.hrmax}`);
  }
}

/** Fraction of heart-rate reserve, `max(0, (HR − HRrest) / (HRmax − HRrest))`; no upper clamp. */
export function computeHeartRateReserveFraction(hr: number, hrrest: number, hrmax: number): number {
  return Math.max(0, (hr - hrrest) / (hrmax - hrrest));
}

/** Banister weight of one minute at fraction x: `x × a × e^(b·x)`. */
export function computeBanisterWeight(x: number, sex: Sex): number {
  const { a, b } = BANISTER_CONSTANTS[sex];
  return x * a * Math.exp(b * x);
}

/** A segment of `minutes` at one HR (bpm; null/0/negative = invalid, contributes 0). */
export type TrimpSegment = { minutes: number; hr: number | null };

/** Banister TRIMP summed per segment — the method (§2.1). */
export function computeBanisterTrimp(segments: readonly TrimpSegment[], params: BanisterParams): BanisterResult {
  assertParams(params);
  let trimp = 0;
  let minutes = 0;
  let maxFraction: number | null = null;
  for (const segment of segments) {
    if (!isValidHeartRate(segment.hr) || !(segment.minutes > 0)) continue;
    const x = computeHeartRateReserveFraction(segment.hr, params.hrrest, params.hrmax);
    trimp += segment.minutes * computeBanisterWeight(x, params.sex);
    minutes += segment.minutes;
    maxFraction = maxFraction === null ? x : Math.max(maxFraction, x);
  }
  return { trimp, method: "segments", minutes, maxFraction, exceedsHrmax: maxFraction !== null && maxFraction > 1 };
}

/** Banister TRIMP of Polar's fixed-rate HR series: each valid sample is `recordingRate / 60` minutes. */
export function computeBanisterTrimpFixedRate(
  values: readonly (number | null)[],
  recordingRateSeconds: number,
  params: BanisterParams,
): BanisterResult {
  if (!(recordingRateSeconds > 0)) throw new RangeError(`recording rate must be positive, got ${recordingRateSeconds}`);
  const minutes = recordingRateSeconds / 60;
  return computeBanisterTrimp(
    values.map((hr) => ({ minutes, hr })),
    params,
  );
}

/** Banister TRIMP of irregular samples, each weighted by its held duration (§1.2 sample-and-hold). */
export function computeBanisterTrimpFromSamples(
  samples: readonly HeartRateSample[],
  params: BanisterParams,
  options: { endSeconds: number; startSeconds?: number; maxHoldSeconds?: number; recordingRateSeconds?: number | null },
): BanisterResult {
  const { segments } = splitHeldSegments(samples, options);
  return computeBanisterTrimp(
    segments.map((s) => ({ minutes: s.heldSeconds / 60, hr: s.hr })),
    params,
  );
}

/**
 * Fallback for sessions with an average HR and no samples: the formula at the mean HR. Marked `mean-hr`
 * because it gives less than per-segment summation.
 */
export function computeBanisterTrimpFromMeanHr(
  durationMinutes: number,
  meanHr: number,
  params: BanisterParams,
): BanisterResult {
  return { ...computeBanisterTrimp([{ minutes: durationMinutes, hr: meanHr }], params), method: "mean-hr" };
}

/**
 * Edwards TRIMP = Σ minutes in zone k × k over Z1..Z5 (Z0 and no data weigh 0).
 * @param minutesZ1toZ5 five values, minutes in Z1 … Z5.
 */
export function computeEdwardsTrimp(minutesZ1toZ5: readonly number[]): number {
  if (minutesZ1toZ5.length !== 5) throw new RangeError(`expected minutes for Z1..Z5, got ${minutesZ1toZ5.length} values`);
  let total = 0;
  minutesZ1toZ5.forEach((minutes, i) => {
    total += minutes * (i + 1);
  });
  return total;
}

/** Edwards TRIMP from §1.2 zone times (seconds). */
export function computeEdwardsTrimpFromZoneTimes(times: TimeInZones): number {
  return computeEdwardsTrimp(times.zones.slice(1).map((s) => s / 60));
}
