/**
 * Pace, speed and distance of a session, from Polar's speed samples (km/h, AccessLink §10.1 type 1). The one
 * place that decides whether a sport shows pace (min/km: running and walking) or speed (km/h: cycling), and
 * that turns one into the other.
 */

export type MotionDisplay = "pace" | "speed";

const PACE_SPORTS = new Set([
  "RUNNING",
  "ROAD_RUNNING",
  "TRAIL_RUNNING",
  "TREADMILL_RUNNING",
  "TRACK_AND_FIELD_RUNNING",
  "ORIENTEERING",
  "WALKING",
  "NORDIC_WALKING",
  "HIKING",
]);

const SPEED_SPORTS = new Set(["CYCLING", "ROAD_BIKING", "MOUNTAIN_BIKING", "INDOOR_CYCLING", "GRAVEL_BIKING", "E_BIKE", "TRACK_CYCLING"]);

/**
 * Pace for running and walking sports, speed for cycling, null for the rest (swimming, strength…), read from
 * Polar's detailed sport first and its sport group second.
 */
export function getMotionDisplay(sport: string, detailedSport?: string | null): MotionDisplay | null {
  for (const key of [detailedSport, sport]) {
    if (!key) continue;
    if (PACE_SPORTS.has(key)) return "pace";
    if (SPEED_SPORTS.has(key)) return "speed";
  }
  return null;
}

/** Below this a pace is "standing", not a number of minutes per km (30 min/km). */
export const MIN_PACE_SPEED_KMH = 2;

/** Seconds per kilometre at a speed in km/h; null when stopped or unknown. */
export function toPaceSecondsPerKm(speedKmh: number | null | undefined): number | null {
  if (speedKmh === null || speedKmh === undefined || !Number.isFinite(speedKmh) || speedKmh < MIN_PACE_SPEED_KMH) return null;
  return 3600 / speedKmh;
}

/** Average speed in km/h over a distance (m) and a duration (s); null without either. */
export function computeSpeedKmh(distanceMeters: number | null | undefined, durationSeconds: number | null | undefined): number | null {
  if (distanceMeters === null || distanceMeters === undefined || durationSeconds === null || durationSeconds === undefined) return null;
  if (!(distanceMeters > 0) || !(durationSeconds > 0) || !Number.isFinite(distanceMeters) || !Number.isFinite(durationSeconds)) return null;
  return (distanceMeters / durationSeconds) * 3.6;
}

/** The value shown for a speed: seconds per km for pace, km/h for speed. */
export function toMotionValue(display: MotionDisplay, speedKmh: number | null | undefined): number | null {
  if (display === "pace") return toPaceSecondsPerKm(speedKmh);
  return speedKmh === null || speedKmh === undefined || !Number.isFinite(speedKmh) ? null : speedKmh;
}

/** `312` s/km → `5:12`; an em dash when unknown. */
export function formatPace(secondsPerKm: number | null | undefined): string {
  if (secondsPerKm === null || secondsPerKm === undefined || !Number.isFinite(secondsPerKm)) return "—";
  const total = Math.round(secondsPerKm);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

/** A speed as the sport shows it, with its unit: `5:12 min/km` or `31.4 km/h`. */
export function formatMotion(display: MotionDisplay, speedKmh: number | null | undefined): { value: string; unit: string } {
  const value = toMotionValue(display, speedKmh);
  if (display === "pace") return { value: formatPace(value), unit: "min/km" };
  return { value: value === null ? "—" : value.toFixed(1), unit: "km/h" };
}

/**
 * Distance covered at each sample (metres from the start), integrating the speed samples over time: sample i
 * holds for `rateSeconds` (sample-and-hold, as the zone times); a missing sample covers nothing.
 * Element i is the distance at the START of sample i, so element 0 is 0.
 */
export function integrateDistance(speedKmh: readonly (number | null)[], rateSeconds: number): number[] {
  const metres: number[] = new Array<number>(speedKmh.length);
  let total = 0;
  for (let i = 0; i < speedKmh.length; i += 1) {
    metres[i] = total;
    const speed = speedKmh[i];
    if (speed !== null && Number.isFinite(speed) && speed > 0) total += (speed / 3.6) * rateSeconds;
  }
  return metres;
}
