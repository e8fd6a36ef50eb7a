/**
 * The history backfill's progress in words (pure: the sync page, the overview and the run's step use it).
 * Types are read to different depths (cardio load 6 months, daily activity a year), so progress is the share
 * of all days done, told in months of the deepest type.
 */

export type BackfillProgress = { done: boolean; daysDone: number; daysTotal: number; monthsDone: number; monthsTotal: number };

const DAYS_PER_MONTH = 30.44;

export function summarizeBackfill(states: readonly { done: boolean; daysDone: number; daysTotal: number }[]): BackfillProgress | null {
  if (states.length === 0) return null;
  const daysDone = states.reduce((sum, s) => sum + s.daysDone, 0);
  const daysTotal = states.reduce((sum, s) => sum + s.daysTotal, 0);
  const monthsTotal = Math.max(1, Math.round(Math.max(...states.map((s) => s.daysTotal)) / DAYS_PER_MONTH));
  const done = states.every((s) => s.done);
  // Never "6 of 6" before the last type is done, never "0 of 6" once it started.
  const share = daysTotal === 0 ? 1 : daysDone / daysTotal;
  const monthsDone = done ? monthsTotal : Math.min(monthsTotal - 1, Math.floor(share * monthsTotal));
  return { done, daysDone, daysTotal, monthsDone, monthsTotal };
}

/** "Backfilling history: 4 of 12 months". */
export function describeBackfill(progress: Pick<BackfillProgress, "monthsDone" | "monthsTotal">): string {
  return `Backfilling history: ${progress.monthsDone} of ${progress.monthsTotal} months`;
}
