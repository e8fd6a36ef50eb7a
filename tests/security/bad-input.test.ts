import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type * as Scheduler from "@/lib/sync/scheduler";
import { createTestDb, type TestDb } from "@/tests/fixtures/db";
import { insertAthlete } from "@/tests/integration/dal/fixtures";

/**
 * Issue 18 §5 and the "bad input" part of the security suite: undecodable paths, huge and wrong-typed values
 * and malformed bodies get 400/404/413/415/422, never 500, on every route. Route handlers are called directly
 * (the seams are the viewer, the database and the sync runner); undecodable paths go through proxy.ts, which
 * answers them before Next decodes the dynamic segments.
 */

const APP_URL = "http://localhost:3000";
type SchedulerModule = typeof Scheduler;
const state: { db: TestDb | null; viewer: Viewer | null } = { db: null, viewer: null };

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
  getViewer: async () => state.viewer,
}));
vi.mock("@/lib/sync/scheduler", async (importOriginal) => ({
  ...(await importOriginal<SchedulerModule>()),
  getAppSyncRunner: async () => ({ start: () => ({ runId: "00000000-0000-4000-8000-000000000000", joined: false }) }),
}));
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("AUTH_SECRET", "a".repeat(40));
vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
vi.stubEnv("POLAR_CLIENT_ID", "test-client");
vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");

const { proxy } = await import("@/proxy");
const dailyRoute = await import("@/app/api/athletes/[id]/daily/route");
const activityRoute = await import("@/app/api/athletes/[id]/activity/route");
const exportRoute = await import("@/app/api/export/route");
const currentRoute = await import("@/app/api/sync/current/route");
const runRoute = await import("@/app/api/sync/runs/[id]/route");
const syncRoute = await import("@/app/api/sync/route");
const rosterRoute = await import("@/app/api/teams/[teamId]/roster/route");
const teamSyncRoute = await import("@/app/api/teams/[teamId]/sync/route");
const reportPage = await import("@/app/reports/[athlete]/[week]/page");
const { parseReportParams } = await import("@/lib/dal/report");
const { createTeam } = await import("@/lib/dal/teams");

const VIEWER: Viewer = { userId: "ath-1", polarUserId: 7101, name: "Athlete" };
let teamId = "";

const HUGE = "9".repeat(200_000);
/** Ids as Next hands them over after decoding the path: odd, but decodable. */
const WEIRD_IDS = ["%", "%25", "../../etc/passwd", "\u0000", "💥", " ", "a".repeat(10_000), HUGE, "null", "-1", "1e309"];
const MALFORMED_SEGMENTS = ["%", "%E0%A4%A", "%ZZ", "%C0%AF", "%ED%A0%80", "%%", "%E0%A4"];

type Call = () => Promise<Response>;

function get(path: string): Request {
  return new Request(`${APP_URL}${path}`, { headers: { origin: APP_URL, "sec-fetch-site": "same-origin" } });
}

function post(path: string, body: BodyInit | null, contentType: string | null = "application/json"): Request {
  const headers = new Headers({ origin: APP_URL, "sec-fetch-site": "same-origin" });
  if (contentType) headers.set("content-type", contentType);
  return new Request(`${APP_URL}${path}`, { method: "POST", headers, body });
}

function params<T>(value: T): { params: Promise<T> } {
  return { params: Promise.resolve(value) };
}

/** Every route with bad path values, bad query values and bad bodies, each with the statuses allowed. */
function cases(): [string, Call, number[]][] {
  const list: [string, Call, number[]][] = [];
  for (const id of WEIRD_IDS) {
    const label = id.length > 20 ? `${id.slice(0, 8)}… (${id.length} chars)` : JSON.stringify(id);
    list.push(
      [`GET daily id=${label}`, () => dailyRoute.GET(get(`/api/athletes/x/daily?from=2026-03-01&to=2026-03-31`), params({ id })), [400, 404]],
      [`GET activity id=${label}`, () => activityRoute.GET(get(`/api/athletes/x/activity?from=2026-03-01&to=2026-03-31`), params({ id })), [400, 404]],
      [`GET run id=${label}`, () => runRoute.GET(get(`/api/sync/runs/x`), params({ id })), [400]],
      [`GET roster teamId=${label}`, () => rosterRoute.GET(get(`/api/teams/x/roster`), params({ teamId: id })), [400, 404]],
      [`GET team sync teamId=${label}`, () => teamSyncRoute.GET(get(`/api/teams/x/sync`), params({ teamId: id })), [400, 404]],
      [`POST team sync teamId=${label}`, () => teamSyncRoute.POST(post(`/api/teams/x/sync`, '{"athleteIds":null}'), params({ teamId: id })), [400, 404]],
      [`GET current athleteId=${label}`, () => currentRoute.GET(get(`/api/sync/current?${new URLSearchParams({ athleteId: id })}`)), [400, 404]],
    );
  }
  const badRanges = [
    "from=2026-02-30&to=2026-03-01",
    "from=abc&to=def",
    `from=${HUGE}&to=2026-03-01`,
    "from=2026-03-01",
    "from=2020-01-01&to=2026-01-01",
    "from=2026-03-05&to=2026-03-01",
    "from[]=1&to[]=2",
    "from=%E0%A4%A&to=%",
    "from=2026-03-01&to=2026-03-01T00:00:00Z",
    "from=-002026-03-01&to=2026-03-01",
  ];
  for (const query of badRanges) {
    list.push(
      [`GET daily ?${query.slice(0, 40)}`, () => dailyRoute.GET(get(`/api/athletes/me/daily?${query}`), params({ id: "me" })), [400]],
      [`GET activity ?${query.slice(0, 40)}`, () => activityRoute.GET(get(`/api/athletes/me/activity?${query}`), params({ id: "me" })), [400]],
    );
  }
  for (const query of ["format=xml", "format=", `format=${HUGE}`, "format=JSON"]) {
    list.push(
      [`GET export ?${query.slice(0, 20)}`, () => exportRoute.GET(get(`/api/export?${query}`)), [400]],
      [`GET roster ?${query.slice(0, 20)}`, () => rosterRoute.GET(get(`/api/teams/${teamId}/roster?${query}`), params({ teamId })), [400]],
    );
  }
  for (const query of ["athleteId=", `athleteId=${HUGE}`]) {
    list.push([`GET current ?${query.slice(0, 20)}`, () => currentRoute.GET(get(`/api/sync/current?${query}`)), [400]]);
  }
  for (const runs of ["x", "a:b", `${"a:".repeat(60_000)}`, "me:00000000-0000-4000-8000-00000000000g", ",,,:", HUGE]) {
    list.push([`GET team sync ?runs=${runs.slice(0, 20)}`, () => teamSyncRoute.GET(get(`/api/teams/${teamId}/sync?runs=${encodeURIComponent(runs)}`), params({ teamId })), [400]]);
  }
  const bodies: [string, BodyInit | null, string | null, number[]][] = [
    ["not JSON", "{athleteIds:", "application/json", [400]],
    ["empty", "", "application/json", [400]],
    ["no body", null, "application/json", [400]],
    ["a number", "5", "application/json", [422]],
    ["athleteIds a string", '{"athleteIds":"x"}', "application/json", [422]],
    ["athleteIds numbers", '{"athleteIds":[1,2]}', "application/json", [422]],
    ["athleteIds an object", '{"athleteIds":{}}', "application/json", [422]],
    ["an empty id", '{"athleteIds":[""]}', "application/json", [422]],
    ["a huge id", JSON.stringify({ athleteIds: [HUGE] }), "application/json", [422]],
    ["1001 ids", JSON.stringify({ athleteIds: Array.from({ length: 1001 }, (_, index) => `a${index}`) }), "application/json", [422]],
    ["deep nesting", `${"[".repeat(5000)}${"]".repeat(5000)}`, "application/json", [422]],
    ["text/plain", '{"athleteIds":null}', "text/plain", [415]],
    ["a form", "athleteIds=x", "application/x-www-form-urlencoded", [415]],
    ["no content type", '{"athleteIds":null}', null, [415]],
  ];
  for (const [name, body, type, allowed] of bodies) {
    list.push([`POST team sync body: ${name}`, () => teamSyncRoute.POST(post(`/api/teams/${teamId}/sync`, body, type), params({ teamId })), allowed]);
  }
  list.push(["POST /api/sync with a stray body", () => syncRoute.POST(post("/api/sync", HUGE, "text/plain")), [202]]);
  return list;
}

beforeAll(() => {
  state.db = createTestDb("bad-input");
  insertAthlete(state.db.db, VIEWER.userId, VIEWER.polarUserId ?? 0);
  teamId = createTeam(state.db.db, VIEWER, { name: "Own team" }, { now: Date.UTC(2026, 2, 1) }).teamId;
  state.viewer = VIEWER;
});

afterAll(() => state.db?.close());

describe("bad input to the route handlers", () => {
  it.each(cases())("%s → no 500", async (_name, call, allowed) => {
    const response = await call();
    expect(response.status).not.toBe(500);
    expect(allowed).toContain(response.status);
    if (response.status >= 400) {
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.message.length).toBeGreaterThan(0);
      expect(body.error.code).not.toBe("internal");
    }
  });
});

describe("undecodable paths (proxy.ts)", () => {
  const apiPaths = ["/api/athletes/{}/daily", "/api/athletes/{}/activity", "/api/sync/runs/{}", "/api/teams/{}/roster", "/api/teams/{}/sync", "/api/{}"];
  const pagePaths = ["/athletes/{}/load", "/athletes/{}", "/reports/{}/2026-W47", "/reports/me/{}", "/teams/{}", "/dashboard/training/{}", "/invite/{}", "/{}"];

  for (const segment of MALFORMED_SEGMENTS) {
    for (const template of apiPaths) {
      const path = template.replace("{}", segment);
      it(`${path} → 400 JSON`, async () => {
        const response = await proxy(new NextRequest(`${APP_URL}${path}`));
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request");
      });
    }
    for (const template of pagePaths) {
      const path = template.replace("{}", segment);
      it(`${path} → 404`, async () => {
        expect((await proxy(new NextRequest(`${APP_URL}${path}`))).status).toBe(404);
      });
    }
  }

  it("lets decodable paths through (with a session cookie) and still gates signed-out pages", async () => {
    const withCookie = new NextRequest(`${APP_URL}/reports/me/%25`, { headers: { cookie: "authjs.session-token=x" } });
    expect((await proxy(withCookie)).headers.get("x-middleware-next")).toBe("1");
    expect((await proxy(new NextRequest(`${APP_URL}/api/athletes/%25/daily`))).headers.get("x-middleware-next")).toBe("1");
    const signedOut = await proxy(new NextRequest(`${APP_URL}/dashboard`));
    expect(signedOut.status).toBe(307);
    expect(signedOut.headers.get("location")).toBe(`${APP_URL}/signin?callbackUrl=%2Fdashboard`);
    expect((await proxy(new NextRequest(`${APP_URL}/signin`))).headers.get("x-middleware-next")).toBe("1");
  });
});

describe("already-decoded segments are not decoded twice", () => {
  it("titles /reports/me/%25 without a URIError", async () => {
    await expect(reportPage.generateMetadata({ params: Promise.resolve({ athlete: "me", week: "%" }) })).resolves.toEqual({ title: "Weekly report %" });
  });

  it.each(["%", "%E0%A4%A", "2026-W47%"])("parses the report week %s as not found instead of throwing", (week) => {
    expect(parseReportParams({ athlete: "me", week })).toBeNull();
  });

  it("keeps an athlete id containing % as it is", () => {
    expect(parseReportParams({ athlete: "a%20b", week: "2026-W47" })).toEqual({ athleteId: "a%20b", week: { year: 2026, week: 47 } });
  });
});
