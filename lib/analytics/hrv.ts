/**
 * HRV as ln rMSSD (metrics.md §8): 7-night rolling mean and CV, 60-night baseline and normal range,
 * chronic (7-night mean below range) and acute (tonight below mean − 1 SD) flags.
 */
import { collectWindow, computeMean, computeSampleSd } from "./stats";

/** RMSSD (ms) of successive RR intervals (ms); null with fewer than 2 intervals. */
export function computeRmssd(rrIntervalsMs: readonly number[]): number | null {
  if (rrIntervalsMs.length < 2) return null;
  let squares = 0;
  for (let i = 1; i < rrIntervalsMs.length; i += 1) squares += (rrIntervalsMs[i] - rrIntervalsMs[i - 1]) ** 2;
  return Math.sqrt(squares / (rrIntervalsMs.length - 1));
}

/** ln of an RMSSD in ms; null for a missing or non-positive value. */
export function computeLnRmssd(rmssdMs: number | null | undefined): number | null {
  if (typeof rmssdMs !== "number" || !Number.isFinite(rmssdMs) || rmssdMs <= 0) return null;
  return Math.log(rmssdMs);
}

export type HrvParams = {
  /** Nights before the judged night forming the baseline (default 60). */
  baselineNights: number;
  /** Valid nights the baseline needs (default 14). */
  minBaselineNights: number;
  /** Nights of the rolling mean, including tonight (default 7). */
  rollingNights: number;
  /** Valid nights the rolling mean needs (default 3). */
  minRollingNights: number;
  /** Half-width of the normal range in baseline SDs (default 0.5). */
  bandSd: number;
  /** Acute drop threshold in baseline SDs below the mean (default 1.0). */
  acuteSd: number;
  /** Consecutive acute-low nights that count (default 2). */
  persistenceNights: number;
};

export const DEFAULT_HRV_PARAMS: HrvParams = {
  baselineNights: 60,
  minBaselineNights: 14,
  rollingNights: 7,
  minRollingNights: 3,
  bandSd: 0.5,
  acuteSd: 1.0,
  persistenceNights: 2,
};

export type HrvDay = {
  /** ln(rMSSD in ms) tonight; null when not measured. */
  lnRmssd: number | null;
  /** Valid nights in the rolling window. */
  rollingN: number;
  /** Mean ln rMSSD of the 7 nights ending tonight (≥ 3 valid), else null. */
  rolling7: number | null;
  /** 100 × sample SD / mean of the same values (%), else null. */
  cv7: number | null;
  /** Valid nights in the baseline window (reported even below the minimum). */
  baselineN: number;
  /** Mean ln rMSSD of the 60 nights before tonight (≥ 14 valid), else null. */
  baselineMean: number | null;
  /** Sample SD of the same values, else null. */
  baselineSd: number | null;
  /** baseline mean − 0.5 SD. */
  bandLow: number | null;
  /** baseline mean + 0.5 SD. */
  bandHigh: number | null;
  /** rolling7 below the normal range; null when either is missing. */
  chronicLow: boolean | null;
  /** tonight below baseline mean − 1 SD; null when tonight or the baseline is missing. */
  acuteLow: boolean | null;
  /** Consecutive acute-low nights; a missing night or null baseline resets it. */
  acuteStreak: number;
};

/**
 * HRV metrics for each calendar night of a gap-free ln rMSSD series (index 0 = day 1; null = missing).
 * O(n × baselineNights).
 */
export function computeHrvSeries(
  lnValues: readonly (number | null)[],
  params: HrvParams = DEFAULT_HRV_PARAMS,
  /** Acute-low streaks already known for the first nights (a resumed computation); the count continues from the last. */
  knownStreaks: readonly number[] = [],
  /** The streak of the night before the first (a resumed computation); 0 by default. */
  initialStreak = 0,
  /** Nights before this index are neither judged nor shown (a resumed computation's warm-up): no windows. */
  skipBefore = 0,
): HrvDay[] {
  const days: HrvDay[] = [];
  let acuteStreak = initialStreak;
  for (let i = 0; i < lnValues.length; i += 1) {
    const ln = lnValues[i];
    if (i < skipBefore && i < knownStreaks.length) {
      acuteStreak = knownStreaks[i];
      days.push({ lnRmssd: ln, rollingN: 0, rolling7: null, cv7: null, baselineN: 0, baselineMean: null, baselineSd: null, bandLow: null, bandHigh: null, chronicLow: null, acuteLow: null, acuteStreak });
      continue;
    }
    const rolling = collectWindow(lnValues, i - params.rollingNights + 1, i);
    const hasRolling = rolling.length >= params.minRollingNights;
    const rolling7 = hasRolling ? computeMean(rolling) : null;
    const rollingSd = hasRolling ? computeSampleSd(rolling) : null;
    const cv7 = rolling7 !== null && rollingSd !== null && rolling7 !== 0 ? (100 * rollingSd) / rolling7 : null;
    const base = collectWindow(lnValues, i - params.baselineNights, i - 1);
    const hasBase = base.length >= params.minBaselineNights;
    const baselineMean = hasBase ? computeMean(base) : null;
    const baselineSd = hasBase ? computeSampleSd(base) : null;
    const hasRange = baselineMean !== null && baselineSd !== null;
    const bandLow = hasRange ? baselineMean - params.bandSd * baselineSd : null;
    const bandHigh = hasRange ? baselineMean + params.bandSd * baselineSd : null;
    const chronicLow = rolling7 !== null && bandLow !== null ? rolling7 < bandLow : null;
    const acuteLow =
      ln !== null && baselineMean !== null && baselineSd !== null ? ln < baselineMean - params.acuteSd * baselineSd : null;
    acuteStreak = i < knownStreaks.length ? knownStreaks[i] : acuteLow === true ? acuteStreak + 1 : 0;
    days.push({
      lnRmssd: ln,
      rollingN: rolling.length,
      rolling7,
      cv7,
      baselineN: base.length,
      baselineMean,
      baselineSd,
      bandLow,
      bandHigh,
      chronicLow,
      acuteLow,
      acuteStreak,
    });
  }
  return days;
}
