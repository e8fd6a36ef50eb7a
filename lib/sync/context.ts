import type { Db } from "@/db/client";
import type { PolarUserClient } from "@/lib/polar";
import { isPolarError } from "@/lib/polar/errors";
import { writeProgress, type RunProgress } from "./runs";
import { emptyCounts, type Outcome, type SyncDeps, type SyncResource, type SyncRunError, type SyncSkipReason } from "./types";

const PROGRESS_INTERVAL_MS = 250;

/** Raised to stop the whole run (401 / 403: nothing else can succeed for this athlete). */
export class FatalSyncError extends Error {
  constructor(
    readonly code: "reconnect_needed" | "consents_needed" | "not_connected" | "token_unreadable",
    message: string,
  ) {
    super(message);
    this.name = "FatalSyncError";
  }
}

/** The state one run carries: its athlete, Polar client, clock, counters and progress. */
export class RunContext {
  readonly progress: RunProgress = { step: "Starting", itemsDone: 0, itemsTotal: 0, counts: {}, errors: [], requestCount: 0 };
  itemsStoredInRun = 0;
  private lastFlushAt = 0;

  constructor(
    readonly deps: SyncDeps,
    readonly athleteId: string,
    readonly runId: string,
    readonly user: PolarUserClient,
    /** The athlete's local "today" (`YYYY-MM-DD`). */
    readonly today: string,
    /**
     * The latest "today" anywhere (UTC+14) at the run's reference instant: the end of every window, since the
     * athlete's offset may be unknown (first sync) or wrong (travel). Nothing real is dated after it.
     */
    readonly latestToday: string = today,
    /** The run's reference instant (the caller's `now`, which a simulated clock sets): what "recent" is measured from. */
    readonly referenceMs: number = (deps.now ?? Date.now)(),
  ) {}

  get db(): Db {
    return this.deps.db;
  }

  now(): number {
    return (this.deps.now ?? Date.now)();
  }

  setStep(step: string): void {
    this.progress.step = step;
    this.flushSoon();
  }

  addTotal(items: number): void {
    this.progress.itemsTotal += items;
    this.flushSoon();
  }

  countOutcome(resource: SyncResource, outcome: Outcome | "quarantined"): void {
    const counts = (this.progress.counts[resource] ??= emptyCounts());
    counts[outcome] += 1;
  }

  /** A fetched record that was not stored, with the reason (never dropped silently). */
  countSkipped(resource: SyncResource, reason: SyncSkipReason): void {
    const counts = (this.progress.counts[resource] ??= emptyCounts());
    const skipped = (counts.skipped ??= {});
    skipped[reason] = (skipped[reason] ?? 0) + 1;
  }

  /** Marks a resource as handled even when it had nothing (so the result lists it with zeros). */
  touch(resource: SyncResource): void {
    this.progress.counts[resource] ??= emptyCounts();
  }

  /** Item progress is written at most every 250 ms: the UI polls at about that pace. */
  itemDone(): void {
    this.progress.itemsDone += 1;
    this.flushSoon();
  }

  /** Writes the progress unless it was written less than 250 ms ago (the run's end writes it anyway). */
  flushSoon(): void {
    if (this.now() - this.lastFlushAt >= PROGRESS_INTERVAL_MS) this.flush();
  }

  addError(error: SyncRunError): void {
    this.progress.errors.push(error);
    this.flush();
  }

  flush(): void {
    this.lastFlushAt = this.now();
    writeProgress(this.db, this.athleteId, this.runId, this.progress, this.lastFlushAt);
  }
}

/**
 * Counts every call made through the athlete's client (one call = one logical request; the client's own
 * retries are not counted).
 */
export function countCalls(user: PolarUserClient, onCall: () => void): PolarUserClient {
  return new Proxy(user, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        onCall();
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** Plain words for an error that stopped one resource. */
export function describeResourceError(error: unknown): { code: string; message: string } {
  if (isPolarError(error)) {
    switch (error.code) {
      case "upstream":
        return { code: "polar_unavailable", message: "Polar did not answer properly (server error or timeout) even after retries. Try again later." };
      case "rate_limited":
        return { code: "rate_limited", message: "Polar's request limit was reached. The sync will continue later." };
      case "bad_request":
        return { code: "polar_bad_request", message: `Polar refused the request (${error.status ?? 400}).` };
      case "not_found":
        return { code: "polar_not_found", message: "Polar no longer has this data (it expired before we could read it)." };
      case "invalid_payload":
        return { code: "invalid_payload", message: "Polar sent data we could not read." };
      default:
        return { code: `polar_${error.code}`, message: `Polar answered with an error (${error.code}).` };
    }
  }
  return { code: "internal", message: "Something went wrong on our side while storing this data." };
}
