import { executeRun } from "./run";
import { beginRun, type BeginRunResult } from "./runs";
import type { SyncDeps, SyncResource, SyncRunResult, SyncTrigger } from "./types";

export type SyncJobOptions = {
  /** Only these resources (see SyncOptions.resources); default every enabled one. Ignored when the run is joined. */
  resources?: readonly SyncResource[];
};

/**
 * The job runner behind which sync runs execute. Today runs go in-process (fire and forget after the run row
 * and lease are written); the interface is what a Postgres-backed queue would implement later (design §8):
 * `start` records the job and returns its id at once, `waitFor` observes completion.
 */
export type SyncJobRunner = {
  /** Starts a run for the athlete, or joins the one already running; returns without waiting for the work. */
  start(athleteId: string, trigger: SyncTrigger, options?: SyncJobOptions): BeginRunResult;
  /** Resolves with the result of a run started by this runner; null for runs it does not know. */
  waitFor(runId: string): Promise<SyncRunResult | null>;
};

export function createInProcessRunner(getDeps: () => SyncDeps): SyncJobRunner {
  const inFlight = new Map<string, Promise<SyncRunResult | null>>();
  return {
    start(athleteId, trigger, options) {
      const deps = getDeps();
      const begun = beginRun(deps.db, athleteId, trigger, (deps.now ?? Date.now)());
      if (begun.joined) return begun;
      // executeRun records every failure in the run row itself; only a broken database can make it reject,
      // and nobody awaits a background job, so that must not become an unhandled rejection.
      const job = executeRun(deps, athleteId, begun.runId, { trigger, resources: options?.resources })
        .catch((error: unknown) => {
          console.error(`sync run ${begun.runId} could not be recorded`, error instanceof Error ? error.name : typeof error);
          return null;
        })
        .finally(() => {
          inFlight.delete(begun.runId);
        });
      inFlight.set(begun.runId, job);
      return begun;
    },
    async waitFor(runId) {
      return (await inFlight.get(runId)) ?? null;
    },
  };
}
