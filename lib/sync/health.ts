import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { polarConnections, type ConnectionState } from "@/db/schema/auth";
import { syncLeases, syncRuns } from "@/db/schema/sync";
import type { SyncRunError } from "./types";

/**
 * Sync health per athlete, for the header badge, the stale-data banner and the coach's roster. Batched: a
 * fixed number of queries whatever the number of athletes.
 */

export type SyncHealthState =
  | "ok"
  | "never_synced"
  | "syncing"
  | "not_connected"
  | "reconnect_needed"
  | "consents_needed"
  | "rate_limited"
  | "failing";

export type SyncHealth = {
  athleteId: string;
  state: SyncHealthState;
  /** When the last successful (or partly successful) run finished, epoch ms. */
  lastSuccessAt: number | null;
  runningRunId: string | null;
  /** rate_limited: when the next attempt can happen (epoch ms). */
  nextAttemptAt: number | null;
  /** failing: when the current streak of failed runs began (epoch ms). */
  failingSince: number | null;
  /** The latest finished run's first error, when it had one. */
  lastError: SyncRunError | null;
};

export type SyncHealthOptions = {
  now?: number;
  /** The rate governor's pause (epoch ms) — the earliest a rate-limited athlete can be retried. */
  rateLimitedUntil?: number | null;
  /** SYNC_INTERVAL_MINUTES: without a known pause, a rate-limited athlete is retried by the next scheduled sync. */
  intervalMinutes?: number;
};

const errorsSchema = z.array(z.object({ resource: z.string(), code: z.string(), message: z.string() }));

function readErrors(json: string): SyncRunError[] {
  const parsed = errorsSchema.safeParse(JSON.parse(json));
  return parsed.success ? (parsed.data as SyncRunError[]) : [];
}

const CONNECTION_STATE: Partial<Record<ConnectionState, SyncHealthState>> = {
  reconnect_needed: "reconnect_needed",
  consents_needed: "consents_needed",
  disconnected: "not_connected",
};

/** Health of each athlete, keyed by id (every requested id is present). */
export function getSyncHealth(db: Db, athleteIds: string[], options: SyncHealthOptions = {}): Map<string, SyncHealth> {
  const now = options.now ?? Date.now();
  const result = new Map<string, SyncHealth>();
  if (athleteIds.length === 0) return result;
  const ids = [...new Set(athleteIds)];

  const connections = new Map(
    db
      .select({ athleteId: polarConnections.userId, state: polarConnections.state })
      .from(polarConnections)
      .where(inArray(polarConnections.userId, ids))
      .all()
      .map((row) => [row.athleteId, row.state]),
  );
  const live = new Map(
    db
      .select({ athleteId: syncLeases.athleteId, runId: syncLeases.runId })
      .from(syncLeases)
      .innerJoin(syncRuns, eq(syncRuns.id, syncLeases.runId))
      .where(and(inArray(syncLeases.athleteId, ids), gt(syncLeases.expiresAt, now), eq(syncRuns.status, "running")))
      .all()
      .map((row) => [row.athleteId, row.runId]),
  );
  // The last success and every finished run after it: enough for the streak of failures, never the whole log.
  const lastSuccessStart = sql`coalesce((select max(s.started_at) from sync_run s where s.athlete_id = ${syncRuns.athleteId} and s.status in ('succeeded', 'partial')), 0)`;
  const runs = db
    .select({
      athleteId: syncRuns.athleteId,
      status: syncRuns.status,
      startedAt: syncRuns.startedAt,
      finishedAt: syncRuns.finishedAt,
      errorsJson: syncRuns.errorsJson,
    })
    .from(syncRuns)
    .where(and(inArray(syncRuns.athleteId, ids), sql`${syncRuns.startedAt} >= ${lastSuccessStart}`, sql`${syncRuns.finishedAt} is not null`))
    .orderBy(asc(syncRuns.athleteId), asc(syncRuns.startedAt))
    .all();
  const runsByAthlete = new Map<string, typeof runs>();
  for (const run of runs) {
    const list = runsByAthlete.get(run.athleteId) ?? [];
    list.push(run);
    runsByAthlete.set(run.athleteId, list);
  }

  for (const athleteId of ids) {
    const finished = runsByAthlete.get(athleteId) ?? [];
    const success = finished.find((run) => run.status === "succeeded" || run.status === "partial") ?? null;
    const latest = finished.at(-1) ?? null;
    const latestErrors = latest ? readErrors(latest.errorsJson) : [];
    const health: SyncHealth = {
      athleteId,
      state: "ok",
      lastSuccessAt: success?.finishedAt ?? null,
      runningRunId: live.get(athleteId) ?? null,
      nextAttemptAt: null,
      failingSince: null,
      lastError: latestErrors[0] ?? null,
    };
    const connection = connections.get(athleteId);
    const blocked = connection === undefined ? "not_connected" : CONNECTION_STATE[connection];
    if (blocked) {
      health.state = blocked;
    } else if (health.runningRunId !== null) {
      health.state = "syncing";
    } else if (latestErrors.some((error) => error.code === "rate_limited")) {
      health.state = "rate_limited";
      const fallback = latest?.finishedAt != null && options.intervalMinutes ? latest.finishedAt + options.intervalMinutes * 60_000 : null;
      health.nextAttemptAt = options.rateLimitedUntil != null && options.rateLimitedUntil > now ? options.rateLimitedUntil : fallback;
    } else if (latest?.status === "failed") {
      health.state = "failing";
      health.failingSince = finished.find((run) => run.status === "failed")?.startedAt ?? latest.startedAt;
    } else if (success === null) {
      health.state = "never_synced";
    }
    result.set(athleteId, health);
  }
  return result;
}

/** Data older than this gets the stale banner ("numbers below are not today's"). */
export const STALE_AFTER_MS = 24 * 60 * 60_000;

export function isDataStale(lastSuccessAt: number | null, now: number): boolean {
  return lastSuccessAt !== null && now - lastSuccessAt > STALE_AFTER_MS;
}
