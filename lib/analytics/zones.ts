/**
 * Heart-rate zones and time in zone (metrics.md §1).
 *
 * Zones are half-open: zone k = [lower_k, lower_{k+1}), Z5 = [lower_5, +∞), and HR below lower_1 is Z0.
 * Time in zone uses sample-and-hold capped at `maxHold` seconds; the rest of a longer gap is "no data".
 */
import type { LocalDate } from "./dates";
import { getWeekStart } from "./dates";

/** `polar-hrmax`: % of HRmax (Polar's default). `hrr`: % of heart-rate reserve (Karvonen). */
export type ZoneModel = "polar-hrmax" | "hrr";

/** Integer percentages so bounds are computed as `pct * hrmax / 100` (70 * 151 / 100 = 105.7, not 105.6999…). */
export const ZONE_PERCENTS = [50, 60, 70, 80, 90] as const;

/** Lower bounds of Z1..Z5 in bpm (five ascending values). */
export type ZoneBounds = readonly [number, number, number, number, number];

/** Seconds per zone, index 0 = Z0 (below zones) … 5 = Z5. */
export type ZoneSeconds = [number, number, number, number, number, number];

/** Zone index 0 (below Z1) … 5. */
export type ZoneIndex = 0 | 1 | 2 | 3 | 4 | 5;

export type ZoneBoundsParams = {
  model: ZoneModel;
  /** bpm */
  hrmax: number;
  /** bpm; required by the `hrr` model only. */
  hrrest?: number | null;
};

/**
 * Lower bounds of Z1..Z5 in bpm.
 * @throws RangeError when HRmax is not positive, or (HRR model) HRrest is missing or not below HRmax.
 */
export function computeZoneBounds(params: ZoneBoundsParams): ZoneBounds {
  const { model, hrmax } = params;
  if (!(hrmax > 0)) throw new RangeError(`HRmax must be positive, got ${hrmax}`);
  if (model === "polar-hrmax") {
    const [a, b, c, d, e] = ZONE_PERCENTS.map((pct) => (pct * hrmax) / 100);
    return [a, b, c, d, e];
  }
  const hrrest = params.hrrest;
  if (hrrest === null || hrrest === undefined || !(hrrest >= 0) || hrrest >= hrmax) {
    throw new RangeError(`the HRR zone model needs 0 <= HRrest < HRmax, got ${String(hrrest)} / ${hrmax}`);
  }
  const [a, b, c, d, e] = ZONE_PERCENTS.map((pct) => hrrest + (pct * (hrmax - hrrest)) / 100);
  return [a, b, c, d, e];
}

/** A usable HR value: a finite number above 0 (null, missing, 0 and negatives are sensor dropouts). */
export function isValidHeartRate(hr: number | null | undefined): hr is number {
  return typeof hr === "number" && Number.isFinite(hr) && hr > 0;
}

/** Zone of one HR value, or `null` for an invalid value. */
export function classifyZone(hr: number | null | undefined, bounds: ZoneBounds): ZoneIndex | null {
  if (!isValidHeartRate(hr)) return null;
  if (hr >= bounds[4]) return 5;
  if (hr >= bounds[3]) return 4;
  if (hr >= bounds[2]) return 3;
  if (hr >= bounds[1]) return 2;
  if (hr >= bounds[0]) return 1;
  return 0;
}

/** Time in zone of one session, all in seconds. `zones + noData = recorded`. */
export type TimeInZones = {
  /** Seconds per zone, index 0 = Z0 … 5 = Z5. */
  zones: ZoneSeconds;
  /** Seconds without a usable HR (dropouts, gaps beyond maxHold, before the first sample). */
  noData: number;
  /** Seconds with a zone (Z0 included) — the denominator of "% in zone". */
  valid: number;
  /** Seconds of the recording: valid + noData. */
  recorded: number;
};

/** One HR sample at `t` seconds from the session start. */
export type HeartRateSample = { t: number; hr: number | null };

export const DEFAULT_MAX_HOLD_SECONDS = 10;

/** The hold cap actually applied: the configured one, never less than the recording rate. */
export function resolveMaxHold(maxHoldSeconds: number | undefined, recordingRateSeconds?: number | null): number {
  const configured = maxHoldSeconds ?? DEFAULT_MAX_HOLD_SECONDS;
  const rate = recordingRateSeconds ?? 0;
  return Math.max(configured, rate);
}

function emptyZoneSeconds(): ZoneSeconds {
  return [0, 0, 0, 0, 0, 0];
}

function finishTimes(zones: ZoneSeconds, noData: number): TimeInZones {
  const valid = zones.reduce((a, b) => a + b, 0);
  return { zones, noData, valid, recorded: valid + noData };
}

/** A held interval of one sample: the seconds credited to its HR and the rest of the gap (no data). */
export type HeldSegment = { hr: number | null; heldSeconds: number; noDataSeconds: number };

/**
 * Splits an irregular sample series into held segments (sample-and-hold with the maxHold cap, §1.2).
 * Each sample holds from its timestamp to the next one (the session end for the last), at most `maxHold`
 * seconds; time before the first sample and the rest of long gaps are no data. Samples are sorted by `t`;
 * times outside [start, end] are clipped away.
 */
export function splitHeldSegments(
  samples: readonly HeartRateSample[],
  options: { endSeconds: number; startSeconds?: number; maxHoldSeconds?: number; recordingRateSeconds?: number | null },
): { segments: HeldSegment[]; leadingNoData: number } {
  const start = options.startSeconds ?? 0;
  const end = options.endSeconds;
  const maxHold = resolveMaxHold(options.maxHoldSeconds, options.recordingRateSeconds);
  const sorted = [...samples].sort((a, b) => a.t - b.t);
  const segments: HeldSegment[] = [];
  if (end <= start) return { segments, leadingNoData: 0 };
  const first = sorted.find((s) => s.t < end);
  const leadingNoData = first === undefined ? end - start : Math.max(0, Math.min(first.t, end) - start);
  for (let i = 0; i < sorted.length; i += 1) {
    const sample = sorted[i];
    const next = i + 1 < sorted.length ? sorted[i + 1].t : end;
    const segStart = Math.max(sample.t, start);
    const segEnd = Math.min(next, end);
    if (segEnd <= segStart) continue;
    const gap = segEnd - segStart;
    if (isValidHeartRate(sample.hr)) {
      const held = Math.min(gap, maxHold);
      segments.push({ hr: sample.hr, heldSeconds: held, noDataSeconds: gap - held });
    } else {
      segments.push({ hr: null, heldSeconds: 0, noDataSeconds: gap });
    }
  }
  return { segments, leadingNoData };
}

/**
 * Time in zone from irregular samples (sample-and-hold, maxHold default 10 s, never below the recording rate).
 * @param samples `t` in seconds from the session start, HR in bpm (null/0/negative = invalid).
 * @param options.endSeconds session end in seconds from the start (the last sample holds until it).
 */
export function computeTimeInZones(
  samples: readonly HeartRateSample[],
  bounds: ZoneBounds,
  options: { endSeconds: number; startSeconds?: number; maxHoldSeconds?: number; recordingRateSeconds?: number | null },
): TimeInZones {
  const zones = emptyZoneSeconds();
  const { segments, leadingNoData } = splitHeldSegments(samples, options);
  let noData = leadingNoData;
  for (const segment of segments) {
    noData += segment.noDataSeconds;
    const zone = classifyZone(segment.hr, bounds);
    if (zone !== null) zones[zone] += segment.heldSeconds;
  }
  return finishTimes(zones, noData);
}

/**
 * Time in zone for Polar's fixed-rate sample series (sample i at i × rate seconds): every valid value
 * credits exactly `recordingRateSeconds` to its zone, every invalid one the same to no data.
 */
export function computeTimeInZonesFixedRate(
  values: readonly (number | null)[],
  recordingRateSeconds: number,
  bounds: ZoneBounds,
): TimeInZones {
  if (!(recordingRateSeconds > 0)) throw new RangeError(`recording rate must be positive, got ${recordingRateSeconds}`);
  const zones = emptyZoneSeconds();
  let noData = 0;
  for (const hr of values) {
    const zone = classifyZone(hr, bounds);
    if (zone === null) noData += recordingRateSeconds;
    else zones[zone] += recordingRateSeconds;
  }
  return finishTimes(zones, noData);
}

/** "% in zone" over valid time (no data excluded); `null` when there is no valid time. Index 0 = Z0. */
export function computeZonePercentages(times: TimeInZones): ZoneSeconds | null {
  if (times.valid <= 0) return null;
  const [a, b, c, d, e, f] = times.zones.map((s) => (s / times.valid) * 100);
  return [a, b, c, d, e, f];
}

/** Easy (Z1–Z2), moderate (Z3), hard (Z4–Z5) and below-zones (Z0) shares in % of valid time. */
export type IntensityShares = { belowZones: number; easy: number; moderate: number; hard: number };

export function computeIntensityShares(times: TimeInZones): IntensityShares | null {
  const pct = computeZonePercentages(times);
  if (pct === null) return null;
  return { belowZones: pct[0], easy: pct[1] + pct[2], moderate: pct[3], hard: pct[4] + pct[5] };
}

/** Whose zone limits produced a session's times: Polar's own `in-zone` durations or ours. */
export type ZoneTimesSource = "polar" | "computed";

export type SessionZoneTimes = { date: LocalDate; source: ZoneTimesSource; times: TimeInZones };

export type WeeklyTimeInZones = {
  /** First local day of the week. */
  weekStart: LocalDate;
  times: TimeInZones;
  /** Sessions per source, so a total that mixes Polar's and computed zones says so. */
  sessionsBySource: Record<ZoneTimesSource, number>;
};

/** Sums several sessions' zone times (seconds). */
export function sumTimeInZones(list: readonly TimeInZones[]): TimeInZones {
  const zones = emptyZoneSeconds();
  let noData = 0;
  for (const t of list) {
    for (let k = 0; k < 6; k += 1) zones[k] += t.zones[k];
    noData += t.noData;
  }
  return finishTimes(zones, noData);
}

/**
 * Weekly time in zone = sum over the week's sessions, weeks keyed by their first local day.
 * @param weekStartsOn ISO weekday the week starts on (1 = Monday, default).
 */
export function computeWeeklyTimeInZones(
  sessions: readonly SessionZoneTimes[],
  weekStartsOn = 1,
): WeeklyTimeInZones[] {
  const byWeek = new Map<LocalDate, { times: TimeInZones[]; sources: Record<ZoneTimesSource, number> }>();
  for (const session of sessions) {
    const week = getWeekStart(session.date, weekStartsOn);
    const entry = byWeek.get(week) ?? { times: [], sources: { polar: 0, computed: 0 } };
    entry.times.push(session.times);
    entry.sources[session.source] += 1;
    byWeek.set(week, entry);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([weekStart, entry]) => ({ weekStart, times: sumTimeInZones(entry.times), sessionsBySource: entry.sources }));
}
