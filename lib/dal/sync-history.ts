import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getDb } from "@/db";
import { syncRuns } from "@/db/schema/sync";
import { requireViewer, type Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { defaultRateGovernor } from "@/lib/polar";
import { getSyncHealth, isDataStale, type SyncHealth } from "@/lib/sync/health";
import { readRateLimitPause } from "@/lib/sync/scheduler";
import { countWebhookEventsByRun } from "@/lib/sync/webhooks";
import { findLiveRun, getRun } from "@/lib/sync/runs";
import type { SyncCounts, SyncResource, SyncRunError, SyncRunStatus, SyncTrigger } from "@/lib/sync/types";

/**
 * The sync log as the athlete reads it (/dashboard/sync), the run a page reload reattaches to, and the health
 * behind the badge and the stale banner. Every entry point authorizes the viewer; an athlete sees only their
 * own runs (coach access plugs in at `resolveAthlete`).
 */

const SELF = "me";

export type SyncFixAction =
  | { kind: "reconnect"; label: string; href: string }
  | { kind: "consents"; label: string; href: string }
  | { kind: "wait_rate_limit"; label: string }
  | { kind: "retry_later"; label: string }
  | { kind: "none"; label: string };

export type SyncErrorDTO = { resource: SyncResource | "run"; code: string; message: string; action: SyncFixAction };

export type SyncRunDetailDTO = {
  runId: string;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  step: string;
  itemsDone: number;
  itemsTotal: number;
  counts: Partial<Record<SyncResource, SyncCounts>>;
  errors: SyncErrorDTO[];
  /** Epoch ms. */
  startedAt: number;
  finishedAt: number | null;
  durationMs: number | null;
  requestCount: number;
  /** Polar notifications this run absorbed (webhook-triggered or joined runs). */
  webhookEvents: number;
};

export type SyncHealthDTO = SyncHealth & { stale: boolean };

/** `now`: the instant the history was read (epoch ms), so a page renders "3 days ago" without reading a clock. */
export type SyncHistoryDTO = { athleteId: string; now: number; health: SyncHealthDTO; runs: SyncRunDetailDTO[] };

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
    case "quarantined":
    case "invalid_payload":
      return { kind: "none", label: "Nothing to do: the raw data is kept and re-read when Threshold learns its format" };
    default:
      return { kind: "retry_later", label: "Retry later" };
  }
}

function toDetail(run: NonNullable<ReturnType<typeof getRun>>, webhookEvents = 0): SyncRunDetailDTO {
  return {
    runId: run.runId,
    trigger: run.trigger,
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

function resolveAthlete(viewer: Viewer, athleteId: string | undefined): string {
  const resolved = athleteId === undefined || athleteId === SELF ? viewer.userId : athleteId;
  if (resolved !== viewer.userId) throw new AppError("not_found", "No athlete with that id is visible to you.");
  return resolved;
}

/** The athlete's run in progress (a live lease), or null. */
export function getCurrentSyncRun(db: Db, athleteId: string, now: number): SyncRunDetailDTO | null {
  // The lease rule the sync itself uses: unexpired, owner process alive, run still marked running.
  const runId = findLiveRun(db, athleteId, now);
  if (!runId) return null;
  const run = getRun(db, runId);
  return run && run.status === "running" ? toDetail(run) : null;
}

/** Newest first. */
export function listSyncHistory(db: Db, athleteId: string, limit = 30): SyncRunDetailDTO[] {
  const ids = db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(eq(syncRuns.athleteId, athleteId))
    .orderBy(desc(syncRuns.startedAt))
    .limit(limit)
    .all()
    .map((row) => row.id);
  const events = countWebhookEventsByRun(db, ids);
  return ids.flatMap((id) => {
    const run = getRun(db, id);
    return run ? [toDetail(run, events.get(id) ?? 0)] : [];
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

export async function getViewerCurrentSyncRun(athleteId?: string): Promise<SyncRunDetailDTO | null> {
  const viewer = await requireViewer();
  return getCurrentSyncRun(getDb(), resolveAthlete(viewer, athleteId), Date.now());
}

export async function getViewerSyncHistory(athleteId?: string, limit = 30): Promise<SyncHistoryDTO> {
  const viewer = await requireViewer();
  const id = resolveAthlete(viewer, athleteId);
  const db = getDb();
  const now = Date.now();
  const health = readSyncHealth(db, [id], now).get(id);
  if (!health) throw new AppError("internal", "Sync health is missing.");
  return { athleteId: id, now, health, runs: listSyncHistory(db, id, limit) };
}

export async function getViewerSyncHealth(athleteId?: string): Promise<SyncHealthDTO> {
  const viewer = await requireViewer();
  const id = resolveAthlete(viewer, athleteId);
  const health = readSyncHealth(getDb(), [id], Date.now()).get(id);
  if (!health) throw new AppError("internal", "Sync health is missing.");
  return health;
}
