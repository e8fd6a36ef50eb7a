import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { DailySeriesDTO, ReadScope } from "@/lib/dal/dto";
import { AppError, toErrorBody } from "@/lib/errors";
import { beginRun } from "@/lib/sync/runs";
import { createTestDb, insertAthlete, seedHistory, storePhysiology, type TestDb } from "../dal/fixtures";

/**
 * Every route and DAL function that returns athlete data × every kind of viewer: allowed exactly where the
 * athlete's sharing says so, `not_found` (404) with no data otherwise, 401 for anonymous route calls.
 * The seams are the viewer (lib/auth/session) and the database (@/db); everything else is the real code.
 */

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
vi.stubEnv("AUTH_SECRET", "a".repeat(40));
vi.stubEnv("TOKEN_ENCRYPTION_KEY", "0".repeat(64));
vi.stubEnv("POLAR_CLIENT_ID", "test-client");
vi.stubEnv("POLAR_CLIENT_SECRET", "test-secret");

// The dashboard's and the roster's DAL, by domain (lib/dal/<domain>/), under the names the cases use.
const dashboard = {
  ...(await import("@/lib/dal/overview/overview")),
  ...(await import("@/lib/dal/sessions/list")),
  ...(await import("@/lib/dal/sessions/detail")),
  ...(await import("@/lib/dal/sessions/weekly-zones")),
  ...(await import("@/lib/dal/sleep/night")),
  ...(await import("@/lib/dal/body/body")),
};
const daily = await import("@/lib/dal/series/read");
const roster = { ...(await import("@/lib/dal/roster/athlete-view")), ...(await import("@/lib/dal/roster/sync")), ...daily };
const teams = await import("@/lib/dal/teams");
const sharing = await import("@/lib/dal/sharing");
const heartRate = await import("@/lib/dal/heart-rate");
const activity = await import("@/lib/dal/activity");
const report = await import("@/lib/dal/report");
const activityRoute = await import("@/app/api/athletes/[id]/activity/route");
const dailyRoute = await import("@/app/api/athletes/[id]/daily/route");
const exportRoute = await import("@/app/api/export/route");
const runRoute = await import("@/app/api/sync/runs/[id]/route");
const currentRoute = await import("@/app/api/sync/current/route");
const rosterRoute = await import("@/app/api/teams/[teamId]/roster/route");
const teamSyncRoute = await import("@/app/api/teams/[teamId]/sync/route");

// 2026-03-31 12:00 UTC; the athletes (UTC+1) are on 2026-03-31.
const NOW = Date.UTC(2026, 2, 31, 12);
const RANGE = { from: "2026-03-01", to: "2026-03-31" };

const ATHLETE = "ath-0001";
const OTHER_ATHLETE = "ath-0002";
const viewers = {
  athlete: { userId: ATHLETE, polarUserId: 5001, name: "Athlete ath-0001" },
  /** Coach of team T1, where the athlete shares training + recovery. */
  coachTR: { userId: "coach-tr", polarUserId: 6001, name: "Coach TR" },
  /** Coach of team T2, where the athlete shares sleep + body. */
  coachSB: { userId: "coach-sb", polarUserId: 6002, name: "Coach SB" },
  /** Coach of team T3, where only the other athlete shares (everything). */
  coachOther: { userId: "coach-other", polarUserId: 6003, name: "Coach Other" },
  otherAthlete: { userId: OTHER_ATHLETE, polarUserId: 5002, name: "Athlete ath-0002" },
} satisfies Record<string, Viewer>;
type Actor = keyof typeof viewers | "anonymous";
const ACTORS: Actor[] = ["athlete", "coachTR", "coachSB", "coachOther", "otherAthlete", "anonymous"];

let t1 = "";
let t3 = "";
let runId = "";
let sessionId = 0;

type Outcome = { status: number; body: unknown };

async function runAs(actor: Actor, call: (viewer: Viewer | null) => Promise<Outcome> | Outcome): Promise<Outcome> {
  state.viewer = actor === "anonymous" ? null : viewers[actor];
  try {
    return await call(state.viewer);
  } catch (error) {
    return { status: error instanceof AppError ? error.status : 500, body: toErrorBody(error) };
  } finally {
    state.viewer = null;
  }
}

/** A DAL call: anonymous has no viewer to pass, so it is what `requireViewer` answers (401). */
function dal(fn: (viewer: Viewer) => unknown): (viewer: Viewer | null) => Outcome {
  return (viewer) => {
    if (!viewer) throw new AppError("unauthenticated", "Sign in with Polar to continue.");
    return { status: 200, body: JSON.parse(JSON.stringify(fn(viewer))) as unknown };
  };
}

async function fromResponse(response: Response): Promise<Outcome> {
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return { status: response.status, body: isJson ? (JSON.parse(text) as unknown) : text };
}

function params<T>(value: T): { params: Promise<T> } {
  return { params: Promise.resolve(value) };
}

/** No sleep, recovery or training numbers of scopes the viewer does not hold, anywhere in a daily series. */
function expectSeriesLimitedTo(series: DailySeriesDTO, scopes: readonly ReadScope[]): void {
  expect(series.points.length).toBeGreaterThan(0);
  for (const point of series.points) {
    if (!scopes.includes("sleep")) {
      expect(point.sleep.night).toBeNull();
      expect(point.night?.sleepScore ?? null).toBeNull();
    }
    if (!scopes.includes("recovery")) {
      expect(point.hrv.lnRmssd).toBeNull();
      expect(point.night?.rmssdMs ?? null).toBeNull();
    }
    if (!scopes.includes("training")) {
      expect(point.load.value).toBe(0);
      expect(point.load.sessionCount).toBe(0);
    }
  }
}

type Entry = {
  name: string;
  /** The actors allowed; everyone else gets 404 (401 when anonymous). */
  allowed: Actor[];
  call: (viewer: Viewer | null) => Promise<Outcome> | Outcome;
  /** Checks on an allowed answer (for the actor). */
  check?: (actor: Actor, body: unknown) => void;
};

const SCOPE_HOLDERS: Record<ReadScope, Actor[]> = {
  training: ["athlete", "coachTR"],
  recovery: ["athlete", "coachTR"],
  sleep: ["athlete", "coachSB"],
  body: ["athlete", "coachSB"],
};
const SCOPES_OF: Record<Actor, ReadScope[]> = {
  athlete: ["training", "sleep", "recovery", "body"],
  coachTR: ["training", "recovery"],
  coachSB: ["sleep", "body"],
  coachOther: [],
  otherAthlete: [],
  anonymous: [],
};

function buildEntries(): Entry[] {
  const db = () => {
    if (!state.db) throw new Error("no db");
    return state.db.db;
  };
  const seriesCheck = (actor: Actor, body: unknown) => expectSeriesLimitedTo(body as DailySeriesDTO, SCOPES_OF[actor]);
  return [
    {
      name: "GET /api/athletes/{id}/daily",
      allowed: SCOPE_HOLDERS.training,
      call: async () =>
        fromResponse(await dailyRoute.GET(new NextRequest(`http://localhost/api/athletes/${ATHLETE}/daily?from=${RANGE.from}&to=${RANGE.to}`), params({ id: ATHLETE }))),
      check: seriesCheck,
    },
    {
      name: "daily.getDailySeries (scope training)",
      allowed: SCOPE_HOLDERS.training,
      call: dal((viewer) => daily.getDailySeries(db(), viewer, ATHLETE, RANGE, { now: NOW })),
      check: seriesCheck,
    },
    ...(["training", "sleep", "recovery"] as const).map(
      (scope): Entry => ({
        name: `dashboard.getPageSeries (${scope})`,
        allowed: SCOPE_HOLDERS[scope],
        call: dal((viewer) => dashboard.getPageSeries(db(), viewer, ATHLETE, () => RANGE, { now: NOW, scope })),
        check: seriesCheck,
      }),
    ),
    {
      name: "dashboard.getOverview (recovery)",
      allowed: SCOPE_HOLDERS.recovery,
      call: dal((viewer) => dashboard.getOverview(db(), viewer, ATHLETE, { now: NOW })),
      check: (actor, body) => {
        const overview = body as { week: DailySeriesDTO; latestSessions: unknown[] };
        expectSeriesLimitedTo(overview.week, SCOPES_OF[actor]);
        // The latest sessions are training data: only viewers granted training see any.
        if (SCOPES_OF[actor].includes("training")) expect(overview.latestSessions.length).toBeGreaterThan(0);
        else expect(overview.latestSessions).toEqual([]);
      },
    },
    {
      name: "dashboard.listSessions (training)",
      allowed: SCOPE_HOLDERS.training,
      call: dal((viewer) => dashboard.listSessions(db(), viewer, ATHLETE, {}, { now: NOW })),
      check: (_actor, body) => expect((body as { total: number }).total).toBeGreaterThan(0),
    },
    {
      name: "dashboard.getSessionDetail (training)",
      allowed: SCOPE_HOLDERS.training,
      call: dal((viewer) => dashboard.getSessionDetail(db(), viewer, ATHLETE, sessionId)),
      check: (_actor, body) => expect((body as { id: number }).id).toBe(sessionId),
    },
    {
      name: "dashboard.getWeeklyZones (training)",
      allowed: SCOPE_HOLDERS.training,
      call: dal((viewer) => dashboard.getWeeklyZones(db(), viewer, ATHLETE, RANGE)),
      check: (_actor, body) => expect((body as { sessions: number }[]).some((week) => week.sessions > 0)).toBe(true),
    },
    {
      name: "dashboard.getToday (training)",
      allowed: SCOPE_HOLDERS.training,
      call: dal((viewer) => dashboard.getToday(db(), viewer, ATHLETE, { now: NOW })),
      check: (_actor, body) => expect(body).toBe("2026-03-31"),
    },
    {
      name: "dashboard.getSleepNight (sleep)",
      allowed: SCOPE_HOLDERS.sleep,
      call: dal((viewer) => dashboard.getSleepNight(db(), viewer, ATHLETE, null)),
      check: (_actor, body) => expect((body as { night: { date: string } }).night.date).toBe("2026-03-31"),
    },
    {
      name: "dashboard.getBody (body)",
      allowed: SCOPE_HOLDERS.body,
      call: dal((viewer) => dashboard.getBody(db(), viewer, ATHLETE, { now: NOW })),
      check: (_actor, body) => expect((body as { history: unknown[] }).history).toHaveLength(1),
    },
    {
      name: "GET /api/athletes/{id}/activity (training or recovery)",
      allowed: ["athlete", "coachTR"],
      call: async () =>
        fromResponse(await activityRoute.GET(new NextRequest(`http://localhost/api/athletes/${ATHLETE}/activity?from=${RANGE.from}&to=${RANGE.to}`), params({ id: ATHLETE }))),
    },
    {
      name: "activity.getActivityRange (training or recovery)",
      allowed: ["athlete", "coachTR"],
      call: dal((viewer) => activity.getActivityRange(db(), viewer, ATHLETE, RANGE, { now: NOW })),
    },
    {
      name: "heart-rate.getHeartRateDay (recovery; nights need sleep)",
      allowed: SCOPE_HOLDERS.recovery,
      call: dal((viewer) => heartRate.getHeartRateDay(db(), viewer, ATHLETE, "2026-03-30", { now: NOW })),
      check: (actor, body) => {
        if (!SCOPES_OF[actor].includes("sleep")) expect((body as { nights: unknown }).nights).toBeNull();
        if (!SCOPES_OF[actor].includes("training")) expect((body as { sessions: unknown }).sessions).toBeNull();
      },
    },
    {
      name: "report.getWeeklyReport (any of training, sleep, recovery)",
      allowed: ["athlete", "coachTR", "coachSB"],
      call: dal((viewer) => report.getWeeklyReport(db(), viewer, ATHLETE, { year: 2026, week: 13 }, { now: NOW })),
    },
    {
      name: "roster.getAthleteView (any shared scope)",
      allowed: ["athlete", "coachTR", "coachSB"],
      call: dal((viewer) => roster.getAthleteView(db(), viewer, ATHLETE)),
      check: (actor, body) => expect((body as { scopes: ReadScope[] }).scopes).toEqual(SCOPES_OF[actor]),
    },
    ...(["training", "sleep", "recovery", "body"] as const).map(
      (scope): Entry => ({
        name: `roster.getSharedDailySeries (${scope})`,
        allowed: SCOPE_HOLDERS[scope],
        call: dal((viewer) => roster.getSharedDailySeries(db(), viewer, ATHLETE, scope, () => RANGE, { now: NOW })),
        check: scope === "body" ? undefined : seriesCheck,
      }),
    ),
    {
      name: "GET /api/teams/{T1}/roster (JSON)",
      allowed: ["coachTR"],
      call: async () => fromResponse(await rosterRoute.GET(new Request(`http://localhost/api/teams/${t1}/roster`), params({ teamId: t1 }))),
      check: (_actor, body) => {
        const row = (body as { rows: { athleteId: string; sleep7: unknown; load7: { shared: boolean } }[] }).rows.find((item) => item.athleteId === ATHLETE);
        expect(row?.sleep7).toEqual({ shared: false });
        expect(row?.load7.shared).toBe(true);
      },
    },
    {
      name: "GET /api/teams/{T1}/roster?format=csv",
      allowed: ["coachTR"],
      call: async () => fromResponse(await rosterRoute.GET(new Request(`http://localhost/api/teams/${t1}/roster?format=csv`), params({ teamId: t1 }))),
      check: (_actor, body) => {
        const lines = String(body).trim().split("\r\n");
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(ATHLETE);
        expect(lines[1].endsWith(",not shared")).toBe(true);
      },
    },
    {
      name: "GET /api/teams/{T1}/sync (progress)",
      allowed: ["coachTR"],
      call: async () => fromResponse(await teamSyncRoute.GET(new Request(`http://localhost/api/teams/${t1}/sync`), params({ teamId: t1 }))),
      check: (_actor, body) => expect((body as { progress: { athleteId: string }[] }).progress.map((item) => item.athleteId)).toEqual([ATHLETE]),
    },
    {
      name: "roster.startRosterSync (T1, fake runner)",
      allowed: ["coachTR"],
      call: async (viewer) => {
        if (!viewer) throw new AppError("unauthenticated", "Sign in with Polar to continue.");
        const started: string[] = [];
        const runner = { start: (athleteId: string) => (started.push(athleteId), { runId: `run-${athleteId}`, joined: false }) };
        const result = await roster.startRosterSync(db(), viewer, t1, [ATHLETE], { now: NOW, runner });
        return { status: 202, body: { ...result, started } };
      },
      check: (_actor, body) => expect((body as { started: string[] }).started).toEqual([ATHLETE]),
    },
    {
      name: "teams.getTeam (T1)",
      allowed: ["coachTR"],
      call: dal((viewer) => teams.getTeam(db(), viewer, t1, { now: NOW })),
    },
    {
      name: "GET /api/sync/runs/{athlete's run}",
      allowed: ["athlete"],
      call: async () => fromResponse(await runRoute.GET(new Request(`http://localhost/api/sync/runs/${runId}`), params({ id: runId }))),
      check: (_actor, body) => expect((body as { runId: string }).runId).toBe(runId),
    },
    {
      name: "GET /api/sync/current?athleteId={athlete}",
      allowed: ["athlete"],
      call: async () => fromResponse(await currentRoute.GET(new Request(`http://localhost/api/sync/current?athleteId=${ATHLETE}`))),
      check: (_actor, body) => expect((body as { run: { runId: string } }).run.runId).toBe(runId),
    },
  ];
}

beforeAll(() => {
  state.db = createTestDb();
  const db = state.db.db;
  insertAthlete(db, ATHLETE, 5001);
  insertAthlete(db, OTHER_ATHLETE, 5002);
  for (const coach of [viewers.coachTR, viewers.coachSB, viewers.coachOther]) insertAthlete(db, coach.userId, coach.polarUserId);
  seedHistory(db, ATHLETE, { lastDate: "2026-03-31", days: 40, seed: 3 });
  seedHistory(db, OTHER_ATHLETE, { lastDate: "2026-03-31", days: 40, seed: 4 });
  storePhysiology(db, ATHLETE, 190, 50);
  sessionId = dashboard.listSessions(db, viewers.athlete, "me", {}, { now: NOW }).sessions[0]?.id ?? 0;

  t1 = teams.createTeam(db, viewers.coachTR, { name: "T1" }, { now: NOW }).teamId;
  const t2 = teams.createTeam(db, viewers.coachSB, { name: "T2" }, { now: NOW }).teamId;
  t3 = teams.createTeam(db, viewers.coachOther, { name: "T3" }, { now: NOW }).teamId;
  const link1 = teams.createInvitation(db, viewers.coachTR, t1, {}, { now: NOW });
  const link2 = teams.createInvitation(db, viewers.coachSB, t2, {}, { now: NOW });
  const link3 = teams.createInvitation(db, viewers.coachOther, t3, {}, { now: NOW });
  // The athlete unticks what each coach should not see.
  teams.acceptInvitation(db, viewers.athlete, link1.token, { scopes: ["training", "recovery"] }, { now: NOW });
  teams.acceptInvitation(db, viewers.athlete, link2.token, { scopes: ["sleep", "body"] }, { now: NOW });
  teams.acceptInvitation(db, viewers.otherAthlete, link3.token, {}, { now: NOW });
  runId = beginRun(db, ATHLETE, "click", Date.now()).runId;
}, 120_000);

afterAll(() => state.db?.close());

describe("access matrix", () => {
  for (const entry of buildEntries()) {
    for (const actor of ACTORS) {
      const isAllowed = entry.allowed.includes(actor);
      const expected = isAllowed ? "allowed" : actor === "anonymous" ? "401" : "404";
      it(`${entry.name} × ${actor} → ${expected}`, async () => {
        const outcome = await runAs(actor, entry.call);
        if (isAllowed) {
          expect(outcome.status).toBeLessThan(300);
          entry.check?.(actor, outcome.body);
          return;
        }
        expect(outcome.status).toBe(actor === "anonymous" ? 401 : 404);
        // A denial is the error alone: no data, no details, and the same words whether the athlete exists.
        const body = outcome.body as { error: { code: string; message: string; details?: unknown } };
        expect(Object.keys(body)).toEqual(["error"]);
        expect(body.error.code).toBe(actor === "anonymous" ? "unauthenticated" : "not_found");
        expect(body.error.details).toBeUndefined();
      });
    }
  }

  it("a denial for an existing athlete reads exactly like one for a missing athlete", async () => {
    const existing = await runAs("coachOther", dal((viewer) => dashboard.listSessions(state.db?.db ?? (null as never), viewer, ATHLETE, {})));
    const missing = await runAs("coachOther", dal((viewer) => dashboard.listSessions(state.db?.db ?? (null as never), viewer, "no-such-athlete", {})));
    expect(existing).toEqual(missing);
  });

  it("the export holds only the viewer's own data", async () => {
    for (const actor of ["coachTR", "otherAthlete"] as const) {
      const outcome = await runAs(actor, async () => fromResponse(await exportRoute.GET(new Request("http://localhost/api/export?format=json"))));
      expect(outcome.status).toBe(200);
      expect(JSON.stringify(outcome.body)).not.toContain(ATHLETE);
    }
    const own = await runAs("athlete", async () => fromResponse(await exportRoute.GET(new Request("http://localhost/api/export?format=json"))));
    expect(JSON.stringify(own.body)).toContain(ATHLETE);
    const anonymous = await runAs("anonymous", async () => fromResponse(await exportRoute.GET(new Request("http://localhost/api/export?format=json"))));
    expect(anonymous.status).toBe(401);
  });

  it("stopping sharing removes access on the next read; changing scopes applies at once", async () => {
    const db = state.db?.db;
    if (!db) throw new Error("no db");
    const read = () => runAs("coachTR", dal((viewer) => dashboard.listSessions(db, viewer, ATHLETE, {})));
    expect((await read()).status).toBe(200);
    sharing.updateShareScopes(db, viewers.athlete, t1, ["recovery"], { now: NOW });
    expect((await read()).status).toBe(404);
    sharing.stopSharing(db, viewers.athlete, t1);
    expect((await runAs("coachTR", dal((viewer) => roster.getAthleteView(db, viewer, ATHLETE)))).status).toBe(404);
    const rosterAfter = await runAs("coachTR", async () => fromResponse(await rosterRoute.GET(new Request(`http://localhost/api/teams/${t1}/roster`), params({ teamId: t1 }))));
    expect((rosterAfter.body as { rows: unknown[] }).rows).toEqual([]);
    // Restore for any later test.
    const link = teams.createInvitation(db, viewers.coachTR, t1, {}, { now: NOW });
    teams.acceptInvitation(db, viewers.athlete, link.token, { scopes: ["training", "recovery"] }, { now: NOW });
  });
});
