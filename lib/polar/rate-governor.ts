import { PolarError } from "./errors";

/**
 * Process-wide limiter for AccessLink's per-app rate limits (polar-accesslink.md §8). Polar reports usage on every
 * response in `RateLimit-Usage`, `RateLimit-Limit` and `RateLimit-Reset` — two comma-separated values each, the
 * 15-minute window first, the 24-hour window second; `RateLimit-Reset` is seconds until each window resets.
 *
 * Policy:
 * - keep `headroom` (a fraction, default 10 %) of the 15-minute window free: once the window's usage (as last
 *   reported, plus requests still in flight) reaches `limit × (1 − headroom)`, callers wait until it resets;
 * - the same for the 24-hour window, except that a wait longer than `maxWaitMs` is not slept through —
 *   `acquire()` throws `PolarError("rate_limited")` with `resetAt` so the job can stop and resume later;
 * - after a 429 every caller waits for the reported reset.
 */

export type RateWindowSnapshot = {
  /** Requests counted by Polar in this window (as last reported) — reset to 0 once the window has ended. */
  usage: number | null;
  limit: number | null;
  /** Epoch ms when the window resets, or null when unknown. */
  resetAt: number | null;
};

export type RateGovernorSnapshot = {
  short: RateWindowSnapshot;
  long: RateWindowSnapshot;
  /** Requests acquired whose response has not been reported yet. */
  inFlight: number;
  /** Callers currently waiting in `acquire()`. */
  waiting: number;
  /** After a 429: epoch ms until which nobody may send; null otherwise. */
  blockedUntil: number | null;
  headroom: number;
  /** Total 429 responses seen. */
  rateLimitedCount: number;
};

export type RateGovernor = {
  /** Resolves when a request may be sent; counts it as in flight until `update` or `abandon`. */
  acquire(): Promise<void>;
  /** Feed the headers of a response (any status) for a request obtained with `acquire`. */
  update(headers: Headers, status: number): void;
  /** A request obtained with `acquire` produced no response (network error, timeout). */
  abandon(): void;
  /**
   * Epoch ms until which a 429 with these headers tells callers to wait: the reset of the exhausted window
   * (the short one unless the long one is exhausted), else `Retry-After`, else one minute.
   */
  resetAtFor(headers: Headers): number;
  snapshot(): RateGovernorSnapshot;
};

export type RateGovernorOptions = {
  /** Fraction of each window kept free, default 0.1. */
  headroom?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Longest wait `acquire()` sleeps through; longer waits throw `rate_limited`. Default 16 minutes. */
  maxWaitMs?: number;
};

/** After a reset instant, wait a little longer: `RateLimit-Reset` is whole seconds, rounded by Polar. */
const RESET_SLACK_MS = 1000;
const DEFAULT_RETRY_AFTER_MS = 60_000;
const DEFAULT_MAX_WAIT_MS = 16 * 60_000;
const SHORT_WINDOW_MS = 15 * 60_000;
const LONG_WINDOW_MS = 24 * 60 * 60_000;

type WindowState = { usage: number | null; limit: number | null; resetAt: number | null };

function parsePair(value: string | null): [number | null, number | null] {
  if (value === null) return [null, null];
  const [first, second] = value.split(",").map((part) => {
    const n = Number(part.trim());
    return part.trim() !== "" && Number.isFinite(n) ? n : null;
  });
  return [first ?? null, second ?? null];
}

function sleepReal(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createRateGovernor(options: RateGovernorOptions = {}): RateGovernor {
  const headroom = options.headroom ?? 0.1;
  if (!(headroom >= 0 && headroom < 1)) throw new RangeError("headroom must be a fraction in [0, 1)");
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepReal;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;

  const short: WindowState = { usage: null, limit: null, resetAt: null };
  const long: WindowState = { usage: null, limit: null, resetAt: null };
  let inFlight = 0;
  let waiting = 0;
  let blockedUntil: number | null = null;
  let rateLimitedCount = 0;

  /** A window that has reset starts again at zero with Polar's next counted request. */
  function rollWindow(window: WindowState, at: number): void {
    if (window.resetAt !== null && at >= window.resetAt) {
      window.usage = 0;
      window.resetAt = null;
    }
  }

  /** Epoch ms until which this window makes callers wait, or null when a request may go now. */
  function computeWindowWaitUntil(window: WindowState, lengthMs: number, at: number): number | null {
    rollWindow(window, at);
    if (window.limit === null || window.usage === null) return null;
    const threshold = window.limit * (1 - headroom);
    if (window.usage + inFlight + 1 <= threshold) return null;
    // Saturated without a known reset (no RateLimit-Reset header): assume a full window from now, so the wait
    // ends and the window rolls over instead of blocking forever with nobody allowed to ask Polar again.
    if (window.resetAt === null) window.resetAt = at + lengthMs;
    return window.resetAt + RESET_SLACK_MS;
  }

  function applyHeaders(headers: Headers, at: number): void {
    const [shortUsage, longUsage] = parsePair(headers.get("RateLimit-Usage"));
    const [shortLimit, longLimit] = parsePair(headers.get("RateLimit-Limit"));
    const [shortReset, longReset] = parsePair(headers.get("RateLimit-Reset"));
    if (shortUsage !== null) short.usage = shortUsage;
    if (shortLimit !== null) short.limit = shortLimit;
    if (shortReset !== null) short.resetAt = at + shortReset * 1000;
    if (longUsage !== null) long.usage = longUsage;
    if (longLimit !== null) long.limit = longLimit;
    if (longReset !== null) long.resetAt = at + longReset * 1000;
  }

  function resetAtFor(headers: Headers): number {
    const at = now();
    const [, longUsage] = parsePair(headers.get("RateLimit-Usage"));
    const [, longLimit] = parsePair(headers.get("RateLimit-Limit"));
    const [shortReset, longReset] = parsePair(headers.get("RateLimit-Reset"));
    const longExhausted = longUsage !== null && longLimit !== null && longUsage >= longLimit;
    if (longExhausted && longReset !== null) return at + longReset * 1000 + RESET_SLACK_MS;
    if (shortReset !== null) return at + shortReset * 1000 + RESET_SLACK_MS;
    const retryAfter = Number(headers.get("Retry-After"));
    if (headers.get("Retry-After") !== null && Number.isFinite(retryAfter)) return at + retryAfter * 1000;
    return at + DEFAULT_RETRY_AFTER_MS;
  }

  async function acquire(): Promise<void> {
    for (;;) {
      const at = now();
      if (blockedUntil !== null && at >= blockedUntil) blockedUntil = null;
      const waits = [blockedUntil, computeWindowWaitUntil(short, SHORT_WINDOW_MS, at), computeWindowWaitUntil(long, LONG_WINDOW_MS, at)].filter(
        (value): value is number => value !== null,
      );
      if (waits.length === 0) {
        inFlight += 1;
        return;
      }
      const until = Math.max(...waits);
      if (until - at > maxWaitMs) {
        throw new PolarError("rate_limited", "Polar rate limit: the window resets later than this caller may wait", {
          resetAt: until,
        });
      }
      waiting += 1;
      try {
        await sleep(Math.max(1, until - at));
      } finally {
        waiting -= 1;
      }
    }
  }

  function update(headers: Headers, status: number): void {
    if (inFlight > 0) inFlight -= 1;
    const at = now();
    applyHeaders(headers, at);
    if (status === 429) {
      rateLimitedCount += 1;
      const until = resetAtFor(headers);
      blockedUntil = blockedUntil === null ? until : Math.max(blockedUntil, until);
    }
  }

  function abandon(): void {
    if (inFlight > 0) inFlight -= 1;
  }

  function snapshot(): RateGovernorSnapshot {
    const at = now();
    rollWindow(short, at);
    rollWindow(long, at);
    return {
      short: { ...short },
      long: { ...long },
      inFlight,
      waiting,
      blockedUntil: blockedUntil !== null && blockedUntil > at ? blockedUntil : null,
      headroom,
      rateLimitedCount,
    };
  }

  return { acquire, update, abandon, resetAtFor, snapshot };
}

/** The one governor of this process: AccessLink limits belong to the app, shared by every athlete and job. */
export const defaultRateGovernor: RateGovernor = createRateGovernor();
