import type { Env } from "@/lib/env";
import { AppError, toErrorBody } from "@/lib/errors";
import { createMemoryRateLimiter, type RateLimiter } from "./rate-limit";

/**
 * Which requests are rate limited, and how (finding 18.4). Every limit is per minute and counted twice: per
 * signed-in session (its cookie, hashed) and per client IP, the IP allowance being RATE_LIMIT_IP_FACTOR times
 * larger. Sign-in starts have no session yet and count per IP only. Ordinary page and API reads are not
 * limited: only what costs Polar calls or whole-history reads.
 *
 * The counters live in the process (a globalThis registry, so proxy.ts and server actions — bundled apart —
 * share them). Several instances would build these limiters on a shared store instead (rate-limit.ts).
 */

export type LimitName = "sync" | "export" | "csv" | "long-range" | "signin";

/** A daily series longer than this (in days) is a long-range read: a year, plus a leap day. */
export const LONG_RANGE_DAYS = 366;

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** What a request is, for the purpose of limits: method, path and query, and who asks. */
export type LimitedRequest = { method: string; url: URL; headers: Headers; sessionToken: string | null };

/** The limit a request falls under, or null for everything else. */
export function classifyRequest(method: string, url: URL): LimitName | null {
  const path = url.pathname;
  if (method === "POST") {
    if (path === "/api/sync" || /^\/api\/teams\/[^/]+\/sync$/.test(path)) return "sync";
    if (path.startsWith("/api/auth/signin")) return "signin";
    return null;
  }
  if (method !== "GET") return null;
  if (path === "/api/export") return "export";
  if (/^\/api\/teams\/[^/]+\/roster$/.test(path) && url.searchParams.get("format") === "csv") return "csv";
  if (/^\/api\/athletes\/[^/]+\/(daily|activity)$/.test(path) && spanDays(url.searchParams) > LONG_RANGE_DAYS) {
    return "long-range";
  }
  return null;
}

/** Days from `from` to `to` (YYYY-MM-DD); 0 when either is missing or not a date (the route answers 400). */
function spanDays(params: URLSearchParams): number {
  const from = Date.parse(`${params.get("from") ?? ""}T00:00:00Z`);
  const to = Date.parse(`${params.get("to") ?? ""}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return 0;
  return Math.round((to - from) / 86_400_000);
}

type LimitEnv = Pick<
  Env,
  | "RATE_LIMITS_ENABLED"
  | "RATE_LIMIT_SYNC_PER_MINUTE"
  | "RATE_LIMIT_EXPORT_PER_MINUTE"
  | "RATE_LIMIT_CSV_PER_MINUTE"
  | "RATE_LIMIT_LONG_RANGE_PER_MINUTE"
  | "RATE_LIMIT_SIGNIN_PER_MINUTE"
  | "RATE_LIMIT_IP_FACTOR"
>;

function perMinute(env: LimitEnv, name: LimitName): number {
  switch (name) {
    case "sync":
      return env.RATE_LIMIT_SYNC_PER_MINUTE;
    case "export":
      return env.RATE_LIMIT_EXPORT_PER_MINUTE;
    case "csv":
      return env.RATE_LIMIT_CSV_PER_MINUTE;
    case "long-range":
      return env.RATE_LIMIT_LONG_RANGE_PER_MINUTE;
    case "signin":
      return env.RATE_LIMIT_SIGNIN_PER_MINUTE;
  }
}

type LimiterRegistry = Map<string, RateLimiter>;
const registryHolder = globalThis as unknown as { thresholdRateLimiters?: LimiterRegistry };

function getLimiter(name: LimitName, scope: "session" | "ip", points: number): RateLimiter {
  registryHolder.thresholdRateLimiters ??= new Map();
  const registry = registryHolder.thresholdRateLimiters;
  // The allowance is part of the key: a changed environment (tests) gets fresh counters.
  const id = `${name}:${scope}:${points}`;
  let limiter = registry.get(id);
  if (!limiter) {
    limiter = createMemoryRateLimiter({ points, durationSeconds: 60 });
    registry.set(id, limiter);
  }
  return limiter;
}

/** Forgets every counter (tests). */
export function resetRequestLimits(): void {
  registryHolder.thresholdRateLimiters?.clear();
}

/**
 * The client address: the last X-Forwarded-For entry, which is the one the nearest proxy added (Next.js
 * itself sets the header from the socket when no proxy did). Behind a reverse proxy, it must set or append
 * X-Forwarded-For, or every client shares the proxy's address (SECURITY.md).
 */
export function readClientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}

export function readSessionToken(cookies: { get(name: string): { value: string } | undefined }): string | null {
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name)?.value;
    if (value) return value;
  }
  return null;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export type LimitVerdict = { ok: true } | { ok: false; name: LimitName; retryAfterSeconds: number };

/** Spends one request of `name` for this caller; refuses when the session's or the address's minute is used up. */
export async function consumeRequestLimit(
  env: LimitEnv,
  name: LimitName,
  caller: { address: string; sessionToken: string | null },
): Promise<LimitVerdict> {
  if (!env.RATE_LIMITS_ENABLED) return { ok: true };
  const allowance = perMinute(env, name);
  // Sign-in starts are counted per address only, so their allowance is already the address's.
  const ipAllowance = name === "signin" ? allowance : allowance * env.RATE_LIMIT_IP_FACTOR;
  const checks: Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }>[] = [
    getLimiter(name, "ip", ipAllowance).consume(caller.address),
  ];
  if (name !== "signin" && caller.sessionToken !== null) {
    checks.push(getLimiter(name, "session", allowance).consume(await sha256Hex(caller.sessionToken)));
  }
  const refused = (await Promise.all(checks)).filter((verdict) => !verdict.ok);
  if (refused.length === 0) return { ok: true };
  return { ok: false, name, retryAfterSeconds: Math.max(...refused.map((verdict) => (verdict.ok ? 0 : verdict.retryAfterSeconds))) };
}

/** The limit a request falls under, spent; null when it is not limited or still within its allowance. */
export async function checkRequestLimit(env: LimitEnv, request: LimitedRequest): Promise<Response | null> {
  const name = classifyRequest(request.method, request.url);
  if (name === null) return null;
  const verdict = await consumeRequestLimit(env, name, { address: readClientAddress(request.headers), sessionToken: request.sessionToken });
  return verdict.ok ? null : toRateLimitedResponse(verdict.retryAfterSeconds);
}

/** 429 with Retry-After (seconds) and the usual error body. */
export function toRateLimitedResponse(retryAfterSeconds: number): Response {
  const error = new AppError("rate_limited", `Too many requests. Try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  return Response.json(toErrorBody(error), {
    status: 429,
    headers: { "retry-after": String(retryAfterSeconds), "cache-control": "no-store" },
  });
}
