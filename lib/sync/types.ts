import type { Db } from "@/db/client";
import type { SyncCounts, SyncResource, SyncRunError, SyncRunStatus, SyncTrigger } from "@/db/schema/sync";
import type { PolarClient } from "@/lib/polar";

export type { SyncCounts, SyncResource, SyncRunError, SyncRunStatus, SyncSkipReason, SyncTrigger } from "@/db/schema/sync";

/** What a sync run needs; app entry points build it from getEnv(), tests from a fresh SQLite and the simulator. */
export type SyncDeps = {
  db: Db;
  polar: PolarClient;
  /** TOKEN_ENCRYPTION_KEY (64 hex chars) to decrypt `polar_connection.access_token_encrypted`. */
  tokenKey: string;
  /** Wall clock for run timestamps, leases and `fetchedAt` (epoch ms). Default Date.now. */
  now?: () => number;
  /** Item fetches in flight at once per transaction. Default 4. */
  concurrency?: number;
  /**
   * Called after each transactional item is durably stored (or quarantined). Tests use it to interrupt a run
   * at a chosen point; an exception thrown here aborts the run like a crash would (no commit).
   */
  onItemStored?: (event: { resource: SyncResource; itemsStoredInRun: number }) => void;
};

export type SyncOptions = {
  trigger: SyncTrigger;
  /** The instant "today" is computed from for windowed resources (epoch ms). Default: deps.now(). */
  now?: number;
  /**
   * Only these resources are synced (a webhook names what changed). Default: every enabled one. Types the
   * athlete switched off stay skipped, and leaving a resource out here never deletes anything of it.
   */
  resources?: readonly SyncResource[];
};

export type SyncRunResult = {
  runId: string;
  /** true when another run was already going for this athlete: its id is returned, no work was done here. */
  joined: boolean;
  status: SyncRunStatus;
  counts: Partial<Record<SyncResource, SyncCounts>>;
  errors: SyncRunError[];
  startedAt: number;
  finishedAt: number | null;
  durationMs: number | null;
};

export const SYNC_RESOURCES: readonly SyncResource[] = [
  "physical-info",
  "exercise",
  "activity",
  "sleep",
  "nightly-recharge",
  "continuous-hr",
  "cardio-load",
];

export function emptyCounts(): SyncCounts {
  return { new: 0, updated: 0, unchanged: 0, quarantined: 0 };
}

export type Outcome = "new" | "updated" | "unchanged";
