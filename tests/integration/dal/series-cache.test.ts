import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { getAthleteDataVersion } from "@/db/queries/data-version";
import { users } from "@/db/schema/auth";
import { athleteDataVersions } from "@/db/schema/data-version";
import type { Viewer } from "@/lib/auth/session";
import { getDailySeries } from "@/lib/dal/series/read";
import { getFreshness } from "@/lib/dal/overview/freshness";
import { saveAthleteOverrides } from "@/lib/dal/body/overrides";
import { reparseQuarantine } from "@/lib/sync/reparse";
import { beginRun, finishRun } from "@/lib/sync/runs";
import { purgeResources, quarantinePayload } from "@/lib/sync/store";
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

  it("changes its data version when settings recompute the sessions' loads", () => {
    storeSession(t.db, "c1", { id: 3, start: "2026-03-06T07:00:00", hr: Array<number>(60).fill(150), rate: 5 });
    const before = getAthleteDataVersion(t.db, "c1");
    saveAthleteOverrides(t.db, viewer, { hrmax: 200, hrrest: null, sex: null, zoneModel: null }, { now: NOW });
    expect(getAthleteDataVersion(t.db, "c1")).toBeGreaterThan(before);
  });

  it("serves a later range end than the memoised one by recomputing", () => {
    const later = getDailySeries(t.db, viewer, "me", { from: "2026-03-05", to: "2026-03-09" }, { now: NOW });
    expect(later.points.map((point) => point.date)).toEqual(["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]);
  });
});

describe("the data version behind the memo", () => {
  const c2: Viewer = { userId: "c2", polarUserId: 3002, name: null };
  const pointOn = (date: string) => getDailySeries(t.db, c2, "me", RANGE, { now: NOW }).points.find((point) => point.date === date);

  beforeAll(() => {
    insertAthlete(t.db, "c2", 3002);
    storeSession(t.db, "c2", { id: 201, start: "2026-03-02T07:00:00", cardioLoad: 40 });
    storeNight(t.db, "c2", "2026-03-04");
    storeRecharge(t.db, "c2", "2026-03-04", 52, 40);
  });

  it("recomputes after a stored night changes in place with the same fetch time and row count", () => {
    expect(pointOn("2026-03-04")?.restingHr.rhr).toBe(52);
    // Every fixture write has the same `fetchedAt`: counts and newest fetch times alone could not see this.
    storeRecharge(t.db, "c2", "2026-03-04", 47, 40);
    expect(pointOn("2026-03-04")?.restingHr.rhr).toBe(47);
  });

  it("recomputes after a reparse stores a quarantined payload with its old fetch time (insert and update)", () => {
    const quarantine = (date: string, hr: number) =>
      quarantinePayload(t.db, "c2", {
        resource: "nightly-recharge",
        itemKey: date,
        endpoint: "/v3/users/nightly-recharge",
        transactionId: null,
        raw: { date, heart_rate_avg: hr, heart_rate_variability_avg: 40, nightly_recharge_status: 3, ans_charge: 1, ans_charge_status: 3 },
        error: "was invalid",
        path: null,
        fetchedAt: 1_600_000_000_000,
        runId: null,
      });
    expect(pointOn("2026-03-05")?.restingHr.rhr).toBeNull();
    quarantine("2026-03-04", 45);
    quarantine("2026-03-05", 49);
    expect(reparseQuarantine(t.db, { athleteId: "c2", now: NOW }).outcomes).toMatchObject({ new: 1, updated: 1 });
    expect(pointOn("2026-03-04")?.restingHr.rhr).toBe(45);
    expect(pointOn("2026-03-05")?.restingHr.rhr).toBe(49);
  });

  it("recomputes after a data type is switched off and its rows deleted", () => {
    expect(pointOn("2026-03-04")?.night?.nightlyRechargeStatus).toBe(3);
    purgeResources(t.db, "c2", ["sleep", "nightly-recharge"]);
    const night = pointOn("2026-03-04");
    expect(night?.night).toBeNull();
    expect(night?.restingHr.rhr).toBeNull();
    expect(night?.sleep.night).toBeNull();
  });

  it("recomputes after the athlete's overrides change, and not after another athlete's write", () => {
    const first = getDailySeries(t.db, c2, "me", RANGE, { now: NOW });
    storeSession(t.db, "c1", { id: 4, start: "2026-03-04T07:00:00", cardioLoad: 10 });
    expect(getDailySeries(t.db, c2, "me", RANGE, { now: NOW }).points[0]).toBe(first.points[0]);
    const before = getAthleteDataVersion(t.db, "c2");
    saveAthleteOverrides(t.db, c2, { hrmax: null, hrrest: 45, sex: null, zoneModel: null }, { now: NOW });
    expect(getAthleteDataVersion(t.db, "c2")).toBeGreaterThan(before);
    const after = getDailySeries(t.db, c2, "me", RANGE, { now: NOW });
    expect(after.points[0]).not.toBe(first.points[0]);
    expect(after.points[0]).toEqual(first.points[0]);
  });

  it("keeps two databases apart even when the athlete and the version are the same", () => {
    const dbs = [openDatabase(":memory:"), openDatabase(":memory:")];
    try {
      dbs.forEach((db, i) => {
        insertAthlete(db, "c9", 3009);
        storeSession(db, "c9", { id: 1, start: "2026-03-05T07:00:00", cardioLoad: 30 + 40 * i });
      });
      expect(getAthleteDataVersion(dbs[0], "c9")).toBe(getAthleteDataVersion(dbs[1], "c9"));
      const loads = dbs.map((db) => getDailySeries(db, { userId: "c9", polarUserId: 3009, name: null }, "me", RANGE, { now: NOW }).points.find((p) => p.date === "2026-03-05")?.load.value);
      expect(loads).toEqual([30, 70]);
    } finally {
      for (const db of dbs) db.$client.close();
    }
  });

  it("goes with the athlete: deleting the user cascades through the triggers and leaves no version row", () => {
    insertAthlete(t.db, "c3", 3003);
    storeSession(t.db, "c3", { id: 301, start: "2026-03-02T07:00:00", cardioLoad: 40 });
    storeNight(t.db, "c3", "2026-03-03");
    expect(getAthleteDataVersion(t.db, "c3")).toBe(2);
    t.db.delete(users).where(eq(users.id, "c3")).run();
    expect(t.db.select().from(athleteDataVersions).where(eq(athleteDataVersions.athleteId, "c3")).all()).toEqual([]);
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
