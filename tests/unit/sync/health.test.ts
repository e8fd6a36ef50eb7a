import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { beginRun } from "@/lib/sync/runs";
import { getSyncHealth, isDataStale, STALE_AFTER_MS } from "@/lib/sync/health";
import { addAthlete, addFinishedRun, createTestDb, type TestDb } from "./support";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const MIN = 60_000;

describe("getSyncHealth", () => {
  let unit: TestDb;

  beforeEach(() => {
    unit = createTestDb();
  });
  afterEach(() => unit.close());

  it("reports each state for a batch of athletes", () => {
    const { db } = unit;
    addAthlete(db, { id: "ok", polarUserId: 1 });
    addFinishedRun(db, { id: "ok-1", athleteId: "ok", status: "failed", startedAt: NOW - 200 * MIN, finishedAt: NOW - 199 * MIN });
    addFinishedRun(db, { id: "ok-2", athleteId: "ok", status: "partial", startedAt: NOW - 100 * MIN, finishedAt: NOW - 99 * MIN });
    addAthlete(db, { id: "never", polarUserId: 2 });
    addAthlete(db, { id: "syncing", polarUserId: 3 });
    beginRun(db, "syncing", "click", NOW - MIN);
    addAthlete(db, { id: "reconnect", polarUserId: 4, state: "reconnect_needed" });
    addAthlete(db, { id: "consents", polarUserId: 5, state: "consents_needed" });
    addAthlete(db, { id: "limited", polarUserId: 6 });
    addFinishedRun(db, {
      id: "limited-1",
      athleteId: "limited",
      status: "partial",
      startedAt: NOW - 30 * MIN,
      finishedAt: NOW - 29 * MIN,
      errors: [{ resource: "sleep", code: "rate_limited", message: "Polar's request limit was reached." }],
    });
    addAthlete(db, { id: "failing", polarUserId: 7 });
    addFinishedRun(db, { id: "f-ok", athleteId: "failing", status: "succeeded", startedAt: NOW - 3000 * MIN, finishedAt: NOW - 2999 * MIN });
    addFinishedRun(db, { id: "f-1", athleteId: "failing", status: "failed", startedAt: NOW - 2000 * MIN, finishedAt: NOW - 1999 * MIN });
    addFinishedRun(db, {
      id: "f-2",
      athleteId: "failing",
      status: "failed",
      startedAt: NOW - 60 * MIN,
      finishedAt: NOW - 59 * MIN,
      errors: [{ resource: "exercise", code: "polar_unavailable", message: "Polar did not answer properly." }],
    });

    const health = getSyncHealth(db, ["ok", "never", "syncing", "reconnect", "consents", "limited", "failing", "nobody"], {
      now: NOW,
      rateLimitedUntil: NOW + 4 * MIN,
    });
    expect(health.get("ok")).toMatchObject({ state: "ok", lastSuccessAt: NOW - 99 * MIN, failingSince: null });
    expect(health.get("never")).toMatchObject({ state: "never_synced", lastSuccessAt: null });
    expect(health.get("syncing")?.state).toBe("syncing");
    expect(health.get("syncing")?.runningRunId).toEqual(expect.any(String));
    expect(health.get("reconnect")?.state).toBe("reconnect_needed");
    expect(health.get("consents")?.state).toBe("consents_needed");
    expect(health.get("limited")).toMatchObject({ state: "rate_limited", nextAttemptAt: NOW + 4 * MIN, lastError: { code: "rate_limited" } });
    expect(health.get("failing")).toMatchObject({
      state: "failing",
      failingSince: NOW - 2000 * MIN,
      lastSuccessAt: NOW - 2999 * MIN,
      lastError: { code: "polar_unavailable" },
    });
    expect(health.get("nobody")?.state).toBe("not_connected");
  });

  it("falls back to the next scheduled sync for a rate-limited athlete when no pause is known", () => {
    addAthlete(unit.db, { id: "limited", polarUserId: 6 });
    addFinishedRun(unit.db, {
      id: "l",
      athleteId: "limited",
      status: "failed",
      startedAt: NOW - 10 * MIN,
      finishedAt: NOW - 9 * MIN,
      errors: [{ resource: "exercise", code: "rate_limited", message: "limit" }],
    });
    expect(getSyncHealth(unit.db, ["limited"], { now: NOW, intervalMinutes: 60 }).get("limited")?.nextAttemptAt).toBe(NOW - 9 * MIN + 60 * MIN);
  });

  it("calls data stale after a day", () => {
    expect(isDataStale(null, NOW)).toBe(false);
    expect(isDataStale(NOW - STALE_AFTER_MS, NOW)).toBe(false);
    expect(isDataStale(NOW - STALE_AFTER_MS - 1, NOW)).toBe(true);
  });
});
