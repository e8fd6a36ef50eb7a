import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema/webhooks";
import type { RateGovernorSnapshot } from "@/lib/polar";
import { listStaleAthletes, nextTickDelay, readRateLimitPause, runSchedulerTick, SCHEDULER_TICK_MS } from "@/lib/sync/scheduler";
import { beginRun } from "@/lib/sync/runs";
import { addAthlete, addFinishedRun, countRuns, createRecordingRunner, createTestDb, type TestDb } from "./support";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);
const MIN = 60_000;
const INTERVAL_MINUTES = 60;

const calmLimits: RateGovernorSnapshot = {
  short: { usage: 40, limit: 1000, resetAt: NOW + 5 * MIN },
  long: { usage: 900, limit: 7500, resetAt: NOW + 600 * MIN },
  inFlight: 0,
  waiting: 0,
  blockedUntil: null,
  headroom: 0.1,
  rateLimitedCount: 0,
};

describe("runSchedulerTick", () => {
  let unit: TestDb;

  beforeEach(() => {
    unit = createTestDb();
    const { db } = unit;
    addAthlete(db, { id: "never", polarUserId: 1001 });
    addAthlete(db, { id: "stale-2h", polarUserId: 1002 });
    addFinishedRun(db, { id: "r-stale-2h", athleteId: "stale-2h", status: "succeeded", startedAt: NOW - 121 * MIN, finishedAt: NOW - 120 * MIN });
    addAthlete(db, { id: "stale-5h-partial", polarUserId: 1003 });
    addFinishedRun(db, { id: "r-5h", athleteId: "stale-5h-partial", status: "partial", startedAt: NOW - 301 * MIN, finishedAt: NOW - 300 * MIN });
    addAthlete(db, { id: "fresh", polarUserId: 1004 });
    addFinishedRun(db, { id: "r-fresh", athleteId: "fresh", status: "succeeded", startedAt: NOW - 11 * MIN, finishedAt: NOW - 10 * MIN });
    addAthlete(db, { id: "reconnect", polarUserId: 1005, state: "reconnect_needed" });
    addAthlete(db, { id: "consents", polarUserId: 1006, state: "consents_needed" });
    addAthlete(db, { id: "unregistered", polarUserId: 1007, registered: false });
    // Stale, but a failed attempt 20 minutes ago: retried once per interval, not every tick.
    addAthlete(db, { id: "failed-recently", polarUserId: 1008 });
    addFinishedRun(db, { id: "r-ok-old", athleteId: "failed-recently", status: "succeeded", startedAt: NOW - 600 * MIN, finishedAt: NOW - 599 * MIN });
    addFinishedRun(db, { id: "r-failed", athleteId: "failed-recently", status: "failed", startedAt: NOW - 20 * MIN, finishedAt: NOW - 19 * MIN });
  });

  afterEach(() => unit.close());

  it("lists only stale athletes who can sync, never-synced first, then stalest", () => {
    expect(listStaleAthletes(unit.db, NOW, INTERVAL_MINUTES).map((athlete) => athlete.athleteId)).toEqual([
      "never",
      "stale-5h-partial",
      "stale-2h",
    ]);
  });

  it("syncs only the stale athletes, with the schedule trigger", async () => {
    const runner = createRecordingRunner(unit.db, () => NOW);
    const result = await runSchedulerTick({ db: unit.db, runner, intervalMinutes: INTERVAL_MINUTES, maxConcurrentRuns: 10, rateLimits: () => calmLimits }, NOW);
    expect(result.started.map((started) => started.athleteId)).toEqual(["never", "stale-5h-partial", "stale-2h"]);
    expect(result.deferred).toBe(0);
    expect(result.pausedUntil).toBeNull();
    expect(runner.starts.every((start) => start.trigger === "schedule" && !start.joined)).toBe(true);
    expect(runner.starts.map((start) => start.athleteId)).toEqual(["never", "stale-5h-partial", "stale-2h"]);
    for (const athleteId of ["reconnect", "consents", "unregistered"]) expect(countRuns(unit.db, athleteId)).toBe(0);
    expect(countRuns(unit.db, "fresh")).toBe(1);
    expect(countRuns(unit.db, "failed-recently")).toBe(2);

    // The next tick finds them running (leases) and starts nothing twice.
    const again = await runSchedulerTick({ db: unit.db, runner, intervalMinutes: INTERVAL_MINUTES, maxConcurrentRuns: 10 }, NOW + MIN);
    expect(again.started).toEqual([]);
    expect(countRuns(unit.db)).toBe(5 + 3);
  });

  it("spreads a roster over ticks: never more runs at once than allowed", async () => {
    beginRun(unit.db, "fresh", "click", NOW);
    const runner = createRecordingRunner(unit.db, () => NOW);
    const result = await runSchedulerTick({ db: unit.db, runner, intervalMinutes: INTERVAL_MINUTES, maxConcurrentRuns: 2 }, NOW);
    expect(result.started.map((started) => started.athleteId)).toEqual(["never"]);
    expect(result.deferred).toBe(2);
  });

  it("pauses while Polar's rate limit is used up", async () => {
    const runner = createRecordingRunner(unit.db, () => NOW);
    const blocked = { ...calmLimits, blockedUntil: NOW + 4 * MIN };
    const result = await runSchedulerTick({ db: unit.db, runner, intervalMinutes: INTERVAL_MINUTES, maxConcurrentRuns: 10, rateLimits: () => blocked }, NOW);
    expect(result).toMatchObject({ started: [], deferred: 3, pausedUntil: NOW + 4 * MIN });
    expect(runner.starts).toEqual([]);
  });

  it("dispatches webhook events a stopped process left pending and retries de-registrations", async () => {
    unit.db
      .insert(webhookEvents)
      .values({ eventKey: "SLEEP|1004|2026-03-10|", event: "SLEEP", polarUserId: 1004, athleteId: "fresh", entity: "2026-03-10", receivedAt: NOW - 5 * MIN, status: "pending" })
      .run();
    let retried = 0;
    const runner = createRecordingRunner(unit.db, () => NOW);
    const result = await runSchedulerTick(
      {
        db: unit.db,
        runner,
        intervalMinutes: INTERVAL_MINUTES,
        maxConcurrentRuns: 10,
        retryPendingDeregistrations: async () => {
          retried += 1;
        },
      },
      NOW,
    );
    expect(result.webhookRuns).toEqual([{ athleteId: "fresh", runId: result.webhookRuns[0]?.runId, joined: false, events: 1 }]);
    expect(runner.starts[0]).toEqual({ athleteId: "fresh", trigger: "webhook", joined: false, resources: ["sleep", "nightly-recharge", "cardio-load"] });
    expect(retried).toBe(1);
  });
});

describe("rate-limit pause and jitter", () => {
  it("pauses on a 429 block or a window beyond the headroom, not otherwise", () => {
    expect(readRateLimitPause(calmLimits, NOW)).toBeNull();
    expect(readRateLimitPause({ ...calmLimits, blockedUntil: NOW + 1000 }, NOW)).toBe(NOW + 1000);
    expect(readRateLimitPause({ ...calmLimits, short: { usage: 895, limit: 1000, resetAt: NOW + 7 * MIN }, inFlight: 5 }, NOW)).toBe(NOW + 7 * MIN);
    expect(readRateLimitPause({ ...calmLimits, short: { usage: 894, limit: 1000, resetAt: NOW + 7 * MIN }, inFlight: 5 }, NOW)).toBeNull();
    expect(readRateLimitPause({ ...calmLimits, long: { usage: 6750, limit: 7500, resetAt: NOW + 300 * MIN } }, NOW)).toBe(NOW + 300 * MIN);
  });

  it("waits between 75 % and 125 % of a tick", () => {
    expect(nextTickDelay(() => 0)).toBe(0.75 * SCHEDULER_TICK_MS);
    expect(nextTickDelay(() => 0.5)).toBe(SCHEDULER_TICK_MS);
    expect(nextTickDelay(() => 0.999, 1000)).toBe(1250);
  });
});
