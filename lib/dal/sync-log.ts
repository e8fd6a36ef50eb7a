import type { SyncRunDTO } from "@/lib/contracts/sync-run";

/**
 * One entry of the sync log: a run, or a streak of runs that failed the same way. `run` is the newest of the
 * streak (its errors and fix are shown once); `repeats` counts the runs; `oldestStartedAt` is when the streak
 * began. An athlete whose connection is revoked gets one "Failed ×40, 1 Dec 08:00 – 2 Dec 11:00" entry instead
 * of forty identical cards.
 */
export type SyncLogEntryDTO = { run: SyncRunDTO; repeats: number; oldestStartedAt: number };

/** Two failed runs are "the same failure" when they stored nothing and their errors say the same things. */
function failureKey(run: SyncRunDTO): string | null {
  if (run.status !== "failed" || Object.keys(run.counts).length > 0) return null;
  return JSON.stringify(run.errors.map((error) => [error.resource, error.code, error.message]));
}

/**
 * Collapses consecutive identical failures (newest-first input, as the log lists them) into one entry each.
 * Any other run between two failures breaks the streak, so the log still shows when something changed.
 */
export function collapseRepeatedFailures(runs: readonly SyncRunDTO[]): SyncLogEntryDTO[] {
  const entries: SyncLogEntryDTO[] = [];
  let previousKey: string | null = null;
  for (const run of runs) {
    const key = failureKey(run);
    const last = entries.at(-1);
    if (key !== null && key === previousKey && last) {
      last.repeats += 1;
      last.oldestStartedAt = run.startedAt;
    } else {
      entries.push({ run, repeats: 1, oldestStartedAt: run.startedAt });
    }
    previousKey = key;
  }
  return entries;
}

/** The sync log's page size (runs per page, before collapsing) and the page a `?page=` parameter asks for. */
export const SYNC_LOG_PAGE_SIZE = 50;

export function parseSyncLogPage(value: string | undefined): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
