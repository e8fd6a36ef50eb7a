import { randomUUID } from "node:crypto";
import os from "node:os";
import { and, eq } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { syncLeases, syncRuns } from "@/db/schema/sync";
import { isProcessRunning, OWN_PROCESS_STARTED } from "./process-liveness";
import type { SyncRunKind } from "@/db/schema/sync";
import type { SyncCounts, SyncResource, SyncRunError, SyncRunResult, SyncRunStatus, SyncTrigger } from "./types";

/**
 * Runs and the per-athlete lease. One run per athlete at a time: starting a run takes the lease in the same
 * SQLite transaction that inserts the run row; a second request finds a live lease and joins that run.
 * A lease is stale when it has expired (the owner stopped renewing it) or when its owner process on this host
 * no longer runs (a crash or SIGKILL, recognised at once even while it is an unreaped zombie, and not fooled
 * by a reused pid: process-liveness.ts); a stale lease is taken over and its run is marked failed.
 */

/** A run renews its lease whenever it writes progress; 2 minutes without progress makes it stale. */
export const LEASE_MS = 2 * 60_000;

const HOST = os.hostname();

/** Runs this process has begun and not finished: a lease naming this very pid is live only for these. */
const runsInThisProcess = new Set<string>();

function isOwnerAlive(pid: number, started: string | null, runId: string): boolean {
  // A lease left by a killed process whose pid was since reused by this one must not look alive.
  if (pid === process.pid) return runsInThisProcess.has(runId);
  return isProcessRunning(pid, started);
}

export type BeginRunResult = { runId: string; joined: boolean };

type LeaseView = { runId: string; live: boolean; runStillMarkedRunning: boolean };

function readLease(db: Db | DbTx, athleteId: string, now: number): LeaseView | null {
  const lease = db.select().from(syncLeases).where(eq(syncLeases.athleteId, athleteId)).get();
  if (!lease) return null;
  const ownerGone = lease.ownerHost === HOST && !isOwnerAlive(lease.ownerPid, lease.ownerStarted, lease.runId);
  const run = db.select({ status: syncRuns.status }).from(syncRuns).where(eq(syncRuns.id, lease.runId)).get();
  const runStillMarkedRunning = run?.status === "running";
  return { runId: lease.runId, live: lease.expiresAt > now && !ownerGone && runStillMarkedRunning, runStillMarkedRunning };
}

/** The id of the athlete's run that is going right now (live lease), or null. */
export function findLiveRun(db: Db, athleteId: string, now: number): string | null {
  const lease = readLease(db, athleteId, now);
  return lease?.live ? lease.runId : null;
}

/**
 * Starts a run for the athlete, or joins the one already running. Synchronous: safe to call from a handler.
 * Syncs and archive imports share the lease: one writer per athlete at a time.
 */
export function beginRun(db: Db, athleteId: string, trigger: SyncTrigger, now: number, kind: SyncRunKind = "sync"): BeginRunResult {
  return db.transaction((tx) => {
    const lease = readLease(tx, athleteId, now);
    if (lease) {
      if (lease.live) return { runId: lease.runId, joined: true };
      if (lease.runStillMarkedRunning) {
        const errors: SyncRunError[] = [
          { resource: "run", code: "interrupted", message: "The sync stopped before finishing (the server restarted or the process was stopped)." },
        ];
        tx.update(syncRuns)
          .set({ status: "failed", step: "Interrupted", finishedAt: now, errorsJson: JSON.stringify(errors) })
          .where(eq(syncRuns.id, lease.runId))
          .run();
      }
    }
    const runId = randomUUID();
    tx.insert(syncRuns)
      .values({ id: runId, athleteId, trigger, kind, status: "running", step: "Starting", startedAt: now })
      .run();
    const values = { athleteId, runId, acquiredAt: now, expiresAt: now + LEASE_MS, ownerHost: HOST, ownerPid: process.pid, ownerStarted: OWN_PROCESS_STARTED };
    tx.insert(syncLeases).values(values).onConflictDoUpdate({ target: syncLeases.athleteId, set: values }).run();
    runsInThisProcess.add(runId);
    return { runId, joined: false };
  });
}

export type RunProgress = {
  step: string;
  itemsDone: number;
  itemsTotal: number;
  counts: Partial<Record<SyncResource, SyncCounts>>;
  errors: SyncRunError[];
  requestCount: number;
};

/** Writes progress and renews the lease (only while this run still owns it). */
export function writeProgress(db: Db, athleteId: string, runId: string, progress: RunProgress, now: number): void {
  db.transaction((tx) => {
    tx.update(syncRuns)
      .set({
        step: progress.step,
        itemsDone: progress.itemsDone,
        itemsTotal: progress.itemsTotal,
        countsJson: JSON.stringify(progress.counts),
        errorsJson: JSON.stringify(progress.errors),
        requestCount: progress.requestCount,
      })
      .where(eq(syncRuns.id, runId))
      .run();
    tx.update(syncLeases)
      .set({ expiresAt: now + LEASE_MS })
      .where(and(eq(syncLeases.athleteId, athleteId), eq(syncLeases.runId, runId)))
      .run();
  });
}

export function finishRun(
  db: Db,
  athleteId: string,
  runId: string,
  status: SyncRunStatus,
  progress: RunProgress,
  now: number,
): void {
  db.transaction((tx) => {
    const run = tx.select({ startedAt: syncRuns.startedAt }).from(syncRuns).where(eq(syncRuns.id, runId)).get();
    tx.update(syncRuns)
      .set({
        status,
        step: progress.step,
        itemsDone: progress.itemsDone,
        itemsTotal: progress.itemsTotal,
        countsJson: JSON.stringify(progress.counts),
        errorsJson: JSON.stringify(progress.errors),
        requestCount: progress.requestCount,
        finishedAt: now,
        durationMs: run ? now - run.startedAt : null,
      })
      .where(eq(syncRuns.id, runId))
      .run();
    tx.delete(syncLeases).where(and(eq(syncLeases.athleteId, athleteId), eq(syncLeases.runId, runId))).run();
  });
  runsInThisProcess.delete(runId);
}

export type SyncRunView = SyncRunResult & {
  athleteId: string;
  trigger: SyncTrigger;
  kind: SyncRunKind;
  step: string;
  itemsDone: number;
  itemsTotal: number;
  requestCount: number;
};

export function getRun(db: Db, runId: string): SyncRunView | null {
  const row = db.select().from(syncRuns).where(eq(syncRuns.id, runId)).get();
  if (!row) return null;
  return {
    runId: row.id,
    joined: false,
    athleteId: row.athleteId,
    trigger: row.trigger,
    kind: row.kind,
    status: row.status,
    step: row.step,
    itemsDone: row.itemsDone,
    itemsTotal: row.itemsTotal,
    requestCount: row.requestCount,
    counts: JSON.parse(row.countsJson) as SyncRunView["counts"],
    errors: JSON.parse(row.errorsJson) as SyncRunError[],
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    durationMs: row.durationMs,
  };
}
