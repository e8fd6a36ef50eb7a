import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { syncRuns } from "@/db/schema/sync";
import type { Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { getAppSyncRunner } from "@/lib/sync/scheduler";
import { getSyncSettings, saveSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import type { SyncTrigger } from "@/lib/sync/types";
import { authorizeOwnAthlete } from "./access";

/**
 * Starts a sync for the signed-in athlete, or joins the one running; returns the run id at once. A click
 * within SYNC_COOLDOWN_SECONDS of the athlete's last run starting gets that run back (joined) instead of a
 * new one: every run calls Polar, and Polar's limits are shared by every athlete of the instance.
 */
export async function startViewerSync(viewer: Viewer, trigger: Extract<SyncTrigger, "click"> = "click"): Promise<{ runId: string; joined: boolean }> {
  const athleteId = authorizeOwnAthlete(viewer);
  const recent = findRunStartedSince(getDb(), athleteId, Date.now() - getEnv().SYNC_COOLDOWN_SECONDS * 1000);
  if (recent !== null) return { runId: recent, joined: true };
  // The process's one runner, shared with webhooks and the scheduler (same wiring, same leases).
  const runner = await getAppSyncRunner();
  return runner.start(athleteId, trigger);
}

/** The athlete's newest run that started at or after `since` (epoch ms), any trigger and status; null if none. */
export function findRunStartedSince(db: Db, athleteId: string, since: number): string | null {
  const row = db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.athleteId, athleteId), gte(syncRuns.startedAt, since)))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  return row?.id ?? null;
}

/** Which data types the athlete lets Threshold sync (Settings → Synced data). */
export function getViewerSyncSettings(viewer: Viewer): SyncSettings {
  return getSyncSettings(getDb(), authorizeOwnAthlete(viewer));
}

/**
 * Saves which data types are synced (design §6); the next run stops requesting the ones switched off and
 * deletes their stored rows.
 */
export function updateViewerSyncSettings(viewer: Viewer, settings: SyncSettings): SyncSettings {
  const db = getDb();
  const athleteId = authorizeOwnAthlete(viewer);
  saveSyncSettings(db, athleteId, settings, Date.now());
  return getSyncSettings(db, athleteId);
}
