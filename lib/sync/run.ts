import { toLocalDateAt } from "@/lib/analytics/dates";
import { and, eq, inArray } from "drizzle-orm";
import { polarConnections } from "@/db/schema/auth";
import { syncCursors } from "@/db/schema/sync";
import { readStoredCredentials, setConnectionState } from "@/lib/auth/connection";
import { isPolarError } from "@/lib/polar/errors";
import { countCalls, describeResourceError, FatalSyncError, RunContext } from "./context";
import { beginRun, finishRun, getRun, type RunProgress } from "./runs";
import { getSyncSettings, resourcesEnabled } from "./settings";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import { syncBackfill } from "./backfill";
import { redatePhysicalInfo } from "./physical-dates";
import { purgeResources } from "./store";
import { syncExercises } from "./exercises";
import { syncTransactionalKind } from "./transactional";
import { SYNC_RESOURCES, type SyncDeps, type SyncOptions, type SyncResource, type SyncRunResult, type SyncRunStatus } from "./types";
import { describeUnstored } from "./skipped";
import { MAX_AHEAD_MS, syncCardioLoad, syncContinuousHeartRate, syncNightlyRecharge, syncSleep } from "./windowed";
import { syncDailyActivity } from "./daily-activity";

/**
 * One sync run for one athlete (design §3). Resources run in a fixed order — physical info first, so the
 * session zones and TRIMP of this run use the newest HRmax/HRrest; sleep before Nightly Recharge, whose maps
 * are unwrapped against the night's sleep start. Each resource succeeds or fails on its own; 401 and 403
 * stop the whole run and mark the connection.
 */

const STEPS: Record<SyncResource, (ctx: RunContext) => Promise<void>> = {
  "physical-info": (ctx) => syncTransactionalKind(ctx, "physical-information"),
  exercise: syncExercises,
  // The list first (the main path), so the transactions that follow are read only for days it lacks.
  activity: async (ctx) => {
    await syncDailyActivity(ctx);
    await syncTransactionalKind(ctx, "activity");
  },
  sleep: syncSleep,
  "nightly-recharge": syncNightlyRecharge,
  "continuous-hr": syncContinuousHeartRate,
  "cardio-load": syncCardioLoad,
};

/**
 * Starts (or joins) a run for the athlete and, when it started one, executes it to the end.
 * A joined run returns at once with the running run's id and `joined: true`.
 */
export async function syncAthlete(deps: SyncDeps, athleteId: string, options: SyncOptions): Promise<SyncRunResult> {
  const clock = deps.now ?? Date.now;
  const begun = beginRun(deps.db, athleteId, options.trigger, clock());
  if (begun.joined) {
    const running = getRun(deps.db, begun.runId);
    return {
      runId: begun.runId,
      joined: true,
      status: running?.status ?? "running",
      counts: running?.counts ?? {},
      errors: running?.errors ?? [],
      startedAt: running?.startedAt ?? clock(),
      finishedAt: running?.finishedAt ?? null,
      durationMs: running?.durationMs ?? null,
    };
  }
  return executeRun(deps, athleteId, begun.runId, options);
}

/** Executes a run already begun with `beginRun` (the runner calls this in the background). */
export async function executeRun(
  deps: SyncDeps,
  athleteId: string,
  runId: string,
  options: SyncOptions,
): Promise<SyncRunResult> {
  const clock = deps.now ?? Date.now;
  let ctx: RunContext | null = null;
  let status: SyncRunStatus = "failed";
  const fallbackProgress: RunProgress = { step: "Starting", itemsDone: 0, itemsTotal: 0, counts: {}, errors: [], requestCount: 0 };
  try {
    ctx = prepareContext(deps, athleteId, runId, options);
    status = await runResources(ctx, options.resources);
  } catch (error) {
    const progress = ctx?.progress ?? fallbackProgress;
    if (error instanceof FatalSyncError) {
      progress.errors.push({ resource: "run", code: error.code, message: error.message });
    } else {
      progress.errors.push({ resource: "run", code: "internal", message: "The sync stopped because of an error on our side." });
    }
    status = "failed";
  } finally {
    const progress = ctx?.progress ?? fallbackProgress;
    progress.step = status === "failed" ? "Failed" : "Done";
    finishRun(deps.db, athleteId, runId, status, progress, clock());
  }
  const run = getRun(deps.db, runId);
  if (!run) throw new Error(`sync run ${runId} disappeared`);
  return { ...run, joined: false };
}

function prepareContext(deps: SyncDeps, athleteId: string, runId: string, options: SyncOptions): RunContext {
  let credentials: ReturnType<typeof readStoredCredentials>;
  try {
    credentials = readStoredCredentials(deps.db, athleteId, deps.tokenKey);
  } catch {
    throw new FatalSyncError("token_unreadable", "The stored Polar authorization cannot be read. Connect to Polar again.");
  }
  if (!credentials) {
    throw new FatalSyncError("not_connected", "This account is not connected to Polar. Connect it first.");
  }
  const reference = options.now ?? (deps.now ?? Date.now)();
  // "Today" in the athlete's own day, from the offset of their latest session or night (UTC until we know).
  const today = toLocalDateAt(reference, getLatestOffsetMinutes(deps.db, athleteId));
  // The counter closes over `ctx`, which exists before the first call can happen.
  const user = countCalls(deps.polar.forUser(credentials.polarUserId, credentials.accessToken), () => {
    ctx.progress.requestCount += 1;
  });
  const ctx = new RunContext(deps, athleteId, runId, user, today, toLocalDateAt(reference + MAX_AHEAD_MS, 0), reference);
  return ctx;
}

async function runResources(ctx: RunContext, only: readonly SyncResource[] | undefined): Promise<SyncRunStatus> {
  const settings = getSyncSettings(ctx.db, ctx.athleteId);
  const enabled = resourcesEnabled(settings);
  const disabled = SYNC_RESOURCES.filter((resource) => !enabled.has(resource));
  if (disabled.length > 0) {
    ctx.setStep("Removing data types you switched off");
    purgeResources(ctx.db, ctx.athleteId, disabled);
    ctx.db
      .delete(syncCursors)
      .where(and(eq(syncCursors.athleteId, ctx.athleteId), inArray(syncCursors.resource, disabled)))
      .run();
  }

  // Purging above follows the settings alone; `only` narrows what this run fetches, never what is kept.
  const requested = only === undefined ? null : new Set(only);
  let failedResources = 0;
  let attempted = 0;
  for (const resource of SYNC_RESOURCES) {
    if (!enabled.has(resource)) continue;
    if (requested !== null && !requested.has(resource)) continue;
    attempted += 1;
    try {
      await STEPS[resource](ctx);
    } catch (error) {
      rethrowFatal(ctx, error);
      failedResources += 1;
      ctx.addError({ resource, ...describeResourceError(error) });
    }
  }

  if (enabled.has("physical-info")) redatePhysicalInfo(ctx.db, ctx.athleteId);
  // History before the first sync, after today's data is stored (the dashboard never waits for it); runs
  // limited to some resources (webhooks) leave it to the next full run.
  let backfillPaused = false;
  if (requested === null && failedResources < attempted) {
    try {
      backfillPaused = !(await syncBackfill(ctx, enabled));
    } catch (error) {
      rethrowFatal(ctx, error);
      ctx.addError({ resource: "run", ...describeResourceError(error) });
      backfillPaused = true;
    }
  }

  const connection = ctx.db
    .select({ state: polarConnections.state })
    .from(polarConnections)
    .where(eq(polarConnections.userId, ctx.athleteId))
    .get();
  if (connection && connection.state !== "connected" && failedResources < attempted) {
    markConnection(ctx, "connected", null);
  }

  const quarantined = Object.entries(ctx.progress.counts).filter(([, counts]) => counts.quarantined > 0);
  for (const [resource, counts] of quarantined) {
    ctx.addError({
      resource: resource as SyncResource,
      code: "quarantined",
      message: `${counts.quarantined} ${counts.quarantined === 1 ? "record" : "records"} from Polar could not be read and ${counts.quarantined === 1 ? "was" : "were"} set aside; everything else was stored.`,
    });
  }
  const unstored = describeUnstored(ctx.progress.counts);
  for (const error of unstored) ctx.addError(error);
  if (attempted > 0 && failedResources === attempted) return "failed";
  if (failedResources > 0 || quarantined.length > 0 || unstored.length > 0 || backfillPaused) return "partial";
  return "succeeded";
}

/** 401 and 403 stop the whole run and mark the connection; a non-Polar error is a bug and stops it too. */
function rethrowFatal(ctx: RunContext, error: unknown): void {
  if (isPolarError(error, "unauthorized")) {
    markConnection(ctx, "reconnect_needed", "Polar rejected the authorization (401).");
    throw new FatalSyncError("reconnect_needed", "Polar no longer accepts this connection. Please connect to Polar again.");
  }
  if (isPolarError(error, "consent_required")) {
    markConnection(ctx, "consents_needed", "Polar requires consents to be accepted (403).");
    throw new FatalSyncError("consents_needed", "Polar needs you to accept its data-sharing consents at account.polar.com before data can be synced.");
  }
  if (error instanceof FatalSyncError) throw error;
  // A bug or a broken invariant is not a Polar hiccup: stop the run, as a crash would.
  if (!isPolarError(error)) throw error;
}

function markConnection(ctx: RunContext, state: "connected" | "reconnect_needed" | "consents_needed", detail: string | null): void {
  setConnectionState(ctx.db, ctx.athleteId, state, detail);
}
