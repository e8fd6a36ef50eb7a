import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { createTestDb, insertAthlete, storeSession, type TestDb } from "./fixtures";

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

const { GET } = await import("@/app/api/athletes/[id]/daily/route");

async function call(id: string, query: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await GET(new NextRequest(`http://localhost/api/athletes/${id}/daily${query}`), { params: Promise.resolve({ id }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(() => {
  state.db = createTestDb();
  insertAthlete(state.db.db, "a1", 2001);
  insertAthlete(state.db.db, "a2", 2002);
  storeSession(state.db.db, "a1", { id: 1, start: "2026-03-02T07:00:00", cardioLoad: 42 });
  storeSession(state.db.db, "a2", { id: 2, start: "2026-03-02T07:00:00", cardioLoad: 99 });
  state.viewer = { userId: "a1", polarUserId: 2001, name: null };
});

afterAll(() => state.db?.close());

describe("GET /api/athletes/{id}/daily", () => {
  it("returns the signed-in athlete's series for `me`", async () => {
    const { status, body } = await call("me", "?from=2026-03-01&to=2026-03-03");
    expect(status).toBe(200);
    const points = body.points as { date: string; load: { value: number; source: string } }[];
    expect(points.map((point) => point.date)).toEqual(["2026-03-02", "2026-03-03"]);
    expect(points[0].load).toMatchObject({ value: 42, source: "polar" });
    expect(body.athleteId).toBe("a1");
  });

  it.each([
    ["?from=2026-13-01&to=2026-03-03", "from"],
    ["?from=2026-03-01", "to"],
    ["?from=2026-03-05&to=2026-03-01", "from"],
    ["?from=2020-01-01&to=2026-01-01", "to"],
  ])("400s %s with a message", async (query, field) => {
    const { status, body } = await call("me", query);
    expect(status).toBe(400);
    const error = body.error as { code: string; message: string; details: { issues: { field: string }[] } };
    expect(error.code).toBe("bad_request");
    expect(error.message).toMatch(/^Invalid range: /);
    expect(error.details.issues.map((issue) => issue.field)).toContain(field);
  });

  it("404s another athlete with no data in the body", async () => {
    const { status, body } = await call("a2", "?from=2026-03-01&to=2026-03-03");
    expect(status).toBe(404);
    expect(body).not.toHaveProperty("points");
    expect(JSON.stringify(body)).not.toContain("99");
  });

  it("401s when signed out", async () => {
    state.viewer = null;
    try {
      const { status } = await call("me", "?from=2026-03-01&to=2026-03-03");
      expect(status).toBe(401);
    } finally {
      state.viewer = { userId: "a1", polarUserId: 2001, name: null };
    }
  });
});
