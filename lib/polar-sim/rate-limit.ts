import type { RateWindow, SimContext } from "@/lib/polar-sim/state";
import { countRegisteredUsers } from "@/lib/polar-sim/state";

/**
 * Per-client rate limits of §8: fixed 15-minute and 24-hour windows, each starting with the first request after
 * the previous one ended; limits 500 + 20n and 5000 + 100n for n registered users. Every request counts in both
 * windows, including the ones refused with 429 (refused short-window requests still count in the long window).
 */

export type RateDecision = { limited: boolean; headers: Record<string, string> };

function openWindowIfEnded(window: RateWindow | null, now: number, lengthMs: number): RateWindow {
  return window && now < window.start + lengthMs ? window : { start: now, count: 0 };
}

/**
 * @param counterKey the counter to charge (a client id, or `basic:<id>` with U8 separate counters).
 * @param count false for traffic Polar would not meter (admin, unauthenticated); the headers are still reported.
 */
export function applyRateLimit(ctx: SimContext, counterKey: string, clientId: string, count: boolean): RateDecision {
  const switches = ctx.state.switches;
  const now = ctx.clock.now();
  const shortMs = switches.rateLimitShortWindowSeconds * 1000;
  const longMs = switches.rateLimitLongWindowSeconds * 1000;
  const users = countRegisteredUsers(ctx.state, clientId);
  const shortLimit = switches.rateLimitShortBase + switches.rateLimitShortPerUser * users;
  const longLimit = switches.rateLimitLongBase + switches.rateLimitLongPerUser * users;
  const stored = ctx.state.rateWindows.get(counterKey) ?? { short: null, long: null };
  let limited = false;
  let shortWindow = stored.short;
  let longWindow = stored.long;
  if (count) {
    shortWindow = openWindowIfEnded(stored.short, now, shortMs);
    longWindow = openWindowIfEnded(stored.long, now, longMs);
    shortWindow.count += 1;
    longWindow.count += 1;
    limited = shortWindow.count > shortLimit || longWindow.count > longLimit;
    ctx.state.rateWindows.set(counterKey, { short: shortWindow, long: longWindow });
  }
  const usage = (window: RateWindow | null, lengthMs: number): number => (window && now < window.start + lengthMs ? window.count : 0);
  const reset = (window: RateWindow | null, lengthMs: number): number =>
    window && now < window.start + lengthMs ? Math.ceil((window.start + lengthMs - now) / 1000) : lengthMs / 1000;
  const headers: Record<string, string> = {
    "RateLimit-Usage": `${usage(shortWindow, shortMs)}, ${usage(longWindow, longMs)}`,
    "RateLimit-Limit": `${shortLimit}, ${longLimit}`,
    "RateLimit-Reset": `${reset(shortWindow, shortMs)}, ${reset(longWindow, longMs)}`,
  };
  if (limited && switches.retryAfter) {
    const shortBlocked = shortWindow !== null && shortWindow.count > shortLimit;
    headers["Retry-After"] = String(shortBlocked ? reset(shortWindow, shortMs) : reset(longWindow, longMs));
  }
  return { limited, headers };
}
