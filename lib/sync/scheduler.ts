import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { polarConnections } from "@/db/schema/auth";
import { syncLeases, syncRuns } from "@/db/schema/sync";
import type { RateGovernorSnapshot } from "@/lib/polar";
import type { SyncJobRunner } from "./runner";
import {
  createWebhookDispatcher,
  dispatchDueWebhookEvents,
  type DispatchedRun,
  type WebhookDispatcher,
} from "./webhook-dispatch";

/**
 * The polling fallback (design §3): every tick, athletes whose last successful sync is older than
 * SYNC_INTERVAL_MINUTES are synced, stalest first, a few at a time so a roster sync is spread over ticks and
 * stays inside the per-app rate limits. Athletes who must act first (reconnect, consents) are left alone.
 * One scheduler per server process, started from instrumentation.ts.
 */

/** Base time between ticks; each wait is jittered ±25 % so several instances never tick in step. */
export const SCHEDULER_TICK_MS = 60_000;
/** Runs going at once (any trigger) above which a tick starts nothing. */
export const SCHEDULER_MAX_CONCURRENT_RUNS = 2;

export type SchedulerDeps = {
  db: Db;
  runner: Pick<SyncJobRunner, "start">;
  intervalMinutes: number;
  /** At most this many runs going at once, counting clicks and webhooks. Default 2. */
  maxConcurrentRuns?: number;
  /** The process-wide rate governor's view; a tick starts nothing while Polar's limits are (nearly) used up. */
  rateLimits?: () => RateGovernorSnapshot;
  /** lib/auth's retry of failed de-registrations; run every tick (it has its own back-off per row). */
  retryPendingDeregistrations?: () => Promise<unknown>;
  /** lib/auth's removal of expired database sessions; run every tick so a dead session does not linger. */
  deleteExpiredSessions?: (now: number) => number;
};

export type SchedulerTickResult = {
  started: { athleteId: string; runId: string; lastSuccessAt: number | null }[];
  /** Stale athletes left for a later tick (concurrency or rate limits). */
  deferred: number;
  /** Epoch ms until which the rate limits pause the scheduler; null when not paused. */
  pausedUntil: number | null;
  webhookRuns: DispatchedRun[];
};

export type StaleAthlete = { athleteId: string; lastSuccessAt: number | null; lastAttemptAt: number | null };

/**
 * Connected, registered athletes without a running run whose last success is older than the interval, and
 * whose last attempt is too (a failing athlete is retried once per interval, not every tick). Stalest first;
 * never-synced athletes first of all.
 */
export function listStaleAthletes(db: Db, now: number, intervalMinutes: number): StaleAthlete[] {
  const cutoff = now - intervalMinutes * 60_000;
  const lastSuccess = sql<number | null>`(select max(${syncRuns.finishedAt}) from ${syncRuns} where ${syncRuns.athleteId} = ${polarConnections.userId} and ${syncRuns.status} in ('succeeded', 'partial'))`;
  const lastAttempt = sql<number | null>`(select max(${syncRuns.startedAt}) from ${syncRuns} where ${syncRuns.athleteId} = ${polarConnections.userId})`;
  const rows = db
    .select({ athleteId: polarConnections.userId, lastSuccessAt: lastSuccess, lastAttemptAt: lastAttempt })
    .from(polarConnections)
    .where(and(eq(polarConnections.state, "connected"), eq(polarConnections.registrationStatus, "registered")))
    .all();
  const leased = new Set(
    db
      .select({ athleteId: syncLeases.athleteId })
      .from(syncLeases)
      .where(gt(syncLeases.expiresAt, now))
      .all()
      .map((row) => row.athleteId),
  );
  return rows
    .filter((row) => !leased.has(row.athleteId))
    .filter((row) => (row.lastSuccessAt === null || row.lastSuccessAt <= cutoff) && (row.lastAttemptAt === null || row.lastAttemptAt <= cutoff))
    .sort((a, b) => (a.lastSuccessAt ?? -Infinity) - (b.lastSuccessAt ?? -Infinity) || a.athleteId.localeCompare(b.athleteId));
}

/**
 * When the rate limits should pause background syncs: after a 429 until Polar's reset, and while either window
 * is used beyond the governor's headroom (clicks still go through the governor and simply wait).
 */
export function readRateLimitPause(snapshot: RateGovernorSnapshot, now: number): number | null {
  if (snapshot.blockedUntil !== null && snapshot.blockedUntil > now) return snapshot.blockedUntil;
  for (const window of [snapshot.long, snapshot.short]) {
    if (window.usage === null || window.limit === null || window.resetAt === null || window.resetAt <= now) continue;
    if (window.usage + snapshot.inFlight >= window.limit * (1 - snapshot.headroom)) return window.resetAt;
  }
  return null;
}

function countRunningRuns(db: Db, now: number): number {
  const row = db
    .select({ count: sql<number>`count(*)` })
    .from(syncLeases)
    .innerJoin(syncRuns, eq(syncRuns.id, syncLeases.runId))
    .where(and(gt(syncLeases.expiresAt, now), eq(syncRuns.status, "running")))
    .get();
  return row?.count ?? 0;
}

/** One pass of the scheduler; `now` is injected so tests decide who is stale. */
export async function runSchedulerTick(deps: SchedulerDeps, now: number): Promise<SchedulerTickResult> {
  // Webhook events a stopped process left pending are dispatched here (the debounce timer died with it).
  const webhookRuns = dispatchDueWebhookEvents({ db: deps.db, runner: deps.runner }, now);
  if (deps.retryPendingDeregistrations) {
    try {
      await deps.retryPendingDeregistrations();
    } catch (error) {
      console.error("scheduler: retrying de-registrations failed", error instanceof Error ? error.name : typeof error);
    }
  }

  if (deps.deleteExpiredSessions) {
    try {
      deps.deleteExpiredSessions(now);
    } catch (error) {
      console.error("scheduler: deleting expired sessions failed", error instanceof Error ? error.name : typeof error);
    }
  }

  const stale = listStaleAthletes(deps.db, now, deps.intervalMinutes);
  const pausedUntil = deps.rateLimits ? readRateLimitPause(deps.rateLimits(), now) : null;
  if (pausedUntil !== null) return { started: [], deferred: stale.length, pausedUntil, webhookRuns };

  const free = Math.max(0, (deps.maxConcurrentRuns ?? SCHEDULER_MAX_CONCURRENT_RUNS) - countRunningRuns(deps.db, now));
  const started: SchedulerTickResult["started"] = [];
  for (const athlete of stale.slice(0, free)) {
    const begun = deps.runner.start(athlete.athleteId, "schedule");
    started.push({ athleteId: athlete.athleteId, runId: begun.runId, lastSuccessAt: athlete.lastSuccessAt });
  }
  return { started, deferred: stale.length - started.length, pausedUntil: null, webhookRuns };
}

/** The next wait: the base tick ±25 %, never shorter than half a tick. */
export function nextTickDelay(random: () => number, tickMs = SCHEDULER_TICK_MS): number {
  return Math.round(tickMs * (0.75 + 0.5 * random()));
}

export type SchedulerHandle = { stop(): void };

/** Runs ticks forever (jittered), one at a time; a failing tick is logged and the next one still comes. */
export function startScheduler(
  getDeps: () => SchedulerDeps,
  options: { now?: () => number; random?: () => number; tickMs?: number; firstDelayMs?: number } = {},
): SchedulerHandle {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), delayMs);
    // Never keep a process alive (scripts, tests) just for the next tick.
    timer.unref();
  };
  const tick = async () => {
    try {
      const result = await runSchedulerTick(getDeps(), now());
      if (result.started.length > 0 || result.pausedUntil !== null) {
        console.info(
          `scheduler: started ${result.started.length} sync(s), ${result.deferred} waiting` +
            (result.pausedUntil !== null ? `, paused by rate limits until ${new Date(result.pausedUntil).toISOString()}` : ""),
        );
      }
    } catch (error) {
      console.error("scheduler tick failed", error instanceof Error ? error.name : typeof error);
    }
    schedule(nextTickDelay(random, options.tickMs));
  };
  schedule(options.firstDelayMs ?? nextTickDelay(random, options.tickMs));
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}

// ── app wiring (one runner, one webhook dispatcher, one scheduler per server process) ──

type AppGlobals = {
  thresholdSyncRunner?: SyncJobRunner;
  thresholdWebhookDispatcher?: WebhookDispatcher;
  thresholdScheduler?: SchedulerHandle;
};
const appGlobals = globalThis as unknown as AppGlobals;

async function loadAppModules() {
  const [{ getDb }, { getEnv }, polar, { createInProcessRunner }] = await Promise.all([
    import("@/db"),
    import("@/lib/env"),
    import("@/lib/polar"),
    import("./runner"),
  ]);
  return { getDb, getEnv, polar, createInProcessRunner };
}

/**
 * The process's one sync runner, built from the environment on first use: clicks (lib/dal/sync.ts), the
 * roster, webhooks and the scheduler all start runs through it.
 */
export async function getAppSyncRunner(): Promise<SyncJobRunner> {
  if (appGlobals.thresholdSyncRunner) return appGlobals.thresholdSyncRunner;
  const { getDb, getEnv, polar, createInProcessRunner } = await loadAppModules();
  appGlobals.thresholdSyncRunner ??= createInProcessRunner(() => {
    const env = getEnv();
    return {
      db: getDb(),
      tokenKey: env.TOKEN_ENCRYPTION_KEY,
      polar: polar.createPolarClient({
        apiBaseUrl: env.POLAR_API_URL,
        tokenUrl: env.POLAR_TOKEN_URL,
        clientId: env.POLAR_CLIENT_ID,
        clientSecret: env.POLAR_CLIENT_SECRET,
      }),
    };
  });
  return appGlobals.thresholdSyncRunner;
}

/** The debounce timer for webhook events received by this process. */
export async function getAppWebhookDispatcher(): Promise<WebhookDispatcher> {
  if (appGlobals.thresholdWebhookDispatcher) return appGlobals.thresholdWebhookDispatcher;
  const { getDb } = await loadAppModules();
  const runner = await getAppSyncRunner();
  appGlobals.thresholdWebhookDispatcher ??= createWebhookDispatcher({
    getDeps: () => ({ db: getDb(), runner }),
    onError: (error) => console.error("webhook dispatch failed", error instanceof Error ? error.name : typeof error),
  });
  return appGlobals.thresholdWebhookDispatcher;
}

/**
 * Starts the scheduler once per process (instrumentation.ts). On unless SCHEDULER_ENABLED=false; a broken
 * environment is reported and leaves the server running without it.
 */
export async function startAppScheduler(): Promise<SchedulerHandle | null> {
  if (appGlobals.thresholdScheduler) return appGlobals.thresholdScheduler;
  const { getDb, getEnv, polar } = await loadAppModules();
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    console.error("scheduler not started:", error instanceof Error ? error.message : typeof error);
    return null;
  }
  if (env.SCHEDULER_ENABLED === false) return null;
  const runner = await getAppSyncRunner();
  const { retryPendingDeregistrations } = await import("@/lib/auth/deregistration");
  const { createAthletePolarApi } = await import("@/lib/auth/polar-api");
  const { deleteExpiredSessions } = await import("@/lib/auth/session-store");
  appGlobals.thresholdScheduler ??= startScheduler(() => ({
    db: getDb(),
    runner,
    intervalMinutes: env.SYNC_INTERVAL_MINUTES,
    rateLimits: () => polar.defaultRateGovernor.snapshot(),
    retryPendingDeregistrations: () =>
      retryPendingDeregistrations({ db: getDb(), keyHex: env.TOKEN_ENCRYPTION_KEY, polar: createAthletePolarApi(env), now: Date.now }),
    deleteExpiredSessions: (now) => deleteExpiredSessions(getDb(), now),
  }));
  console.info(`scheduler: syncing athletes older than ${env.SYNC_INTERVAL_MINUTES} min`);
  return appGlobals.thresholdScheduler;
}
