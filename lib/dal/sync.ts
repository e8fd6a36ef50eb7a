import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { syncRuns } from "@/db/schema/sync";
import { requireViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getRun } from "@/lib/sync/runs";
import { getAppSyncRunner } from "@/lib/sync/scheduler";
import { getSyncSettings, saveSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import type { SyncCounts, SyncResource, SyncRunError, SyncRunStatus, SyncTrigger } from "@/lib/sync/types";

/** What the UI polls while a run goes and reads afterwards (the sync log). */
export type SyncRunDTO = {
  runId: string;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  step: string;
  itemsDone: number;
  itemsTotal: number;
  counts: Partial<Record<SyncResource, SyncCounts>>;
  errors: SyncRunError[];
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
};

/** Starts a sync for the signed-in athlete, or joins the one running; returns the run id at once. */
export async function startViewerSync(trigger: Extract<SyncTrigger, "click"> = "click"): Promise<{ runId: string; joined: boolean }> {
  const viewer = await requireViewer();
  // The process's one runner, shared with webhooks and the scheduler (same wiring, same leases).
  const runner = await getAppSyncRunner();
  return runner.start(viewer.userId, trigger);
}

/** One run of the signed-in athlete. Another athlete's run is reported as not found (its id leaks nothing). */
export async function getViewerSyncRun(runId: string): Promise<SyncRunDTO> {
  const viewer = await requireViewer();
  return readSyncRun(getDb(), viewer.userId, runId);
}

export function readSyncRun(db: Db, athleteId: string, runId: string): SyncRunDTO {
  const run = getRun(db, runId);
  if (!run || run.athleteId !== athleteId) throw new AppError("not_found", "No such sync run.");
  return {
    runId: run.runId,
    trigger: run.trigger,
    status: run.status,
    step: run.step,
    itemsDone: run.itemsDone,
    itemsTotal: run.itemsTotal,
    counts: run.counts,
    errors: run.errors,
    startedAt: new Date(run.startedAt).toISOString(),
    finishedAt: run.finishedAt === null ? null : new Date(run.finishedAt).toISOString(),
    durationMs: run.durationMs,
  };
}

/** The athlete's most recent runs, newest first (the sync log). */
export function listSyncRuns(db: Db, athleteId: string, limit = 20): SyncRunDTO[] {
  return db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(eq(syncRuns.athleteId, athleteId))
    .orderBy(desc(syncRuns.startedAt))
    .limit(limit)
    .all()
    .map((row) => readSyncRun(db, athleteId, row.id));
}

export async function listViewerSyncRuns(limit = 20): Promise<SyncRunDTO[]> {
  const viewer = await requireViewer();
  return listSyncRuns(getDb(), viewer.userId, limit);
}

export async function getViewerSyncSettings(): Promise<SyncSettings> {
  const viewer = await requireViewer();
  return getSyncSettings(getDb(), viewer.userId);
}

/** Saves which data types are synced; the next run stops requesting the ones switched off and deletes their rows. */
export async function updateViewerSyncSettings(settings: SyncSettings): Promise<SyncSettings> {
  const viewer = await requireViewer();
  const db = getDb();
  saveSyncSettings(db, viewer.userId, settings, Date.now());
  return getSyncSettings(db, viewer.userId);
}
