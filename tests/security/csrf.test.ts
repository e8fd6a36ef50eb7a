import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkIns, sessionRpes } from "@/db/schema/check-in";
import { exercises } from "@/db/schema/polar-data";
import { teamAthletes, teams } from "@/db/schema/teams";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type * as Scheduler from "@/lib/sync/scheduler";
import { createTestDb, type TestDb } from "@/tests/fixtures/db";
import { insertAthlete, storeSession } from "@/tests/integration/dal/fixtures";

/**
 * Issue 18 §2 and §8: every state-changing route handler and every server action refuses a request that does
 * not come from the app's own origin (a foreign site, another port of the same host, no Origin at all), and a
 * JSON route refuses a body that is not declared as JSON (the `text/plain` form attack). The app's own pages
 * are accepted. Seams: the viewer, the database, the request headers of a server action, the sync runner.
 */

const APP_URL = "http://localhost:3000";
type SchedulerModule = typeof Scheduler;
const state: { db: TestDb | null; viewer: Viewer | null; actionHeaders: Headers } = { db: null, viewer: null, actionHeaders: new Headers() };
const started: string[] = [];

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
vi.mock("next/headers", () => ({ headers: async () => state.actionHeaders }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("@/lib/sync/scheduler", async (importOriginal) => ({
  ...(await importOriginal<SchedulerModule>()),
  getAppSyncRunner: async () => ({
    start: (athleteId: string) => {
      started.push(athleteId);
      return { runId: `run-${started.length}`, joined: false };
    },
  }),
}));
vi.stubEnv("APP_URL", APP_URL);
vi.stubEnv("AUTH_SECRET", "a".repeat(40));
vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
vi.stubEnv("POLAR_CLIENT_ID", "test-client");
vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");

const syncRoute = await import("@/app/api/sync/route");
const teamSyncRoute = await import("@/app/api/teams/[teamId]/sync/route");
const teamActions = await import("@/app/teams/actions");
const sharingActions = await import("@/app/settings/sharing/actions");
const teamsDal = await import("@/lib/dal/teams");
const checkInRoute = await import("@/app/api/athletes/[id]/check-in/route");
const rpeRoute = await import("@/app/api/athletes/[id]/sessions/[sessionId]/rpe/route");

const NOW = Date.UTC(2026, 2, 31, 12);
const COACH: Viewer = { userId: "coach-1", polarUserId: 7001, name: "Coach" };
const ATHLETE: Viewer = { userId: "ath-1", polarUserId: 7002, name: "Athlete" };
let teamId = "";
let ratedSessionId = 0;

/** Where a request claims to come from. `null` values leave the header out. */
type Provenance = { origin: string | null; fetchSite: string | null };
const FOREIGN: Record<string, Provenance> = {
  "a foreign site": { origin: "http://evil.example", fetchSite: "cross-site" },
  "another port of the same host (same site)": { origin: "http://localhost:4000", fetchSite: "same-site" },
  "the same host over another scheme": { origin: "https://localhost:3000", fetchSite: "same-site" },
  "a script with no Origin": { origin: null, fetchSite: null },
  "a no-cors fetch with Sec-Fetch-Site only": { origin: null, fetchSite: "cross-site" },
  "a forged Origin the browser contradicts": { origin: APP_URL, fetchSite: "same-site" },
};
const OWN: Provenance = { origin: APP_URL, fetchSite: "same-origin" };

function toHeaders(from: Provenance, extra: Record<string, string> = {}): Headers {
  const headers = new Headers(extra);
  if (from.origin !== null) headers.set("origin", from.origin);
  if (from.fetchSite !== null) headers.set("sec-fetch-site", from.fetchSite);
  return headers;
}

/** Every state-changing route handler, called as a browser would from `from`. */
const ROUTES: Record<string, (from: Provenance) => Promise<Response>> = {
  "POST /api/sync": (from) => syncRoute.POST(new Request(`${APP_URL}/api/sync`, { method: "POST", headers: toHeaders(from) })),
  "POST /api/teams/[teamId]/sync": (from) =>
    teamSyncRoute.POST(
      new Request(`${APP_URL}/api/teams/${teamId}/sync`, {
        method: "POST",
        headers: toHeaders(from, { "content-type": "application/json" }),
        body: JSON.stringify({ athleteIds: null }),
      }),
      { params: Promise.resolve({ teamId }) },
    ),
};

/** The athlete's own ratings (issue 16): they store a row instead of starting a sync. */
const RATING_ROUTES: Record<string, { call: (from: Provenance) => Promise<Response>; stored: () => number }> = {
  "PUT /api/athletes/[id]/check-in": {
    call: (from) =>
      checkInRoute.PUT(
        new Request(`${APP_URL}/api/athletes/me/check-in`, { method: "PUT", headers: toHeaders(from, { "content-type": "application/json" }), body: JSON.stringify({ fatigue: 2 }) }),
        { params: Promise.resolve({ id: "me" }) },
      ),
    stored: () => state.db?.db.select().from(checkIns).all().length ?? 0,
  },
  "PUT /api/athletes/[id]/sessions/[sessionId]/rpe": {
    call: (from) =>
      rpeRoute.PUT(
        new Request(`${APP_URL}/api/athletes/me/sessions/${ratedSessionId}/rpe`, { method: "PUT", headers: toHeaders(from, { "content-type": "application/json" }), body: JSON.stringify({ rpe: 5 }) }),
        { params: Promise.resolve({ id: "me", sessionId: String(ratedSessionId) }) },
      ),
    stored: () => state.db?.db.select().from(sessionRpes).all().length ?? 0,
  },
};

/** Route handlers guarded by something else, with the reason. */
const GUARDED_ELSEWHERE: Record<string, string> = {
  "POST /api/auth/[...nextauth]": "Auth.js checks its own CSRF token (double-submit cookie) on every POST",
  "POST /api/webhooks/polar": "Polar posts server to server; the HMAC signature over the raw body is the check",
  "POST /api/mcp": "Bearer token only (cookies are never read) and every tool is read-only: a foreign page has nothing to ride on",
  "POST /api/import": "withViewer's origin guard, tested with a zip body in tests/security/import-csrf.test.ts",
  "POST /api/import/resume": "withViewer's origin guard, tested in tests/security/import-csrf.test.ts",
};

/** `METHOD /api/…` of every exported non-GET handler under app/api. */
function listStateChangingRoutes(): string[] {
  const root = path.join(process.cwd(), "app", "api");
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const route = `/api/${path.relative(root, dir).split(path.sep).join("/")}`;
        for (const match of source.matchAll(/export (?:const|async function|function) (POST|PUT|PATCH|DELETE)\b/g)) found.push(`${match[1]} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** Every exported function of every "use server" module, with its source text. */
function listServerActions(): { name: string; body: string }[] {
  const found: { name: string; body: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!source.startsWith('"use server"')) continue;
        const parts = source.split(/^export async function /m).slice(1);
        for (const part of parts) found.push({ name: `${path.relative(process.cwd(), full)} ${part.slice(0, part.indexOf("("))}`, body: part });
      }
    }
  };
  for (const root of ["app", "lib", "components"]) walk(path.join(process.cwd(), root));
  return found;
}

beforeAll(() => {
  state.db = createTestDb("csrf");
  const db = state.db.db;
  insertAthlete(db, COACH.userId, COACH.polarUserId ?? 0);
  insertAthlete(db, ATHLETE.userId, ATHLETE.polarUserId ?? 0);
  teamId = teamsDal.createTeam(db, COACH, { name: "Squad" }, { now: NOW }).teamId;
  const link = teamsDal.createInvitation(db, COACH, teamId, { scopes: ["training", "sleep"] }, { now: NOW });
  teamsDal.acceptInvitation(db, ATHLETE, link.token, { scopes: ["training", "sleep"] }, { now: NOW });
  storeSession(db, ATHLETE.userId, { id: 1, start: "2026-03-30T07:00:00", cardioLoad: 40 });
  ratedSessionId = db.select({ id: exercises.id }).from(exercises).get()?.id ?? 0;
});

afterAll(() => state.db?.close());

beforeEach(() => {
  started.length = 0;
  state.viewer = COACH;
});

describe("CSRF: state-changing route handlers", () => {
  it("tests every state-changing route handler under app/api (a new one must be added here)", () => {
    expect(listStateChangingRoutes()).toEqual([...Object.keys(ROUTES), ...Object.keys(RATING_ROUTES), ...Object.keys(GUARDED_ELSEWHERE)].sort());
  });

  for (const [route, call] of Object.entries(ROUTES)) {
    for (const [name, from] of Object.entries(FOREIGN)) {
      it(`${route} refuses ${name} with 403 and starts nothing`, async () => {
        const response = await call(from);
        expect(response.status).toBe(403);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
        expect(started).toEqual([]);
      });
    }

    it(`${route} accepts the app's own pages`, async () => {
      const response = await call(OWN);
      expect(response.status).toBe(202);
      expect(started.length).toBeGreaterThan(0);
    });
  }

  it("refuses a JSON route's body sent as text/plain (a form post) with 415, even from the app's origin", async () => {
    const response = await teamSyncRoute.POST(
      new Request(`${APP_URL}/api/teams/${teamId}/sync`, {
        method: "POST",
        headers: toHeaders(OWN, { "content-type": "text/plain" }),
        body: JSON.stringify({ athleteIds: null }),
      }),
      { params: Promise.resolve({ teamId }) },
    );
    expect(response.status).toBe(415);
    expect(started).toEqual([]);
  });
});

describe("CSRF: the athlete's own ratings", () => {
  for (const [route, { call, stored }] of Object.entries(RATING_ROUTES)) {
    for (const [name, from] of Object.entries(FOREIGN)) {
      it(`${route} refuses ${name} with 403 and stores nothing`, async () => {
        state.viewer = ATHLETE;
        const before = stored();
        const response = await call(from);
        expect(response.status).toBe(403);
        expect(stored()).toBe(before);
      });
    }

    it(`${route} accepts the app's own pages`, async () => {
      state.viewer = ATHLETE;
      const response = await call(OWN);
      expect(response.status).toBe(200);
      expect(stored()).toBe(1);
    });
  }
});

describe("CSRF: server actions", () => {
  it("every server action runs through action() (lib/http/action.ts), which checks the origin", () => {
    const actions = listServerActions();
    expect(actions.length).toBeGreaterThan(10);
    expect(actions.filter((entry) => !/\baction\(/.test(entry.body)).map((entry) => entry.name)).toEqual([]);
  });

  function isSharing(): boolean {
    return state.db?.db.select().from(teamAthletes).where(eq(teamAthletes.athleteId, ATHLETE.userId)).get() !== undefined;
  }

  for (const [name, from] of Object.entries(FOREIGN)) {
    it(`refuses ${name}: sharing stays on, no team is created`, async () => {
      state.actionHeaders = toHeaders(from);
      state.viewer = ATHLETE;
      const stopped = await sharingActions.stopSharingEverywhereAction();
      expect(stopped).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(isSharing()).toBe(true);

      state.viewer = COACH;
      const teamCount = state.db?.db.select().from(teams).all().length;
      const form = new FormData();
      form.set("name", "Hijacked");
      const created = await teamActions.createTeamAction(null, form);
      expect(created).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(state.db?.db.select().from(teams).all().length).toBe(teamCount);
    });
  }

  it("runs an action posted from the app's own pages", async () => {
    state.actionHeaders = toHeaders(OWN);
    state.viewer = ATHLETE;
    expect(isSharing()).toBe(true);
    expect(await sharingActions.stopSharingEverywhereAction()).toEqual({ ok: true, data: null });
    expect(isSharing()).toBe(false);
  });
});
