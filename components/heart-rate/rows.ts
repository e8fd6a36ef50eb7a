import type { HeartRateSampleDTO } from "@/lib/dal/heart-rate";

/** The designed empty state of a day without 24/7 heart rate. */
export const NO_HEART_RATE_DAY = "No heart-rate data for this day — wear the watch with 24/7 heart rate on and sync.";

/** Shading of training sessions and of sleep on the day's curve (and in its legend). */
export const SESSION_FILL = "var(--chart-2)";
export const NIGHT_FILL = "var(--chart-5)";

/** Samples further apart than this are not joined by the line: the time between them has no data. */
export const MAX_JOIN_GAP_SECONDS = 15 * 60;

export type HeartRateRow = { secondOfDay: number; bpm: number | null };

/**
 * Chart rows from the day's samples, sorted, with a gap marker (bpm null) inserted wherever two samples are more
 * than `MAX_JOIN_GAP_SECONDS` apart — e.g. around a training session, which Polar leaves out of 24/7 HR — so the
 * line never interpolates across missing data.
 */
export function toHeartRateRows(samples: readonly HeartRateSampleDTO[]): HeartRateRow[] {
  const sorted = [...samples].sort((a, b) => a.secondOfDay - b.secondOfDay);
  const rows: HeartRateRow[] = [];
  sorted.forEach((sample, index) => {
    const previous = sorted[index - 1];
    if (previous && sample.secondOfDay - previous.secondOfDay > MAX_JOIN_GAP_SECONDS) {
      rows.push({ secondOfDay: (previous.secondOfDay + sample.secondOfDay) / 2, bpm: null });
    }
    rows.push({ secondOfDay: sample.secondOfDay, bpm: sample.bpm });
  });
  return rows;
}
