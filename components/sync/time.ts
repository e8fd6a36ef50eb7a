const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** English, long units ("12 minutes ago"): the same words on the server and in every browser. */
const RELATIVE = new Intl.RelativeTimeFormat("en", { numeric: "always", style: "long" });

/**
 * How long ago an instant was: "just now" (under a minute), "12 minutes ago", "5 hours ago" (under 48 hours),
 * "3 days ago". Whole units elapsed, rounded down: "2 hours ago" means at least two hours. `nowMs` is passed in
 * so the server render, the client and the tests agree; a future instant reads as "just now".
 */
export function formatAgo(thenMs: number, nowMs: number): string {
  const elapsed = Math.max(0, nowMs - thenMs);
  if (elapsed < MINUTE_MS) return "just now";
  if (elapsed < HOUR_MS) return RELATIVE.format(-Math.floor(elapsed / MINUTE_MS), "minute");
  if (elapsed < 2 * DAY_MS) return RELATIVE.format(-Math.floor(elapsed / HOUR_MS), "hour");
  return RELATIVE.format(-Math.floor(elapsed / DAY_MS), "day");
}
