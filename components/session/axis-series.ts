/**
 * The session charts' x axis: elapsed time, or distance from the start (km, from the speed samples). Pure, so
 * the mapping is tested without a browser.
 */
import type { SamplePointDTO } from "@/lib/dal/dto";

export type AxisKind = "time" | "distance";
export type AxisPoint = { x: number; value: number | null };

/** Metres at an elapsed time, linearly between the track's points; null outside it. */
export function toDistanceLookup(track: readonly SamplePointDTO[]): (seconds: number) => number | null {
  return (seconds) => {
    if (track.length === 0 || seconds < track[0].t) return null;
    let low = 0;
    let high = track.length - 1;
    if (seconds >= track[high].t) return track[high].value;
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (track[mid].t <= seconds) low = mid;
      else high = mid;
    }
    const a = track[low];
    const b = track[high];
    if (a.value === null || b.value === null) return a.value ?? b.value;
    return a.value + ((b.value - a.value) * (seconds - a.t)) / (b.t - a.t);
  };
}

/**
 * A series on the chosen axis: x in seconds for time, in km for distance (points without a distance are left
 * out); `transform` maps each value (speed → pace).
 */
export function toAxisPoints(
  points: readonly SamplePointDTO[],
  axis: AxisKind,
  distanceAt: ((seconds: number) => number | null) | null,
  transform: (value: number | null) => number | null = (value) => value,
): AxisPoint[] {
  const out: AxisPoint[] = [];
  for (const point of points) {
    const value = transform(point.value);
    if (axis === "time") {
      out.push({ x: point.t, value });
      continue;
    }
    const metres = distanceAt ? distanceAt(point.t) : null;
    if (metres !== null) out.push({ x: metres / 1000, value });
  }
  return out;
}

/**
 * A pace axis that a standstill cannot flatten: from the 2nd to the 98th percentile of the paces, padded,
 * in seconds per km; null when there are none.
 */
export function toPaceDomain(values: readonly (number | null)[]): [number, number] | null {
  const sorted = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const low = sorted[Math.floor((sorted.length - 1) * 0.02)];
  const high = sorted[Math.ceil((sorted.length - 1) * 0.98)];
  const pad = Math.max(10, (high - low) * 0.1);
  return [Math.max(0, Math.floor((low - pad) / 10) * 10), Math.ceil((high + pad) / 10) * 10];
}
