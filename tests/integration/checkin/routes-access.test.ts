import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { checkIns, sessionRpes } from "@/db/schema/check-in";
import { exercises } from "@/db/schema/polar-data";
import type { Viewer } from "@/lib/auth/session";
import { setShareCheckInNotes } from "@/lib/dal/check-in-sharing";
import { getAthleteToday } from "@/lib/dal/series/clock";
import { updateShareScopes } from "@/lib/dal/sharing";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import { AppError } from "@/lib/errors";
import { createTestDb, insertAthlete, seedHistory, type TestDb } from "../dal/fixtures";

// The routes' two seams: who is signed in, and which database. Everything else is the real code.
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
}));

const APP_URL = "http://localhost:3000";
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("AUTH_SECRET", "a".repeat(40));
vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
vi.stubEnv("POLAR_CLIENT_ID", "test-client");
vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");

const checkInRoute = await import("@/app/api/athletes/[id]/check-in/route");
const rpeRoute = await import("@/app/api/athletes/[id]/sessions/[sessionId]/rpe/route");
const dailyRoute = await import("@/app/api/athletes/[id]/daily/route");

const athlete: Viewer = { userId: "r1", polarUserId: 9001, name: "R1" };
const coach: Viewer = { userId: "rc", polarUserId: 9000, name: "Coach" };
const NOW = Date.now();
let teamId = "";
let today = "";

type Json = Record<string, unknown>;

async function put(url: string, params: Record<string, string>, body: string, handler: (r: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>) {
  const headers = { "content-type": "application/json", origin: APP_URL, "sec-fetch-site": "same-origin" };
  const response = await handler(new Request(`${APP_URL}${url}`, { method: "PUT", body, headers }), { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as Json };
}

async function daily(id: string): Promise<{ status: number; points: { date: string; advice: { label: string } | null; checkIn: { note: string | null; illness: boolean | null } | null }[] }> {
  const response = await dailyRoute.GET(new NextRequest(`http://localhost/api/athletes/${id}/daily?from=${today}&to=${today}`), { params: Promise.resolve({ id }) });
  const body = (await response.json()) as { points?: never[] };
  return { status: response.status, points: body.points ?? [] };
}

beforeAll(() => {
  state.db = createTestDb();
  const db = state.db.db;
  insertAthlete(db, "rc", 9000);
  insertAthlete(db, "r1", 9001);
  // History through the server's today, so the athlete's local today is in it.
  const serverToday = new Date(NOW).toISOString().slice(0, 10);
  seedHistory(db, "r1", { lastDate: serverToday, days: 30, seed: 3 });
  today = getAthleteToday(db, "r1", NOW);
  teamId = createTeam(db, coach, { name: "Squad" }, { now: NOW }).teamId;
  const link = createInvitation(db, coach, teamId, { scopes: ["training", "recovery"] }, { now: NOW });
  acceptInvitation(db, athlete, link.token, {}, { now: NOW });
});

afterAll(() => state.db?.close());

describe("PUT /api/athletes/me/check-in", () => {
  it("saves today's check-in for the signed-in athlete", async () => {
    state.viewer = athlete;
    const { status, body } = await put("/api/athletes/me/check-in", { id: "me" }, JSON.stringify({ fatigue: 3, illness: true, note: "sore throat" }), checkInRoute.PUT);
    expect(status).toBe(200);
    expect(body.checkIn).toMatchObject({ date: today, fatigue: 3, illness: true, note: "sore throat" });
  });

  it.each([
    ["out of range", JSON.stringify({ fatigue: 9 }), 400],
    ["a future date", JSON.stringify({ date: "2999-01-01" }), 400],
    ["a note over 500 characters", JSON.stringify({ note: "n".repeat(501) }), 400],
    ["a body that is not JSON", "fatigue=3", 400],
  ])("answers %s with a 400 and changes nothing", async (_name, body, expected) => {
    state.viewer = athlete;
    const before = state.db?.db.select().from(checkIns).all();
    const response = await put("/api/athletes/me/check-in", { id: "me" }, body, checkInRoute.PUT);
    expect(response.status).toBe(expected);
    expect((response.body.error as { code: string }).code).toBe("bad_request");
    expect(state.db?.db.select().from(checkIns).all()).toEqual(before);
  });

  it("never lets anyone write another athlete's check-in", async () => {
    state.viewer = coach;
    const response = await put("/api/athletes/r1/check-in", { id: "r1" }, JSON.stringify({ fatigue: 1 }), checkInRoute.PUT);
    expect(response.status).toBe(404);
    expect(state.db?.db.select().from(checkIns).all().map((row) => row.fatigue)).toEqual([3]);
  });
});

describe("PUT /api/athletes/me/sessions/{id}/rpe", () => {
  it("rates the athlete's session and refuses another athlete's with a 400", async () => {
    const db = state.db?.db;
    const sessionId = String(db?.select({ id: exercises.id }).from(exercises).all()[0].id);
    state.viewer = athlete;
    const ok = await put(`/api/athletes/me/sessions/${sessionId}/rpe`, { id: "me", sessionId }, JSON.stringify({ rpe: 6 }), rpeRoute.PUT);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ rpe: 6, rpeSource: "athlete" });
    state.viewer = coach;
    const foreign = await put(`/api/athletes/me/sessions/${sessionId}/rpe`, { id: "me", sessionId }, JSON.stringify({ rpe: 1 }), rpeRoute.PUT);
    expect(foreign.status).toBe(400);
    expect(db?.select({ rpe: sessionRpes.rpe }).from(sessionRpes).all()).toEqual([{ rpe: 6 }]);
  });
});

describe("what a coach sees of check-ins", () => {
  it("with recovery: the advice and the check-in, but no note while notes are not shared (off by default)", async () => {
    state.viewer = coach;
    const { status, points } = await daily("r1");
    expect(status).toBe(200);
    expect(points.at(-1)?.advice?.label).toBe("Rest or recover");
    expect(points.at(-1)?.checkIn).toMatchObject({ illness: true, note: null });
    expect(JSON.stringify(points)).not.toContain("sore throat");
  });

  it("with the notes switch on: the note too; off again: gone on the next read", async () => {
    setShareCheckInNotes(state.db!.db, athlete, teamId, true, { now: NOW });
    state.viewer = coach;
    expect((await daily("r1")).points.at(-1)?.checkIn?.note).toBe("sore throat");
    setShareCheckInNotes(state.db!.db, athlete, teamId, false, { now: NOW });
    expect(JSON.stringify((await daily("r1")).points)).not.toContain("sore throat");
  });

  it("without recovery: neither advice nor check-in, even with the notes switch on", async () => {
    setShareCheckInNotes(state.db!.db, athlete, teamId, true, { now: NOW });
    updateShareScopes(state.db!.db, athlete, teamId, ["training"], { now: NOW });
    state.viewer = coach;
    const { status, points } = await daily("r1");
    expect(status).toBe(200);
    expect(points.length).toBeGreaterThan(0);
    expect(points.every((point) => point.advice === null && point.checkIn === null)).toBe(true);
    expect(JSON.stringify(points)).not.toContain("sore throat");
  });

  it("rejects a notes switch value that is not true or false", () => {
    expect(() => setShareCheckInNotes(state.db!.db, athlete, teamId, "yes", { now: NOW })).toThrow(/on or off/);
  });
});

describe("the coach's recovery page", () => {
  it("renders the advice row with the note only while notes are shared with the coach", async () => {
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { FlagTimeline } = await import("@/components/dashboard/flag-timeline");
    const { getSharedDailySeries } = await import("@/lib/dal/series/read");
    const db = state.db!.db;
    updateShareScopes(db, athlete, teamId, ["training", "recovery"], { now: NOW });
    const page = () =>
      renderToStaticMarkup(createElement(FlagTimeline, { points: getSharedDailySeries(db, coach, "r1", "recovery", (d) => ({ from: d, to: d }), { now: NOW }).points }));
    setShareCheckInNotes(db, athlete, teamId, false, { now: NOW });
    const withoutNotes = page();
    expect(withoutNotes).toContain('data-advice="rest"');
    expect(withoutNotes).toContain("illness reported");
    expect(withoutNotes).not.toContain("sore throat");
    setShareCheckInNotes(db, athlete, teamId, true, { now: NOW });
    expect(page()).toContain("note: sore throat");
  });
});

describe("the roster's advice column", () => {
  it("shows today's advice and the check-in marker under recovery, never the note; nothing without recovery", async () => {
    const { getRoster } = await import("@/lib/dal/roster/roster");
    const db = state.db!.db;
    updateShareScopes(db, athlete, teamId, ["training", "recovery"], { now: NOW });
    setShareCheckInNotes(db, athlete, teamId, true, { now: NOW });
    const row = getRoster(db, coach, teamId, { now: NOW }).rows.find((r) => r.athleteId === "r1");
    expect(row?.advice).toEqual({ shared: true, value: expect.objectContaining({ advice: "rest", label: "Rest or recover", checkIn: "illness" }) });
    expect(JSON.stringify(row)).not.toContain("sore throat");
    updateShareScopes(db, athlete, teamId, ["training"], { now: NOW });
    const hidden = getRoster(db, coach, teamId, { now: NOW }).rows.find((r) => r.athleteId === "r1");
    expect(hidden?.advice).toEqual({ shared: false });
  });
});
