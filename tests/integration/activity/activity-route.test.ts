import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createTestDb, insertAthlete, storeRecharge, type TestDb } from "../dal/fixtures";
import { shareWithCoach } from "./sharing";
import { storeActivityDay, storeHeartRateDay } from "./support";

// The route's two seams: who is signed in, and which database. Everything else is the real code.
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

const { GET } = await import("@/app/api/athletes/[id]/activity/route");

const ATHLETE: Viewer = { userId: "a1", polarUserId: 2001, name: null };
const TRAINING_COACH: Viewer = { userId: "c-training", polarUserId: 2101, name: null };
const RECOVERY_COACH: Viewer = { userId: "c-recovery", polarUserId: 2102, name: null };
const SLEEP_COACH: Viewer = { userId: "c-sleep", polarUserId: 2103, name: null };

type DayBody = { date: string; hasActivity: boolean; steps: number | null; activeSeconds: number | null; calories: number | null; lowestHr: number | null; nightlyRhr: number | null };
type RangeBody = { athleteId: string; activityShared: boolean; heartRateShared: boolean; days: DayBody[] };

async function call(id: string, query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await GET(new NextRequest(`http://localhost/api/athletes/${id}/activity${query}`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(() => {
  state.db = createTestDb();
  const db = state.db.db;
  insertAthlete(db, "a1", 2001);
  insertAthlete(db, "a2", 2002);
  insertAthlete(db, TRAINING_COACH.userId, 2101);
  insertAthlete(db, RECOVERY_COACH.userId, 2102);
  insertAthlete(db, SLEEP_COACH.userId, 2103);
  storeActivityDay(db, "a1", { id: 1, date: "2026-03-02", steps: 9140, duration: "PT3H5M", calories: 2284, activeCalories: 611 });
  storeHeartRateDay(db, "a1", "2026-03-02", { "03:10:00": 47, "12:00:00": 70 });
  storeRecharge(db, "a1", "2026-03-02", 50, 60);
  storeActivityDay(db, "a2", { id: 2, date: "2026-03-02", steps: 77_777, duration: "PT1H", calories: 1000, activeCalories: 100 });
  shareWithCoach(db, { teamId: "t1", coachId: TRAINING_COACH.userId, athleteId: "a1", scopes: ["training"] });
  shareWithCoach(db, { teamId: "t2", coachId: RECOVERY_COACH.userId, athleteId: "a1", scopes: ["recovery"] });
  shareWithCoach(db, { teamId: "t3", coachId: SLEEP_COACH.userId, athleteId: "a1", scopes: ["sleep", "body"] });
  state.viewer = ATHLETE;
});

afterAll(() => state.db?.close());

describe("GET /api/athletes/{id}/activity", () => {
  it("returns steps, active time, calories and lowest HR per day for `me`, days without data as null", async () => {
    const { status, body } = await call("me", "?from=2026-03-01&to=2026-03-03");
    expect(status).toBe(200);
    const range = body as unknown as RangeBody;
    expect(range.athleteId).toBe("a1");
    expect(range.days.map((day) => day.date)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(range.days[1]).toMatchObject({ hasActivity: true, steps: 9140, activeSeconds: 11_100, calories: 2284, lowestHr: 47, nightlyRhr: 50 });
    expect(range.days[0]).toMatchObject({ hasActivity: false, steps: null, activeSeconds: null, calories: null, lowestHr: null });
  });

  it.each([
    ["?from=2026-13-01&to=2026-03-03", "from"],
    ["?from=2026-03-01", "to"],
    ["?from=2026-03-05&to=2026-03-01", "from"],
    ["?from=2020-01-01&to=2026-01-01", "to"],
  ])("400s %s with the daily API's message", async (query, field) => {
    const { status, body } = await call("me", query);
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string; details: { issues: { field: string }[] } };
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/^Invalid range: /);
    expect(error.details.issues.map((issue) => issue.field)).toContain(field);
  });

  it("404s an athlete who shares nothing with the viewer, with no data in the body", async () => {
    const { status, body } = await call("a2", "?from=2026-03-01&to=2026-03-03");
    expect(status).toBe(404);
    expect(JSON.stringify(body)).not.toContain("77777");
  });

  it("gives a coach with only `training` the activity and no heart rate", async () => {
    state.viewer = TRAINING_COACH;
    try {
      const { status, body } = await call("a1", "?from=2026-03-02&to=2026-03-02");
      expect(status).toBe(200);
      const range = body as unknown as RangeBody;
      expect(range).toMatchObject({ activityShared: true, heartRateShared: false });
      expect(range.days[0]).toMatchObject({ steps: 9140, lowestHr: null, nightlyRhr: null });
    } finally {
      state.viewer = ATHLETE;
    }
  });

  it("gives a coach with only `recovery` the heart rate and no activity", async () => {
    state.viewer = RECOVERY_COACH;
    try {
      const { status, body } = await call("a1", "?from=2026-03-02&to=2026-03-02");
      expect(status).toBe(200);
      const range = body as unknown as RangeBody;
      expect(range).toMatchObject({ activityShared: false, heartRateShared: true });
      expect(range.days[0]).toMatchObject({ steps: null, calories: null, lowestHr: 47, nightlyRhr: 50 });
    } finally {
      state.viewer = ATHLETE;
    }
  });

  it("404s a coach whose athlete shares neither training nor recovery", async () => {
    state.viewer = SLEEP_COACH;
    try {
      const { status, body } = await call("a1", "?from=2026-03-02&to=2026-03-02");
      expect(status).toBe(404);
      expect(JSON.stringify(body)).not.toContain("9140");
    } finally {
      state.viewer = ATHLETE;
    }
  });

  it("401s when signed out", async () => {
    state.viewer = null;
    try {
      const { status } = await call("me", "?from=2026-03-01&to=2026-03-03");
      expect(status).toBe(401);
    } finally {
      state.viewer = ATHLETE;
    }
  });
});
