import type { LocalDate } from "@/lib/analytics";

/** Index of the first point dated after `date` (`after`) or on or after it, in a date-sorted series. */
function findFirstIndex(points: readonly { date: LocalDate }[], date: LocalDate, after: boolean): number {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (points[mid].date < date || (after && points[mid].date === date)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The points dated in `[from, to]` of a date-sorted series, found by binary search: a page's cut of a memoised
 * full-history series costs its range, not the history.
 */
export function slicePoints<T extends { date: LocalDate }>(points: readonly T[], from: LocalDate, to: LocalDate): T[] {
  return points.slice(findFirstIndex(points, from, false), findFirstIndex(points, to, true));
}
