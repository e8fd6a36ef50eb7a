import type { DailyPointDTO } from "../dto";

/**
 * The newest point with a resting HR, searching back from the end of `points` (oldest first). The overview
 * and the roster both show "resting HR" from this one rule, so they never disagree (a "—" on one page and
 * 59 bpm on the other for the same athlete and day).
 */
export function findLatestRestingHrPoint(points: readonly DailyPointDTO[]): DailyPointDTO | null {
  for (let i = points.length - 1; i >= 0; i -= 1) {
    const point = points[i];
    if (point && point.restingHr.rhr !== null) return point;
  }
  return null;
}
