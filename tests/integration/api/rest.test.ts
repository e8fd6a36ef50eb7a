import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiTokenScope } from "@/db/schema/api-tokens";
import type { Viewer } from "@/lib/auth/session";
import { createTestDb, insertAthlete, seedHistory, storePhysiology } from "../dal/fixtures";
import { shareWithCoach } from "../activity/sharing";
import { apiState, getTestDb, matchRoute, stubApiEnv } from "./support";

vi.mock("@/db", () => ({ getDb: () => getTestDb() }));
stubApiEnv();

const tokens = await import("@/lib/dal/api-tokens");
const { API_ROUTES } = await import("@/lib/dal/api/openapi");
const ROUTES: Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>> = {
  "/api/v1/athletes/{id}": (await import("@/app/api/v1/athletes/[id]/route")).GET,
  "/api/v1/athletes/{id}/daily": (await import("@/app/api/v1/athletes/[id]/daily/route")).GET,
  "/api/v1/athletes/{id}/sessions": (await import("@/app/api/v1/athletes/[id]/sessions/route")).GET,
  "/api/v1/athletes/{id}/sessions/{sessionId}": (await import("@/app/api/v1/athletes/[id]/sessions/[sessionId]/route")).GET,
  "/api/v1/athletes/{id}/nights": (await import("@/app/api/v1/athletes/[id]/nights/route")).GET,
  "/api/v1/athletes/{id}/flags": (await import("@/app/api/v1/athletes/[id]/flags/route")).GET,
  "/api/v1/athletes/{id}/check-ins": (await import("@/app/api/v1/athletes/[id]/check-ins/route")).GET,
  "/api/v1/teams": (await import("@/app/api/v1/teams/route")).GET,
  "/api/v1/teams/{teamId}/roster": (await import("@/app/api/v1/teams/[teamId]/roster/route")).GET,
};

const NOW = Date.parse("2026-03-31T12:00:00Z");
const viewerOf = (userId: string): Viewer => ({ userId, polarUserId: null, name: null });

/** Calls the route handler that serves `url` (as Next would route it), with `token` as Bearer. */
async function call(url: string, token: string | null, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown>; pattern: string }> {
  const { pathname } = new URL(url, "http://localhost");
  for (const [pattern, handler] of Object.entries(ROUTES)) {
    const params = matchRoute(pattern, pathname);
    if (!params) continue;
    const request = new Request(new URL(url, "http://localhost"), { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    const response = await handler(request, { params: Promise.resolve(params) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, pattern };
  }
  throw new Error(`no route for ${url}`);
}

function mint(userId: string, scopes: ApiTokenScope[], expiry = "90"): string {
  return tokens.createApiToken(getTestDb(), viewerOf(userId), { name: `t-${scopes.join("+")}`, scopes, expiry }, { now: Date.now() }).token;
}

let sessionId = 0;

beforeAll(() => {
  apiState.db = createTestDb();
  const db = getTestDb();
  insertAthlete(db, "ath", 3001);
  insertAthlete(db, "other", 3002);
  insertAthlete(db, "coach", 3003);
  storePhysiology(db, "ath", 190, 50);
  seedHistory(db, "ath", { lastDate: "2026-03-30", days: 60 });
  seedHistory(db, "other", { lastDate: "2026-03-30", days: 10, seed: 3 });
  // The coach sees "ath"'s training and sleep only, and "other" not at all.
  shareWithCoach(db, { teamId: "team1", coachId: "coach", athleteId: "ath", scopes: ["training", "sleep"] });
});

afterAll(() => apiState.db?.close());

describe("tokens", () => {
  it("are shown once with the thr_ prefix and stored only as a SHA-256 hash", () => {
    const created = tokens.createApiToken(getTestDb(), viewerOf("ath"), { name: "notebook", scopes: ["training"], expiry: "30" }, { now: NOW });
    expect(created.token).toMatch(/^thr_[A-Za-z0-9_-]{43}$/);
    const raw = getTestDb().$client.prepare("select * from api_token where id = ?").get(created.id) as Record<string, unknown>;
    expect(Object.values(raw)).not.toContain(created.token);
    expect(raw.token_hash).toBe(tokens.hashApiToken(created.token));
    expect(created.expiresAt).toBe(NOW + 30 * 86_400_000);
    expect(tokens.listApiTokens(getTestDb(), viewerOf("ath"), { now: NOW }).find((t) => t.id === created.id)).not.toHaveProperty("token");
  });

  it("refuses bad input and expiries beyond a year, storing nothing", () => {
    const before = tokens.listApiTokens(getTestDb(), viewerOf("ath"), { now: NOW }).length;
    const create = (input: { name: string; scopes: ApiTokenScope[]; expiry: string }) => () => tokens.createApiToken(getTestDb(), viewerOf("ath"), input, { now: NOW });
    expect(create({ name: "", scopes: ["training"], expiry: "30" })).toThrow(/name/);
    expect(create({ name: "x", scopes: [], expiry: "30" })).toThrow(/at least one/);
    expect(create({ name: "x", scopes: ["training"], expiry: "2027-12-31" })).toThrow(/at most 365 days/);
    expect(create({ name: "x", scopes: ["training"], expiry: "2026-03-01" })).toThrow(/future/);
    expect(create({ name: "x", scopes: ["roster"], expiry: "30" })).toThrow(/coaches/);
    expect(tokens.listApiTokens(getTestDb(), viewerOf("ath"), { now: NOW }).length).toBe(before);
  });

  it("count calls, note the last use and audit each route", async () => {
    const token = mint("ath", ["training"]);
    expect((await call("/api/v1/athletes/me", token)).status).toBe(200);
    expect((await call("/api/v1/athletes/me/sessions", token)).status).toBe(200);
    const listed = tokens.listApiTokens(getTestDb(), viewerOf("ath"), { now: Date.now() }).find((t) => t.callCount === 2);
    expect(listed?.lastUsedAt).not.toBeNull();
    const audit = tokens.listApiAudit(getTestDb(), viewerOf("ath")).filter((entry) => entry.tokenId === listed?.id);
    expect(audit.map((entry) => entry.target)).toEqual(["GET /api/v1/athletes/{id}/sessions", "GET /api/v1/athletes/{id}"]);
  });

  it("offer the roster scope in Settings to coaches only, and are managed from Settings only", () => {
    expect(tokens.getApiAccessView(getTestDb(), viewerOf("ath")).grantableScopes).not.toContain("roster");
    expect(tokens.getApiAccessView(getTestDb(), viewerOf("coach")).grantableScopes).toContain("roster");
    const tokenViewer = tokens.resolveTokenViewer(getTestDb(), mint("ath", ["training"]), { now: Date.now() });
    expect(() => tokens.listApiTokens(getTestDb(), tokenViewer, { now: NOW })).toThrow(/managed in Settings/);
  });

  it("prune audit rows older than 90 days on write", () => {
    const viewer = tokens.resolveTokenViewer(getTestDb(), mint("ath", ["body"]), { now: Date.now() });
    tokens.recordApiCall(getTestDb(), viewer, "old", { now: NOW - 91 * 86_400_000 });
    tokens.recordApiCall(getTestDb(), viewer, "recent", { now: NOW - 89 * 86_400_000 });
    tokens.recordApiCall(getTestDb(), viewer, "today", { now: NOW });
    const targets = tokens.listApiAudit(getTestDb(), viewerOf("ath"), { limit: 500 }).map((entry) => entry.target);
    expect(targets).toContain("recent");
    expect(targets).not.toContain("old");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a token has spent its calls for the minute, other tokens unaffected", async () => {
    const { consumeTokenCall, TOKEN_CALLS_PER_MINUTE } = await import("@/lib/http/token-route");
    const token = mint("ath", ["training"]);
    const { tokenId } = tokens.resolveTokenViewer(getTestDb(), token, { now: Date.now() });
    for (let i = 0; i < TOKEN_CALLS_PER_MINUTE; i += 1) await consumeTokenCall(tokenId);
    const request = new Request("http://localhost/api/v1/athletes/me", { headers: { authorization: `Bearer ${token}` } });
    const response = await ROUTES["/api/v1/athletes/{id}"](request, { params: Promise.resolve({ id: "me" }) });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call("/api/v1/athletes/me", mint("ath", ["training"]))).status).toBe(200);
  });
});

describe("401 for every route", () => {
  const expired = () => tokens.createApiToken(getTestDb(), viewerOf("ath"), { name: "old", scopes: ["training"], expiry: "30" }, { now: Date.now() - 31 * 86_400_000 }).token;
  const revoked = () => {
    const created = tokens.createApiToken(getTestDb(), viewerOf("ath"), { name: "gone", scopes: ["training"], expiry: "30" }, { now: Date.now() });
    tokens.revokeApiToken(getTestDb(), viewerOf("ath"), created.id, { now: Date.now() });
    return created.token;
  };
  const cases: [string, () => string | null][] = [
    ["absent", () => null],
    ["wrong", () => `thr_${"A".repeat(43)}`],
    ["malformed", () => "not-a-token"],
    ["expired", expired],
    ["revoked", revoked],
  ];
  it.each(cases)("%s token", async (_label, make) => {
    const token = make();
    for (const pattern of Object.keys(ROUTES)) {
      const url = pattern.replace("{id}", "me").replace("{sessionId}", "1").replace("{teamId}", "team1");
      const { status, body } = await call(url, token);
      expect(status, url).toBe(401);
      expect((body.error as { code: string }).code).toBe("unauthenticated");
    }
  });

  it("ignores a session cookie", async () => {
    const { status } = await call("/api/v1/athletes/me", null, { cookie: "authjs.session-token=whatever" });
    expect(status).toBe(401);
  });
});

describe("the athlete's own token", () => {
  it("serves the daily series with the chosen fields, units and time zone, equal to the pages' DAL", async () => {
    const token = mint("ath", ["training", "sleep", "recovery", "body"]);
    const { status, body } = await call("/api/v1/athletes/me/daily?from=2026-03-01&to=2026-03-30&fields=load,acwr,rhr", token);
    expect(status).toBe(200);
    expect(body.units).toEqual({ load: expect.stringMatching(/AU/), acwr: "ratio", rhr: "bpm" });
    expect(body.timeZone).toMatchObject({ utcOffsetMinutes: 60, utcOffset: "+01:00" });
    const { getDailySeries } = await import("@/lib/dal/series/read");
    const series = getDailySeries(getTestDb(), viewerOf("ath"), "me", { from: "2026-03-01", to: "2026-03-30" });
    const days = body.days as Record<string, unknown>[];
    expect(days.map((day) => day.load)).toEqual(series.points.map((point) => point.load.value));
    expect(days.map((day) => day.rhr)).toEqual(series.points.map((point) => point.restingHr.rhr));
    expect(Object.keys(days[0]).sort()).toEqual(["acwr", "date", "load", "rhr"]);
  });

  it("pages a long range by 92 days", async () => {
    const token = mint("ath", ["training"]);
    const { body } = await call("/api/v1/athletes/me/flags?from=2025-06-01&to=2026-03-30", token);
    expect(body.to).toBe("2025-08-31");
    expect(body.next).toEqual({ from: "2025-09-01", to: "2026-03-30" });
  });

  it("lists sessions with paging and serves one with zones and samples on request", async () => {
    const token = mint("ath", ["training"]);
    const first = await call("/api/v1/athletes/me/sessions?from=2026-03-01&to=2026-03-30&limit=5", token);
    const sessions = first.body.sessions as { id: number; date: string }[];
    expect(sessions).toHaveLength(5);
    expect(first.body.nextOffset).toBe(5);
    const second = await call("/api/v1/athletes/me/sessions?from=2026-03-01&to=2026-03-30&limit=5&offset=5", token);
    expect((second.body.sessions as { id: number }[])[0].id).not.toBe(sessions[0].id);
    sessionId = sessions[0].id;
    const plain = await call(`/api/v1/athletes/me/sessions/${sessionId}`, token);
    expect((plain.body.session as { samples: unknown }).samples).toBeNull();
    const detailed = await call(`/api/v1/athletes/me/sessions/${sessionId}?samples=true`, token);
    const session = detailed.body.session as { zones: { secondsZ1toZ5: number[] }; samples: { heartRate: unknown[] } };
    expect(session.zones.secondsZ1toZ5).toHaveLength(5);
    expect(session.samples.heartRate.length).toBeGreaterThan(0);
  });

  it("answers 400 with the field for bad arguments", async () => {
    const token = mint("ath", ["training"]);
    const bad = await call("/api/v1/athletes/me/daily?fields=load,bogus", token);
    expect(bad.status).toBe(400);
    expect((bad.body.error as { message: string }).message).toMatch(/fields: unknown field\(s\) bogus/);
    expect((await call("/api/v1/athletes/me/sessions?limit=500", token)).status).toBe(400);
    expect((await call("/api/v1/athletes/me/nights?from=2026-02-30", token)).status).toBe(400);
  });
});

describe("scopes", () => {
  it("a token without a scope gets nothing of it, even of its owner's data", async () => {
    const sleepOnly = mint("ath", ["sleep"]);
    expect((await call("/api/v1/athletes/me/sessions", sleepOnly)).status).toBe(404);
    expect((await call("/api/v1/athletes/me/flags", sleepOnly)).status).toBe(404);
    const nights = await call("/api/v1/athletes/me/nights?from=2026-03-20&to=2026-03-30", sleepOnly);
    expect(nights.status).toBe(200);
    const rows = nights.body.nights as { sleepScore: number | null; rhr: number | null; lnRmssd: number | null }[];
    expect(rows.length).toBe(11);
    expect(rows.every((row) => row.sleepScore !== null && row.rhr === null && row.lnRmssd === null)).toBe(true);
    const daily = await call("/api/v1/athletes/me/daily?from=2026-03-20&to=2026-03-30&fields=load,rhr,sleepMinutes,risk", sleepOnly);
    const days = daily.body.days as Record<string, unknown>[];
    expect(days.every((day) => day.load === null && day.rhr === null && day.risk === null && typeof day.sleepMinutes === "number")).toBe(true);
    const profile = await call("/api/v1/athletes/me", sleepOnly);
    expect(profile.body.scopes).toEqual(["sleep"]);
  });

  it("roster needs the roster scope", async () => {
    const coachWithout = mint("coach", ["training", "sleep", "recovery", "body"]);
    expect((await call("/api/v1/teams", coachWithout)).status).toBe(403);
    expect((await call("/api/v1/teams/team1/roster", coachWithout)).status).toBe(403);
  });
});

describe("a coach's token", () => {
  it("reaches only what each athlete shares, with the pages' 404 elsewhere", async () => {
    const token = mint("coach", ["training", "sleep", "recovery", "body", "roster"]);
    const profile = await call("/api/v1/athletes/ath", token);
    expect(profile.status).toBe(200);
    expect(profile.body.scopes).toEqual(["training", "sleep"]);
    expect((await call("/api/v1/athletes/ath/sessions", token)).status).toBe(200);
    const nights = await call("/api/v1/athletes/ath/nights?from=2026-03-25&to=2026-03-30", token);
    expect((nights.body.nights as { rhr: number | null }[]).every((night) => night.rhr === null)).toBe(true);
    const notShared = await call("/api/v1/athletes/other", token);
    const missing = await call("/api/v1/athletes/nobody", token);
    expect(notShared.status).toBe(404);
    expect(notShared.body).toEqual(missing.body);
    for (const path of ["daily", "sessions", "nights", "flags"]) expect((await call(`/api/v1/athletes/other/${path}`, token)).status).toBe(404);
  });

  it("gets the roster limited to sharing ∩ token scopes", async () => {
    const full = mint("coach", ["training", "sleep", "recovery", "body", "roster"]);
    const teams = await call("/api/v1/teams", full);
    expect(teams.body.teams).toEqual([{ teamId: "team1", name: "Team team1", athleteCount: 1 }]);
    const roster = await call("/api/v1/teams/team1/roster", full);
    const [row] = roster.body.athletes as { athleteId: string; sharedScopes: string[]; rhrDelta: number | null; notShared: string[] }[];
    expect(row.athleteId).toBe("ath");
    expect(row.sharedScopes).toEqual(["training", "sleep"]);
    expect(row.rhrDelta).toBeNull();
    expect(row.notShared.sort()).toEqual(["hrv7", "rhrDelta", "risk"]);
    const narrow = mint("coach", ["training", "roster"]);
    const [narrowRow] = (await call("/api/v1/teams/team1/roster", narrow)).body.athletes as { sharedScopes: string[]; notShared: string[] }[];
    expect(narrowRow.sharedScopes).toEqual(["training"]);
    expect(narrowRow.notShared.sort()).toEqual(["hrv7", "rhrDelta", "risk", "sleep7AverageMinutes"]);
    expect((await call("/api/v1/teams/nope/roster", full)).status).toBe(404);
  });
});

describe("check-ins and advice", () => {
  it("serve the day's check-in only with the check-ins scope, and the advice with the flags under recovery", async () => {
    getTestDb()
      .$client.prepare(
        "insert into check_in (athlete_id, local_date, fatigue, soreness, stress, mood, sleep_quality, illness, note, created_at, updated_at) values ('ath', '2026-03-29', 4, 5, 2, 3, 3, 1, 'sore throat', 1, 1)",
      )
      .run();
    const range = "from=2026-03-28&to=2026-03-30";
    const withScope = await call(`/api/v1/athletes/me/check-ins?${range}`, mint("ath", ["recovery", "check-ins"]));
    expect(withScope.status).toBe(200);
    expect(withScope.body.checkIns).toEqual([
      { date: "2026-03-29", fatigue: 4, soreness: 5, stress: 2, mood: 3, sleepQuality: 3, illness: true, note: "sore throat" },
    ]);
    expect((await call(`/api/v1/athletes/me/check-ins?${range}`, mint("ath", ["recovery"]))).status).toBe(403);

    const flags = await call(`/api/v1/athletes/me/flags?${range}`, mint("ath", ["training", "recovery"]));
    const days = flags.body.days as { date: string; advice: { label: string; reasons: string[]; hasCheckIn: boolean } | null }[];
    const reported = days.find((day) => day.date === "2026-03-29");
    expect(reported?.advice).toMatchObject({ label: "Rest or recover", hasCheckIn: true });
    expect(reported?.advice?.reasons).toContain("illness reported");
    const trainingOnly = await call(`/api/v1/athletes/me/flags?${range}`, mint("ath", ["training"]));
    expect((trainingOnly.body.days as { advice: unknown }[]).every((day) => day.advice === null)).toBe(true);
  });
});

describe("the OpenAPI document agrees with the routes", () => {
  it("validates a real answer of every route against its response schema", async () => {
    const token = mint("coach", ["training", "sleep", "recovery", "body", "roster"]);
    const own = mint("ath", ["training", "sleep", "recovery", "body", "check-ins"]);
    for (const route of API_ROUTES) {
      const isTeam = route.path.includes("team");
      const url = route.path.replace("{id}", "me").replace("{sessionId}", String(sessionId)).replace("{teamId}", "team1");
      const { status, body, pattern } = await call(url, isTeam ? token : own);
      expect(status, url).toBe(200);
      expect(pattern).toBe(route.path);
      const parsed = route.response.safeParse(body);
      expect(parsed.success, `${url}: ${parsed.error?.message ?? ""}`).toBe(true);
    }
  });
});
