import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ActivityRangeSchema } from "@/lib/contracts/activity";
import { DailySeriesSchema } from "@/lib/contracts/daily";
import { CurrentSyncRunSchema, SyncRunSchema } from "@/lib/contracts/sync-run";
import { getActivityRange } from "@/lib/dal/activity";
import { getDailySeries } from "@/lib/dal/series/read";
import { getSyncRun } from "@/lib/dal/sync-history";
import { ApiError, fetchJson } from "@/lib/query/fetch-json";
import { beginRun } from "@/lib/sync/runs";
import { createTestDb, type TestDb } from "@/tests/fixtures/db";
import { insertAthlete, seedHistory } from "@/tests/integration/dal/fixtures";

/**
 * The client's contract (lib/contracts) against what the DAL really returns: every schema accepts the DTO the
 * route sends, and the fetch helper refuses a response that breaks the contract instead of casting it.
 */

const VIEWER = { userId: "ath-1", polarUserId: 9201, name: "Athlete" };
let t: TestDb;

beforeAll(() => {
  t = createTestDb("contracts");
  insertAthlete(t.db, VIEWER.userId, VIEWER.polarUserId);
  seedHistory(t.db, VIEWER.userId, { lastDate: "2026-03-31", days: 40, seed: 5 });
});

afterAll(() => t.close());

describe("lib/contracts accept the DAL's DTOs", () => {
  it("daily series", () => {
    const series = JSON.parse(JSON.stringify(getDailySeries(t.db, VIEWER, "me", { from: "2026-03-01", to: "2026-03-31" }))) as unknown;
    const parsed = DailySeriesSchema.parse(series);
    expect(parsed.points.length).toBeGreaterThan(25);
  });

  it("activity range", () => {
    const range = JSON.parse(JSON.stringify(getActivityRange(t.db, VIEWER, "me", { from: "2026-03-01", to: "2026-03-31" }))) as unknown;
    expect(ActivityRangeSchema.parse(range).days).toHaveLength(31);
  });

  it("sync run", () => {
    const { runId } = beginRun(t.db, VIEWER.userId, "click", Date.UTC(2026, 2, 31));
    expect(SyncRunSchema.parse(JSON.parse(JSON.stringify(getSyncRun(t.db, VIEWER.userId, runId)))).runId).toBe(runId);
  });
});

describe("fetchJson parses with the contract", () => {
  function respondWith(body: unknown, status = 200): void {
    vi.stubGlobal("fetch", async () => Response.json(body, { status }));
  }

  afterAll(() => vi.unstubAllGlobals());

  it("returns the parsed body, and refuses a run that is not a run", async () => {
    respondWith({ run: null });
    await expect(fetchJson("/api/sync/current", CurrentSyncRunSchema)).resolves.toEqual({ run: null });
    respondWith({ run: { runId: 5 } });
    await expect(fetchJson("/api/sync/current", CurrentSyncRunSchema)).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("refuses a daily series whose points are not daily points", async () => {
    const series = getDailySeries(t.db, VIEWER, "me", { from: "2026-03-01", to: "2026-03-03" });
    respondWith({ ...series, points: [{ date: "2026-03-01" }] });
    await expect(fetchJson("/api/athletes/me/daily", DailySeriesSchema)).rejects.toMatchObject({ code: "invalid_response" });
  });

  it("turns an error body into ApiError with its code", async () => {
    respondWith({ error: { code: "not_found", message: "No athlete with that id is visible to you." } }, 404);
    const error = await fetchJson("/api/athletes/x/daily", DailySeriesSchema).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: "not_found" });
  });
});
