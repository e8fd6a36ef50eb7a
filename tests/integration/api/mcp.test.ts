import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ApiTokenScope } from "@/db/schema/api-tokens";
import { users } from "@/db/schema/auth";
import { MCP_TOOL_SUMMARIES } from "@/lib/mcp/summaries";
import { startSimulator, type Simulator } from "@/lib/polar-sim";
import { prepareDemoData, type PreparedAthlete } from "@/scripts/demo/prepare";
import { shareWithCoach } from "../activity/sharing";
import { CLIENT_ID, CLIENT_SECRET, createTestDb, REDIRECT_URI, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";

/**
 * The MCP server driven by the SDK's own client over Streamable HTTP, on Mikko's planted overreaching block
 * (synced the honest way: simulator OAuth + the real sync every few simulated days). The client's fetch calls
 * the route's handler in process. Numbers are checked against the REST daily API with the same token.
 */

let t: TestDb;
vi.mock("@/db", () => ({ getDb: () => t.db }));
vi.stubEnv("APP_URL", "http://localhost:3000");

const tokens = await import("@/lib/dal/api-tokens");
const { handleMcpRequest } = await import("@/lib/mcp/server");
const dailyRoute = await import("@/app/api/v1/athletes/[id]/daily/route");

const DAY_MS = 86_400_000;
const NOW = Date.UTC(2026, 4, 18, 9, 0, 0);
let sim: Simulator;
let mikko: PreparedAthlete;

const mint = (userId: string, scopes: ApiTokenScope[]) => tokens.createApiToken(t.db, { userId, polarUserId: null, name: null }, { name: scopes.join("+"), scopes, expiry: "90" }, { now: Date.now() }).token;

async function connect(token: string | null): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL("http://localhost:3000/api/mcp"), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : undefined,
    fetch: (url, init) => handleMcpRequest(new Request(url, init), { db: t.db, now: NOW }),
  });
  const client = new Client({ name: "threshold-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const textOf = (result: CallToolResult) => result.content.map((part) => (part.type === "text" ? part.text : "")).join("");

beforeAll(async () => {
  t = createTestDb("mcp");
  sim = await startSimulator({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }] });
  [mikko] = await prepareDemoData({
    db: t.db,
    sim,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    tokenKey: TEST_TOKEN_KEY,
    logins: ["mikko"],
    fromMs: Date.UTC(2026, 2, 1, 9, 0, 0),
    toMs: NOW,
    stepMs: 4 * DAY_MS,
  });
  t.db.insert(users).values({ id: "coach", name: "Coach" }).run();
  shareWithCoach(t.db, { teamId: "team1", coachId: "coach", athleteId: mikko.userId, scopes: ["training", "recovery"] });
}, 240_000);

afterAll(async () => {
  await sim?.close();
  t?.close();
});

describe("MCP server", () => {
  it("lists the read-only tools with model-facing descriptions and zod input schemas", async () => {
    const client = await connect(mint(mikko.userId, ["training", "sleep", "recovery", "body"]));
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ["explain_flag", "get_daily_metrics", "get_recovery_trend", "get_session", "get_sleep", "get_today", "list_sessions", "roster_triage", "weekly_report"].sort(),
    );
    // The reference page's list (/docs/api) names the same tools.
    expect(MCP_TOOL_SUMMARIES.map((tool) => tool.name).sort()).toEqual(tools.map((tool) => tool.name).sort());
    for (const tool of tools) {
      expect(tool.annotations?.readOnlyHint, tool.name).toBe(true);
      expect(tool.inputSchema.type).toBe("object");
    }
    const daily = tools.find((tool) => tool.name === "get_daily_metrics");
    expect(daily?.description).toMatch(/local days/);
    expect(tools.find((tool) => tool.name === "explain_flag")?.description).toMatch(/not a medical diagnosis/);
    await client.close();
  });

  it("answers every tool for Mikko, with numbers equal to the REST daily API", async () => {
    const token = mint(mikko.userId, ["training", "sleep", "recovery", "body"]);
    const client = await connect(token);

    const rest = await dailyRoute.GET(new Request("http://localhost/api/v1/athletes/me/daily?from=2026-04-20&to=2026-05-10&fields=load,acwr,rhr,lnRmssd,risk", { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ id: "me" }),
    });
    const restBody = (await rest.json()) as { days: Record<string, unknown>[] };
    // After the REST call: the audit prunes by the call's own clock, and the tools run on the simulated May.
    const metrics = await callTool(client, "get_daily_metrics", { from: "2026-04-20", to: "2026-05-10", fields: ["load", "acwr", "rhr", "lnRmssd", "risk"] });
    expect(metrics.isError).toBeFalsy();
    const mcpDays = (metrics.structuredContent as { days: Record<string, unknown>[] }).days;
    expect(mcpDays).toHaveLength(21);
    expect(mcpDays).toEqual(restBody.days);
    expect(mcpDays.filter((day) => day.risk === "high").length).toBeGreaterThan(3);

    const today = await callTool(client, "get_today", {});
    const todayBody = today.structuredContent as { date: string; timeZone: { utcOffset: string }; metrics: Record<string, unknown> | null };
    expect(todayBody.date).toBe("2026-05-18");
    expect(textOf(today)).toContain("2026-05-18 (UTC");
    expect(todayBody.metrics?.date).toBe("2026-05-18");

    const flag = await callTool(client, "explain_flag", { date: "2026-05-01" });
    const flagBody = flag.structuredContent as { level: string; reasons: { signal: string }[] };
    expect(flagBody.level).toBe("high");
    expect(flagBody.reasons.map((reason) => reason.signal)).toEqual(expect.arrayContaining(["accumulated-fatigue", "resting-hr", "hrv-chronic"]));
    const restFlag = restBody.days.find((day) => day.date === "2026-05-01");
    expect(restFlag?.risk).toBe("high");

    const report = await callTool(client, "weekly_report", { week: "2026-W18" });
    expect((report.structuredContent as { recovery: { flags: unknown[] } }).recovery.flags).toHaveLength(7);

    const recovery = await callTool(client, "get_recovery_trend", { from: "2026-05-04", to: "2026-05-10" });
    const recoveryDays = (recovery.structuredContent as { days: { rhr: number | null; hrvStatus: string | null }[] }).days;
    expect(recoveryDays.map((day) => day.rhr)).toEqual(restBody.days.slice(14).map((day) => day.rhr));
    expect(recoveryDays.some((day) => day.hrvStatus === "below")).toBe(true);

    const sleep = await callTool(client, "get_sleep", { from: "2026-05-04", to: "2026-05-10" });
    const nights = (sleep.structuredContent as { nights: { date: string; rhr: number | null }[] }).nights;
    expect(nights.length).toBeGreaterThan(4);
    for (const night of nights) expect(night.rhr).toBe(restBody.days.find((day) => day.date === night.date)?.rhr);

    const list = await callTool(client, "list_sessions", { from: "2026-04-15", to: "2026-05-05", limit: 5 });
    const listBody = list.structuredContent as { sessions: { id: number; date: string }[]; total: number; nextOffset: number | null };
    expect(listBody.sessions).toHaveLength(5);
    expect(listBody.total).toBeGreaterThan(5);
    expect(listBody.nextOffset).toBe(5);
    const session = await callTool(client, "get_session", { sessionId: listBody.sessions[0].id, samples: true });
    const sessionBody = session.structuredContent as { session: { date: string; samples: { heartRate: unknown[] | null } } };
    expect(sessionBody.session.date).toBe(listBody.sessions[0].date);
    expect(sessionBody.session.samples.heartRate?.length ?? 0).toBeGreaterThan(0);

    const roster = await callTool(client, "roster_triage", {});
    expect(roster.isError).toBe(true);
    expect(textOf(roster)).toMatch(/roster/);
    await client.close();

    const audited = tokens.listApiAudit(t.db, { userId: mikko.userId, polarUserId: null, name: null }, { limit: 100 }).map((entry) => entry.target);
    expect(audited).toEqual(expect.arrayContaining(["mcp:get_today", "mcp:get_daily_metrics", "mcp:weekly_report", "mcp:roster_triage", "GET /api/v1/athletes/{id}/daily"]));
  });

  it("gives a coach roster_triage with only the scopes the athlete shares", async () => {
    const client = await connect(mint("coach", ["training", "sleep", "recovery", "body", "roster"]));
    const result = await callTool(client, "roster_triage", {});
    const [team] = (result.structuredContent as { teams: { athletes: { athleteId: string; sharedScopes: string[]; risk: { level: string } | null; notShared: string[] }[] }[] }).teams;
    expect(team.athletes).toHaveLength(1);
    expect(team.athletes[0]).toMatchObject({ athleteId: mikko.userId, sharedScopes: ["training", "recovery"], notShared: ["sleep7AverageMinutes"] });
    expect(team.athletes[0].risk).not.toBeNull();
    const sleep = await callTool(client, "get_sleep", { athleteId: mikko.userId });
    expect(sleep.isError).toBe(true);
    expect(textOf(sleep)).toBe("not_found: No athlete with that id is visible to you.");
    await client.close();
  });

  it("gives a token without a scope nothing of that scope from any tool", async () => {
    const client = await connect(mint(mikko.userId, ["sleep"]));
    for (const [tool, args] of [["list_sessions", {}], ["get_session", { sessionId: 1 }], ["explain_flag", { date: "2026-05-01" }]] as const) {
      const result = await callTool(client, tool, args);
      expect(result.isError, tool).toBe(true);
    }
    const metrics = await callTool(client, "get_daily_metrics", { from: "2026-05-01", to: "2026-05-03", fields: ["load", "rhr", "sleepMinutes"] });
    const days = (metrics.structuredContent as { days: Record<string, unknown>[] }).days;
    expect(days.every((day) => day.load === null && day.rhr === null && typeof day.sleepMinutes === "number")).toBe(true);
    const trend = await callTool(client, "get_recovery_trend", { from: "2026-05-01", to: "2026-05-03" });
    expect((trend.structuredContent as { days: { rhr: number | null }[] }).days.every((day) => day.rhr === null)).toBe(true);
    await client.close();
  });

  it("refuses absent, wrong, expired and revoked tokens with 401", async () => {
    const expired = tokens.createApiToken(t.db, { userId: mikko.userId, polarUserId: null, name: null }, { name: "old", scopes: ["training"], expiry: "30" }, { now: NOW - 31 * DAY_MS }).token;
    const revoked = tokens.createApiToken(t.db, { userId: mikko.userId, polarUserId: null, name: null }, { name: "gone", scopes: ["training"], expiry: "30" }, { now: Date.now() });
    tokens.revokeApiToken(t.db, { userId: mikko.userId, polarUserId: null, name: null }, revoked.id, { now: Date.now() });
    for (const token of [null, `thr_${"B".repeat(43)}`, expired, revoked.token]) {
      await expect(connect(token)).rejects.toThrow(/unauthenticated/);
      const raw = await handleMcpRequest(
        new Request("http://localhost:3000/api/mcp", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
        }),
        { db: t.db, now: NOW },
      );
      expect(raw.status).toBe(401);
      expect(raw.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
  });
});
