/**
 * Session-RPE (metrics.md §2.3): RPE on the CR-10 scale × duration in minutes, arbitrary units.
 */

/** Polar's `user-rpe` enum (Training Load Pro). */
export type PolarRpe =
  | "UNKNOWN"
  | "RPE_NONE"
  | "RPE_EASY"
  | "RPE_LIGHT"
  | "RPE_FAIRLY_BRISK"
  | "RPE_BRISK"
  | "RPE_MODERATE"
  | "RPE_FAIRLY_HARD"
  | "RPE_HARD"
  | "RPE_EXHAUSTING"
  | "RPE_EXTREME";

/**
 * Explicit enum → CR-10 number table. Polar publishes no numeric mapping; the ten rated levels are taken
 * in their documented order, `RPE_NONE` = 0 (no exertion). `UNKNOWN` (not rated) has no number: no sRPE.
 */
export const POLAR_RPE_TO_CR10: Record<PolarRpe, number | null> = {
  UNKNOWN: null,
  RPE_NONE: 0,
  RPE_EASY: 1,
  RPE_LIGHT: 2,
  RPE_FAIRLY_BRISK: 3,
  RPE_BRISK: 4,
  RPE_MODERATE: 5,
  RPE_FAIRLY_HARD: 6,
  RPE_HARD: 7,
  RPE_EXHAUSTING: 8,
  RPE_EXTREME: 9,
};

/** CR-10 value of a Polar RPE string; `null` for `UNKNOWN` or any value outside the enum. */
export function mapPolarRpe(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Object.prototype.hasOwnProperty.call(POLAR_RPE_TO_CR10, value) ? POLAR_RPE_TO_CR10[value as PolarRpe] : null;
}

/**
 * sRPE in AU = RPE (0–10) × duration (minutes); `null` without an RPE.
 * @throws RangeError for an RPE outside 0–10 or a negative duration.
 */
export function computeSessionRpe(rpe: number | null, durationMinutes: number): number | null {
  if (rpe === null) return null;
  if (!(rpe >= 0 && rpe <= 10)) throw new RangeError(`RPE must be on the CR-10 scale (0–10), got ${rpe}`);
  if (!(durationMinutes >= 0)) throw new RangeError(`duration must be >= 0 minutes, got ${durationMinutes}`);
  return rpe * durationMinutes;
}
