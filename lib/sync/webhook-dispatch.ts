import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { webhookEvents } from "@/db/schema/webhooks";
import { POLAR_WEBHOOK_EVENTS, type PolarWebhookEvent } from "@/lib/polar/schemas/webhooks";
import type { SyncJobRunner } from "./runner";
import { findLiveRun } from "./runs";
import { SYNC_RESOURCES, type SyncResource } from "./types";

/**
 * Recorded webhook events become ONE debounced sync run per athlete; events that fall due while a run is going
 * wait for it to end and then get their own run (the running one may be past what they announce).
 */

/** An athlete's events are dispatched once none has arrived for this long (one watch sync = a burst of events). */
export const WEBHOOK_DEBOUNCE_MS = 10_000;
/** …but never later than this after the first pending one, so a steady trickle cannot postpone the sync forever. */
export const WEBHOOK_MAX_DELAY_MS = 60_000;
/** Due events of an athlete whose run is still going are looked at again this often. */
export const WEBHOOK_BUSY_RETRY_MS = 1_000;

const KNOWN_EVENTS = new Set<string>(POLAR_WEBHOOK_EVENTS);

// ── dispatching (debounce) ──

/**
 * The resources each event says changed (polar-accesslink.md §7.2). Polar sends no Nightly Recharge event: the
 * recharge arrives with the night, so SLEEP brings it. SleepWise has nothing AccessLink lets us sync: such
 * events are recorded and ignored.
 */
const EVENT_RESOURCES: Record<PolarWebhookEvent, readonly SyncResource[]> = {
  EXERCISE: ["exercise"],
  SLEEP: ["sleep", "nightly-recharge"],
  CONTINUOUS_HEART_RATE: ["continuous-hr"],
  ACTIVITY_SUMMARY: ["activity"],
  PHYSICAL_INFORMATION: ["physical-info"],
  SLEEP_WISE_CIRCADIAN_BEDTIME: [],
  SLEEP_WISE_ALERTNESS: [],
};

function isPolarWebhookEvent(event: string): event is PolarWebhookEvent {
  return KNOWN_EVENTS.has(event);
}

/**
 * The union of the resources a set of recorded events affects, in run order. Cardio load has no event of its
 * own: Polar recomputes it from training sessions and nights, so it follows exercise and sleep.
 */
export function toWebhookResources(events: readonly string[]): SyncResource[] {
  const wanted = new Set<SyncResource>();
  for (const event of events) {
    if (!isPolarWebhookEvent(event)) continue;
    for (const resource of EVENT_RESOURCES[event]) wanted.add(resource);
  }
  if (wanted.has("exercise") || wanted.has("sleep")) wanted.add("cardio-load");
  return SYNC_RESOURCES.filter((resource) => wanted.has(resource));
}

export type WebhookDispatchDeps = {
  db: Db;
  runner: Pick<SyncJobRunner, "start">;
  debounceMs?: number;
  maxDelayMs?: number;
};

export type DispatchedRun = { athleteId: string; runId: string; joined: boolean; events: number };

type PendingGroup = { athleteId: string; first: number; last: number };

function listPendingGroups(db: Db): PendingGroup[] {
  return db
    .select({
      athleteId: webhookEvents.athleteId,
      first: sql<number>`min(${webhookEvents.receivedAt})`,
      last: sql<number>`max(${webhookEvents.receivedAt})`,
    })
    .from(webhookEvents)
    .where(eq(webhookEvents.status, "pending"))
    .groupBy(webhookEvents.athleteId)
    .all();
}

function dueAt(group: PendingGroup, debounceMs: number, maxDelayMs: number): number {
  return Math.min(group.last + debounceMs, group.first + maxDelayMs);
}

/**
 * Starts one run per athlete whose pending events are due (quiet for the debounce window, or waiting for the
 * maximum delay), limited to the union of the resources those events affect. Events that affect nothing
 * syncable (SleepWise) start no run and are marked skipped. While a run is going for the athlete their events
 * stay pending: that run may have read exercises before this new one was announced, so joining it could leave
 * the announced data to the next scheduled sync. They are dispatched once it has ended.
 */
export function dispatchDueWebhookEvents(deps: WebhookDispatchDeps, now: number): DispatchedRun[] {
  const debounceMs = deps.debounceMs ?? WEBHOOK_DEBOUNCE_MS;
  const maxDelayMs = deps.maxDelayMs ?? WEBHOOK_MAX_DELAY_MS;
  const due = listPendingGroups(deps.db).filter((group) => dueAt(group, debounceMs, maxDelayMs) <= now);
  const dispatched: DispatchedRun[] = [];
  for (const group of due) {
    const events = deps.db
      .select({ id: webhookEvents.id, event: webhookEvents.event })
      .from(webhookEvents)
      .where(
        and(eq(webhookEvents.athleteId, group.athleteId), eq(webhookEvents.status, "pending"), lte(webhookEvents.receivedAt, now)),
      )
      .all();
    if (events.length === 0) continue;
    const ids = events.map((event) => event.id);
    const resources = toWebhookResources(events.map((event) => event.event));
    if (resources.length > 0 && findLiveRun(deps.db, group.athleteId, now) !== null) continue;
    if (resources.length === 0) {
      deps.db
        .update(webhookEvents)
        .set({ status: "skipped", dispatchedAt: now })
        .where(and(inArray(webhookEvents.id, ids), eq(webhookEvents.status, "pending")))
        .run();
      continue;
    }
    const begun = deps.runner.start(group.athleteId, "webhook", { resources });
    const updated = deps.db
      .update(webhookEvents)
      .set({ status: "dispatched", runId: begun.runId, dispatchedAt: now })
      .where(and(inArray(webhookEvents.id, ids), eq(webhookEvents.status, "pending")))
      .returning({ id: webhookEvents.id })
      .all();
    dispatched.push({ athleteId: group.athleteId, runId: begun.runId, joined: begun.joined, events: updated.length });
  }
  return dispatched;
}

/** When the next pending group becomes due (epoch ms), or null when nothing waits. */
export function nextWebhookDueAt(db: Db, debounceMs = WEBHOOK_DEBOUNCE_MS, maxDelayMs = WEBHOOK_MAX_DELAY_MS): number | null {
  const groups = listPendingGroups(db);
  if (groups.length === 0) return null;
  return Math.min(...groups.map((group) => dueAt(group, debounceMs, maxDelayMs)));
}

export type WebhookDispatcher = {
  /** An event was recorded: make sure a timer will dispatch it. */
  notify(): void;
  stop(): void;
};

/**
 * The in-process timer behind the debounce. Pending events live in SQLite, so a restart loses nothing: the
 * scheduler tick dispatches whatever a stopped process left pending.
 */
export function createWebhookDispatcher(options: {
  getDeps: () => WebhookDispatchDeps;
  now?: () => number;
  onError?: (error: unknown) => void;
}): WebhookDispatcher {
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  function arm(delayMs: number): void {
    if (stopped || timer !== null) return;
    timer = setTimeout(fire, Math.max(0, delayMs));
    timer.unref();
  }

  function fire(): void {
    timer = null;
    try {
      const deps = options.getDeps();
      dispatchDueWebhookEvents(deps, now());
      const next = nextWebhookDueAt(deps.db, deps.debounceMs, deps.maxDelayMs);
      // Still due after dispatching: those athletes have a run going; look again shortly, not in a busy loop.
      if (next !== null) arm(next <= now() ? WEBHOOK_BUSY_RETRY_MS : next - now());
    } catch (error) {
      options.onError?.(error);
    }
  }

  return {
    notify() {
      const deps = options.getDeps();
      arm((deps.debounceMs ?? WEBHOOK_DEBOUNCE_MS) + 50);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** How many recorded notifications each run absorbed (the history page shows it). */
export function countWebhookEventsByRun(db: Db, runIds: string[]): Map<string, number> {
  if (runIds.length === 0) return new Map();
  const rows = db
    .select({ runId: webhookEvents.runId, count: sql<number>`count(*)` })
    .from(webhookEvents)
    .where(inArray(webhookEvents.runId, runIds))
    .groupBy(webhookEvents.runId)
    .all();
  return new Map(rows.flatMap((row) => (row.runId === null ? [] : [[row.runId, row.count] as [string, number]])));
}
