import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { syncRuns } from "@/db/schema/sync";
import type { Viewer } from "@/lib/auth/session";
import { parseEnv, resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { classifyRequest, consumeRequestLimit, readClientAddress, resetRequestLimits } from "@/lib/http/request-limits";
import { beginRun, finishRun } from "@/lib/sync/runs";
import type { SyncJobRunner } from "@/lib/sync/runner";
import { createTestDb, insertAthlete, type TestDb } from "../integration/dal/fixtures";

/**
 * Finding 18.4: 60 POST /api/sync in a row started 22 runs, and exports, roster CSVs, 3-year daily ranges and
 * sign-in starts were unbounded. The seams are the database, the viewer and the runner; the route, the DAL,
 * the proxy and the limiters are the real code.
 */

const state: { db: TestDb | null; viewer: Viewer | null; clock: number; runsStarted: number } = {
  db: null,
  viewer: null,
  clock: Date.parse("2026-12-01T09:00:00Z"),
  runsStarted: 0,
};
vi.mock("@/db", () => ({
  getDb: () => {
    if (!state.db) throw new Error("test database not ready");
    return state.db.db;
  },
}));
vi.mock("@/lib/auth/session", () => ({
  requireViewer: async () => {
    if (!state.viewer) throw new AppError("unauthenticated", "Sign in with Polar to continue.");
    return state.viewer;
  },
}));
/** A runner whose runs take the real lease and finish at once: the fast runs that let 60 clicks start 22. */
const fastRunner: Pick<SyncJobRunner, "start"> = {
  start(athleteId, trigger) {
    const db = state.db?.db;
    if (!db) throw new Error("test database not ready");
    const begun = beginRun(db, athleteId, trigger, state.clock);
    if (!begun.joined) {
      state.runsStarted += 1;
      const progress = { step: "Done", itemsDone: 0, itemsTotal: 0, counts: {}, errors: [], requestCount: 0 };
      finishRun(db, athleteId, begun.runId, "succeeded", progress, state.clock + 200);
    }
    return begun;
  },
};
vi.mock("@/lib/sync/scheduler", () => ({ getAppSyncRunner: async () => fastRunner }));

const { POST: syncRoute } = await import("@/app/api/sync/route");
/** A click on Sync, from the app's own page (the route's origin guard wants that). */
const postSync = () =>
  syncRoute(new NextRequest("http://localhost:3000/api/sync", { method: "POST", headers: { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" } }), {
    params: Promise.resolve({}),
  });
const { proxy } = await import("@/proxy");

const BASE_ENV = {
  AUTH_SECRET: "rate-limit-test-auth-secret-0123456789abcdef",
  TOKEN_ENCRYPTION_KEY: "ab".repeat(32),
  POLAR_CLIENT_ID: "rl",
  POLAR_CLIENT_SECRET: "rl-secret",
  APP_URL: "http://localhost:3000",
};
const savedEnv = { ...process.env };

function setEnv(extra: Record<string, string> = {}): void {
  process.env = { ...savedEnv, ...BASE_ENV, ...extra };
  resetEnvCache();
}

beforeAll(() => {
  state.db = createTestDb();
  insertAthlete(state.db.db, "a1", 3001);
  state.viewer = { userId: "a1", polarUserId: 3001, name: null };
});
afterAll(() => state.db?.close());
beforeEach(() => {
  setEnv();
  resetRequestLimits();
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(state.clock);
});
afterEach(() => {
  vi.useRealTimers();
  process.env = { ...savedEnv };
  resetEnvCache();
});

function request(method: string, path: string, options: { cookie?: string; ip?: string } = {}): NextRequest {
  const headers = new Headers({ "x-forwarded-for": options.ip ?? "203.0.113.7" });
  if (options.cookie) headers.set("cookie", `authjs.session-token=${options.cookie}`);
  return new NextRequest(`http://localhost:3000${path}`, { method, headers });
}

describe("sync cool-down (18.4)", () => {
  it("60 POST /api/sync in a row, 300 ms apart, start 2 runs instead of one per finished run", async () => {
    state.runsStarted = 0;
    state.db?.db.delete(syncRuns).run();
    const runIds = new Set<string>();
    for (let click = 0; click < 60; click += 1) {
      state.clock += 300;
      vi.setSystemTime(state.clock);
      const response = await postSync();
      expect(response.status).toBe(202);
      runIds.add(((await response.json()) as { runId: string }).runId);
    }
    // 18 s of clicks with a 15 s cool-down: the first click's run, and one more after the cool-down.
    expect(state.runsStarted).toBe(2);
    expect(runIds.size).toBe(2);
  });

  it("a cool-down of 0 starts a run for every click after the last one finished", async () => {
    setEnv({ SYNC_COOLDOWN_SECONDS: "0" });
    state.runsStarted = 0;
    for (let click = 0; click < 3; click += 1) {
      state.clock += 1_000;
      vi.setSystemTime(state.clock);
      await postSync();
    }
    expect(state.runsStarted).toBe(3);
  });
});

describe("limits in the proxy (18.4)", () => {
  it("lets RATE_LIMIT_SYNC_PER_MINUTE sync posts of one session through, then answers 429 with Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let post = 0; post < 14; post += 1) {
      const response = await proxy(request("POST", "/api/sync", { cookie: "session-a" }));
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expect(statuses.slice(0, 12).every((status) => status !== 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);

    // Another session from another address has its own allowance.
    expect((await proxy(request("POST", "/api/sync", { cookie: "session-b", ip: "198.51.100.9" }))).status).not.toBe(429);
  });

  it("caps one address across sessions at RATE_LIMIT_IP_FACTOR times the per-session allowance", async () => {
    setEnv({ RATE_LIMIT_EXPORT_PER_MINUTE: "2", RATE_LIMIT_IP_FACTOR: "3" });
    const statuses: number[] = [];
    for (let session = 0; session < 8; session += 1) {
      statuses.push((await proxy(request("GET", "/api/export?format=json", { cookie: `s-${session}` }))).status);
    }
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
  });

  it("answers 429 with the error body for exports, roster CSVs and long daily ranges, and leaves short reads alone", async () => {
    setEnv({ RATE_LIMIT_EXPORT_PER_MINUTE: "1", RATE_LIMIT_CSV_PER_MINUTE: "1", RATE_LIMIT_LONG_RANGE_PER_MINUTE: "1" });
    const paths = ["/api/export?format=csv", "/api/teams/t1/roster?format=csv", "/api/athletes/me/daily?from=2023-12-01&to=2026-12-01"];
    for (const path of paths) {
      expect((await proxy(request("GET", path, { cookie: "c" }))).status).not.toBe(429);
      const refused = await proxy(request("GET", path, { cookie: "c" }));
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ error: { code: "rate_limited" } });
    }
    for (let read = 0; read < 5; read += 1) {
      expect((await proxy(request("GET", "/api/athletes/me/daily?from=2026-09-01&to=2026-12-01", { cookie: "c" }))).status).not.toBe(429);
      expect((await proxy(request("GET", "/api/teams/t1/roster", { cookie: "c" }))).status).not.toBe(429);
    }
  });

  it("counts Auth.js sign-in starts per address (no factor: the allowance is the address's), no session needed", async () => {
    setEnv({ RATE_LIMIT_SIGNIN_PER_MINUTE: "2", RATE_LIMIT_IP_FACTOR: "5" });
    const statuses: number[] = [];
    for (let start = 0; start < 3; start += 1) statuses.push((await proxy(request("POST", "/api/auth/signin/polar"))).status);
    expect(statuses.map((status) => status === 429)).toEqual([false, false, true]);
    expect((await proxy(request("POST", "/api/auth/signin/polar", { ip: "192.0.2.1" }))).status).not.toBe(429);
  });

  it("RATE_LIMITS_ENABLED=false lifts every limit (the test servers may)", async () => {
    setEnv({ RATE_LIMITS_ENABLED: "false", RATE_LIMIT_EXPORT_PER_MINUTE: "1" });
    for (let read = 0; read < 5; read += 1) expect((await proxy(request("GET", "/api/export", { cookie: "c" }))).status).not.toBe(429);
  });
});

describe("classification and addresses", () => {
  it.each([
    ["POST", "/api/sync", "sync"],
    ["POST", "/api/teams/t1/sync", "sync"],
    ["GET", "/api/teams/t1/sync", null],
    ["GET", "/api/export", "export"],
    ["GET", "/api/teams/t1/roster?format=csv", "csv"],
    ["GET", "/api/teams/t1/roster?format=json", null],
    ["GET", "/api/athletes/me/daily?from=2024-12-31&to=2026-01-02", "long-range"],
    ["GET", "/api/athletes/me/daily?from=2025-01-01&to=2026-01-01", null],
    ["GET", "/api/athletes/me/activity?from=2023-01-01&to=2026-01-01", "long-range"],
    ["GET", "/api/athletes/me/daily?from=%&to=2026-01-01", null],
    ["POST", "/api/auth/signin/polar", "signin"],
    ["GET", "/dashboard", null],
  ])("%s %s → %s", (method, path, expected) => {
    expect(classifyRequest(method, new URL(`http://localhost${path}`))).toBe(expected);
  });

  it("takes the entry the nearest proxy appended to X-Forwarded-For", () => {
    expect(readClientAddress(new Headers({ "x-forwarded-for": "10.0.0.1, 203.0.113.5" }))).toBe("203.0.113.5");
    expect(readClientAddress(new Headers())).toBe("unknown");
  });

  it("parses the limits from the environment with defaults", () => {
    const env = parseEnv({ ...BASE_ENV });
    expect(env).toMatchObject({ RATE_LIMITS_ENABLED: true, RATE_LIMIT_SYNC_PER_MINUTE: 12, SYNC_COOLDOWN_SECONDS: 15 });
    expect(() => parseEnv({ ...BASE_ENV, RATE_LIMIT_SYNC_PER_MINUTE: "0" })).toThrow(/RATE_LIMIT_SYNC_PER_MINUTE/);
  });

  it("consumeRequestLimit refuses the session after its allowance even from new addresses", async () => {
    const env = parseEnv({ ...BASE_ENV, RATE_LIMIT_CSV_PER_MINUTE: "2" });
    const verdicts = [];
    for (let read = 0; read < 3; read += 1) verdicts.push((await consumeRequestLimit(env, "csv", { address: `192.0.2.${read}`, sessionToken: "same" })).ok);
    expect(verdicts).toEqual([true, true, false]);
  });
});
