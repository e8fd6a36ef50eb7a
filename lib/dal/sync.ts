import "server-only";
import { getDb } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { getAppSyncRunner } from "@/lib/sync/scheduler";
import { getSyncSettings, saveSyncSettings, type SyncSettings } from "@/lib/sync/settings";
import type { SyncTrigger } from "@/lib/sync/types";
import { authorizeOwnAthlete } from "./access";

/** Starts a sync for the signed-in athlete, or joins the one running; returns the run id at once. */
export async function startViewerSync(viewer: Viewer, trigger: Extract<SyncTrigger, "click"> = "click"): Promise<{ runId: string; joined: boolean }> {
  // The process's one runner, shared with webhooks and the scheduler (same wiring, same leases).
  const runner = await getAppSyncRunner();
  return runner.start(authorizeOwnAthlete(viewer), trigger);
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
