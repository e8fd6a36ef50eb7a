import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { syncRuns } from "@/db/schema/sync";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { authorizeOwnAthlete } from "./access";
import { defaultRateGovernor } from "@/lib/polar";
import { getSyncHealth, isDataStale, type SyncHealth } from "@/lib/sync/health";
import { readRateLimitPause } from "@/lib/sync/scheduler";
import { countWebhookEventsByRun } from "@/lib/sync/webhook-dispatch";
import { findLiveRun, getRun } from "@/lib/sync/runs";
import type { SyncRunError } from "@/lib/sync/types";
import type { SyncFixAction, SyncRunDTO } from "@/lib/contracts/sync-run";

/**
 * The sync log as the athlete reads it (/dashboard/sync), the run a page reload reattaches to, and the health
 * behind the badge and the stale banner. Every entry point authorizes the viewer; an athlete sees only their
 * own runs (lib/dal/access.ts `authorizeOwnAthlete`, the one access check for athlete ids).
 */

export type SyncHealthDTO = SyncHealth & { stale: boolean };

/** `now`: the instant the history was read (epoch ms), so a page renders "3 days ago" without reading a clock. */
export type SyncHistoryDTO = { athleteId: string; now: number; health: SyncHealthDTO; runs: SyncRunDTO[] };

const POLAR_ACCOUNT_URL = "https://account.polar.com";

/** The action that fixes an error, by its stable code (lib/sync/context.ts, run.ts, runs.ts). */
export function toFixAction(code: string): SyncFixAction {
  switch (code) {
    case "reconnect_needed":
    case "token_unreadable":
    case "not_connected":
      return { kind: "reconnect", label: "Reconnect to Polar", href: "/settings" };
    case "consents_needed":
      return { kind: "consents", label: "Accept the data-sharing consents at account.polar.com, then sync again", href: POLAR_ACCOUNT_URL };
    case "rate_limited":
      return { kind: "wait_rate_limit", label: "Wait for Polar's request limit to reset; the next scheduled sync continues" };
    case "polar_unavailable":
    case "interrupted":
    case "internal":
    case "polar_not_found":
      return { kind: "retry_later", label: "Retry later: click Sync again in a few minutes" };
    case "skipped":
    case "nothing_stored":
      return { kind: "none", label: "Nothing to do: every sync reads these days again and stores them once Polar dates them properly" };
    case "quarantined":
    case "invalid_payload":
      return { kind: "none", label: "Nothing to do: the raw data is kept and re-read when Threshold learns its format" };
    default:
      return { kind: "retry_later", label: "Retry later" };
  }
}

/** The run as the API and the pages show it (lib/contracts/sync-run.ts). */
export function toSyncRunDTO(run: NonNullable<ReturnType<typeof getRun>>, webhookEvents = 0): SyncRunDTO {
  return {
    runId: run.runId,
    trigger: run.trigger,
    kind: run.kind,
    status: run.status,
    step: run.step,
    itemsDone: run.itemsDone,
    itemsTotal: run.itemsTotal,
    counts: run.counts,
    errors: run.errors.map((error: SyncRunError) => ({ ...error, action: toFixAction(error.code) })),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.durationMs,
    requestCount: run.requestCount,
    webhookEvents,
  };
}

/** The athlete's run in progress (a live lease), or null. */
export function getCurrentSyncRun(db: Db, athleteId: string, now: number): SyncRunDTO | null {
  // The lease rule the sync itself uses: unexpired, owner process alive, run still marked running.
  const runId = findLiveRun(db, athleteId, now);
  if (!runId) return null;
  const run = getRun(db, runId);
  return run && run.status === "running" ? toSyncRunDTO(run) : null;
}

/** Newest first; `offset` runs skipped (the sync log's pages). */
export function listSyncHistory(db: Db, athleteId: string, limit = 30, offset = 0): SyncRunDTO[] {
  const ids = db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(eq(syncRuns.athleteId, athleteId))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => row.id);
  const events = countWebhookEventsByRun(db, ids);
  return ids.flatMap((id) => {
    const run = getRun(db, id);
    return run ? [toSyncRunDTO(run, events.get(id) ?? 0)] : [];
  });
}

/** Health with the process's live rate-limit pause folded in. */
export function readSyncHealth(db: Db, athleteIds: string[], now: number): Map<string, SyncHealthDTO> {
  const health = getSyncHealth(db, athleteIds, {
    now,
    rateLimitedUntil: readRateLimitPause(defaultRateGovernor.snapshot(), now),
    intervalMinutes: getEnv().SYNC_INTERVAL_MINUTES,
  });
  return new Map([...health].map(([id, value]) => [id, { ...value, stale: isDataStale(value.lastSuccessAt, now) }]));
}

/** One run of the athlete; another athlete's run is reported as not found (its id leaks nothing). */
export function getSyncRun(db: Db, athleteId: string, runId: string): SyncRunDTO {
  const run = getRun(db, runId);
  if (!run || run.athleteId !== athleteId) throw new AppError("not_found", "No such sync run.");
  return toSyncRunDTO(run, countWebhookEventsByRun(db, [runId]).get(runId) ?? 0);
}

/** The viewer's own run by id (GET /api/sync/runs/{id}). */
export function getViewerSyncRun(viewer: Viewer, runId: string): SyncRunDTO {
  const id = authorizeOwnAthlete(viewer);
  return getSyncRun(getDb(), id, runId);
}

/** The viewer's own run in progress (GET /api/sync/current); `athleteId` may only be `me` or their own id. */
export function getViewerCurrentSyncRun(viewer: Viewer, athleteId?: string): SyncRunDTO | null {
  const id = authorizeOwnAthlete(viewer, athleteId);
  return getCurrentSyncRun(getDb(), id, Date.now());
}

/**
 * One page of the viewer's sync log (1-based `page` of `limit` runs, newest first), and whether older runs
 * exist (one run past the page's end is read to tell).
 */
export async function getViewerSyncHistory(page = 1, limit = 30): Promise<SyncHistoryDTO & { hasOlder: boolean }> {
  const viewer = await requireViewer();
  const id = authorizeOwnAthlete(viewer);
  const db = getDb();
  const now = Date.now();
  const health = readSyncHealth(db, [id], now).get(id);
  if (!health) throw new AppError("internal", "Sync health is missing.");
  const runs = listSyncHistory(db, id, limit + 1, (page - 1) * limit);
  return { athleteId: id, now, health, runs: runs.slice(0, limit), hasOlder: runs.length > limit };
}
