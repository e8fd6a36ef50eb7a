import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { getDailyDataFingerprint, getDailySeries } from "@/lib/dal/daily";
import { getFreshness, saveAthleteOverrides } from "@/lib/dal/dashboard";
import { beginRun, finishRun } from "@/lib/sync/runs";
import { createTestDb, insertAthlete, storeNight, storePhysiology, storeRecharge, storeSession, type TestDb } from "./fixtures";

const viewer: Viewer = { userId: "c1", polarUserId: 3001, name: null };
const NOW = Date.UTC(2026, 2, 6, 12, 0, 0);
const RANGE = { from: "2026-03-01", to: "2026-03-06" };
let t: TestDb;

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, "c1", 3001);
  storePhysiology(t.db, "c1", 190, 50);
  storeSession(t.db, "c1", { id: 1, start: "2026-03-02T07:00:00", cardioLoad: 40 });
});

afterAll(() => t.close());

describe("memoised daily series", () => {
  it("serves repeated reads from memory and recomputes after any new or changed row", () => {
    const first = getDailySeries(t.db, viewer, "me", RANGE, { now: NOW });
    const again = getDailySeries(t.db, viewer, "me", RANGE, { now: NOW });
    expect(again.points[0]).toBe(first.points[0]);
    expect(first.points.find((point) => point.date === "2026-03-05")?.load.value).toBe(0);

    storeSession(t.db, "c1", { id: 2, start: "2026-03-05T07:00:00", cardioLoad: 25 });
    const afterSession = getDailySeries(t.db, viewer, "me", RANGE, { now: NOW });
    expect(afterSession.points.find((point) => point.date === "2026-03-05")?.load).toMatchObject({ value: 25, source: "polar" });

    storeNight(t.db, "c1", "2026-03-04");
    storeRecharge(t.db, "c1", "2026-03-04", 52, 40);
    const afterNight = getDailySeries(t.db, viewer, "me", RANGE, { now: NOW });
    expect(afterNight.points.find((point) => point.date === "2026-03-04")?.restingHr.rhr).toBe(52);
  });

  it("changes its fingerprint when settings recompute the sessions' loads", () => {
    storeSession(t.db, "c1", { id: 3, start: "2026-03-06T07:00:00", hr: Array<number>(60).fill(150), rate: 5 });
    const before = getDailyDataFingerprint(t.db, "c1");
    saveAthleteOverrides(t.db, viewer, { hrmax: 200, hrrest: null, sex: null, zoneModel: null }, { now: NOW });
    expect(getDailyDataFingerprint(t.db, "c1")).not.toBe(before);
  });

  it("serves a later range end than the memoised one by recomputing", () => {
    const later = getDailySeries(t.db, viewer, "me", { from: "2026-03-05", to: "2026-03-09" }, { now: NOW });
    expect(later.points.map((point) => point.date)).toEqual(["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]);
  });
});

describe("freshness", () => {
  const progress = { step: "done", itemsDone: 0, itemsTotal: 0, counts: {}, errors: [], requestCount: 0 };

  it("reports the last run that stored data, a later failed attempt, and a running run", () => {
    expect(getFreshness(t.db, "c1")).toMatchObject({ lastSyncedAt: null, lastStatus: null, runningRunId: null });
    const good = beginRun(t.db, "c1", "click", 1_000);
    finishRun(t.db, "c1", good.runId, "succeeded", progress, 2_000);
    const bad = beginRun(t.db, "c1", "click", 3_000);
    finishRun(t.db, "c1", bad.runId, "failed", { ...progress, errors: [{ resource: "run", code: "x", message: "boom" }] }, 4_000);
    expect(getFreshness(t.db, "c1")).toMatchObject({ lastSyncedAt: 2_000, lastStatus: "failed", lastAttemptAt: 4_000, runningRunId: null });
    const running = beginRun(t.db, "c1", "click", 5_000);
    expect(getFreshness(t.db, "c1")).toMatchObject({ lastSyncedAt: 2_000, runningRunId: running.runId });
  });
});
