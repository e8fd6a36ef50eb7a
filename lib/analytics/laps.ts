/**
 * A session's laps table: the athlete's manual laps when stored, else auto-laps every kilometre derived from
 * the speed samples (metres integrated over time, lib/analytics/motion.ts). Average and maximum HR come from
 * the HR samples inside each lap's span unless the lap itself carries them.
 */
import { computeSpeedKmh, integrateDistance } from "./motion";

export type SampleSeriesInput = { values: readonly (number | null)[]; rateSeconds: number };

export type ManualLapInput = {
  startOffsetSeconds: number;
  durationSeconds: number;
  distanceMeters: number | null;
  avgHr: number | null;
  maxHr: number | null;
};

export type LapRow = {
  /** 1-based, as a watch numbers laps. */
  number: number;
  startSeconds: number;
  durationSeconds: number;
  /** metres; null when neither the lap nor speed samples say. */
  distanceMeters: number | null;
  avgSpeedKmh: number | null;
  avgHr: number | null;
  maxHr: number | null;
};

export type LapTable = { kind: "manual" | "auto" | "none"; laps: LapRow[] };

/** Auto-lap length (metres): Polar's default. */
export const AUTO_LAP_METERS = 1000;
/** A last partial auto-lap shorter than this is noise (the watch stopped a few steps after the last split). */
const MIN_PARTIAL_LAP_METERS = 50;

/** Mean and max of the HR samples whose instant lies in [from, to); null when none does. */
export function summarizeHeartRate(heartRate: SampleSeriesInput | null, from: number, to: number): { avg: number | null; max: number | null } {
  if (heartRate === null || !(heartRate.rateSeconds > 0)) return { avg: null, max: null };
  const first = Math.max(0, Math.ceil(from / heartRate.rateSeconds - 1e-9));
  let total = 0;
  let n = 0;
  let max: number | null = null;
  for (let i = first; i < heartRate.values.length && i * heartRate.rateSeconds < to - 1e-9; i += 1) {
    const value = heartRate.values[i];
    if (value === null || !Number.isFinite(value) || value <= 0) continue;
    total += value;
    n += 1;
    max = max === null ? value : Math.max(max, value);
  }
  return { avg: n > 0 ? Math.round(total / n) : null, max };
}

/** Metres covered between two instants, linearly within a sample (from the cumulative distance). */
function distanceAt(cumulative: readonly number[], speed: SampleSeriesInput, seconds: number): number {
  if (cumulative.length === 0) return 0;
  const position = seconds / speed.rateSeconds;
  const i = Math.min(cumulative.length - 1, Math.max(0, Math.floor(position)));
  const next = i + 1 < cumulative.length ? cumulative[i + 1] : cumulative[i] + (((speed.values[i] ?? 0) > 0 ? (speed.values[i] ?? 0) : 0) / 3.6) * speed.rateSeconds;
  return cumulative[i] + (next - cumulative[i]) * Math.min(1, Math.max(0, position - i));
}

function toManualRows(laps: readonly ManualLapInput[], speed: SampleSeriesInput | null, heartRate: SampleSeriesInput | null): LapRow[] {
  const cumulative = speed ? integrateDistance(speed.values, speed.rateSeconds) : null;
  return laps.map((lap, i) => {
    const end = lap.startOffsetSeconds + lap.durationSeconds;
    const distance =
      lap.distanceMeters ?? (speed && cumulative ? distanceAt(cumulative, speed, end) - distanceAt(cumulative, speed, lap.startOffsetSeconds) : null);
    const hr = summarizeHeartRate(heartRate, lap.startOffsetSeconds, end);
    return {
      number: i + 1,
      startSeconds: lap.startOffsetSeconds,
      durationSeconds: lap.durationSeconds,
      distanceMeters: distance !== null && distance > 0 ? distance : null,
      avgSpeedKmh: computeSpeedKmh(distance, lap.durationSeconds),
      avgHr: lap.avgHr ?? hr.avg,
      maxHr: lap.maxHr ?? hr.max,
    };
  });
}

/**
 * Splits every `lapMeters` of integrated distance; the crossing instant is interpolated within its sample.
 * The remainder after the last full lap is a last, shorter lap.
 */
function toAutoRows(speed: SampleSeriesInput, heartRate: SampleSeriesInput | null, lapMeters: number): LapRow[] {
  const cumulative = integrateDistance(speed.values, speed.rateSeconds);
  const rate = speed.rateSeconds;
  const endSeconds = speed.values.length * rate;
  const lastValue = speed.values[speed.values.length - 1];
  const totalMeters = cumulative.length === 0 ? 0 : cumulative[cumulative.length - 1] + (lastValue !== null && lastValue !== undefined && lastValue > 0 ? (lastValue / 3.6) * rate : 0);
  const splits: number[] = [];
  let target = lapMeters;
  for (let i = 0; i < cumulative.length && target <= totalMeters; i += 1) {
    const start = cumulative[i];
    const end = i + 1 < cumulative.length ? cumulative[i + 1] : totalMeters;
    while (target <= end && end > start) {
      // Rounded to microseconds: a split on a sample boundary stays on it (300, not 300.00000000000006).
      splits.push(Math.round((i + (target - start) / (end - start)) * rate * 1e6) / 1e6);
      target += lapMeters;
    }
  }
  const rows: LapRow[] = [];
  let previous = 0;
  const push = (until: number, meters: number) => {
    const hr = summarizeHeartRate(heartRate, previous, until);
    const duration = until - previous;
    rows.push({ number: rows.length + 1, startSeconds: previous, durationSeconds: duration, distanceMeters: meters, avgSpeedKmh: computeSpeedKmh(meters, duration), avgHr: hr.avg, maxHr: hr.max });
    previous = until;
  };
  for (const split of splits) push(split, lapMeters);
  const rest = totalMeters - splits.length * lapMeters;
  if (rest >= MIN_PARTIAL_LAP_METERS && endSeconds > previous) push(endSeconds, rest);
  return rows;
}

/**
 * The laps table of a session: manual laps when any are stored, else auto-laps every `lapMeters` from the
 * speed samples, else none (no laps and no speed: a swim or a strength session).
 */
export function computeLapTable(input: {
  manualLaps: readonly ManualLapInput[];
  speed: SampleSeriesInput | null;
  heartRate: SampleSeriesInput | null;
  lapMeters?: number;
}): LapTable {
  if (input.manualLaps.length > 0) return { kind: "manual", laps: toManualRows(input.manualLaps, input.speed, input.heartRate) };
  if (input.speed === null || !(input.speed.rateSeconds > 0)) return { kind: "none", laps: [] };
  const laps = toAutoRows(input.speed, input.heartRate, input.lapMeters ?? AUTO_LAP_METERS);
  return laps.length > 0 ? { kind: "auto", laps } : { kind: "none", laps: [] };
}
