import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { dailySeriesHeads, dailySeriesStates } from "@/db/schema/series-state";
import { cardioLoads, exercises, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { clearDailySeriesCache } from "@/lib/dal/series/load";
import { computeAthleteDailySeries, getSharedDailySeries } from "@/lib/dal/series/read";
import { deleteSeriesStates } from "@/lib/dal/series/state";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import { createRandom, createTestDb, insertAthlete, storeNight, storePolarCardioLoad, storeRecharge, storeSession, type TestDb } from "./fixtures";

// The athletes' (UTC+1) local today is LAST.
const LAST = "2026-03-31";
const NOW = Date.UTC(2026, 2, 31, 12);
const DAYS = 180;

let t: TestDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
  clearDailySeriesCache();
});

/** A sparse random history: sessions (Polar load or TRIMP from HR), nights, Nightly Recharge, Polar cardio load. */
function seedRandomHistory(db: Db, athleteId: string, random: () => number): void {
  db.$client.transaction(() => {
    for (let i = DAYS - 1; i >= 0; i -= 1) writeRandomDay(db, athleteId, addDays(LAST, -i), random, i);
  })();
}

let nextSessionId = 1;
function writeRandomDay(db: Db, athleteId: string, date: string, random: () => number, salt: number): void {
  if (random() < 0.7) {
    const hr = random() < 0.5 ? Array.from({ length: 24 }, (_, k) => 110 + Math.round(random() * 60) + (k % 3)) : undefined;
    storeSession(db, athleteId, { id: nextSessionId++, start: `${date}T07:00:00`, hr, rate: 5, cardioLoad: random() < 0.6 ? 20 + Math.round(random() * 90) : null });
  }
  if (random() < 0.85) storeNight(db, athleteId, date, { score: 50 + Math.floor(random() * 40), light: 10_000 + Math.round(random() * 9_000) });
  // Large RHR swings now and then, so the elevated streaks (recursive state) get exercised.
  if (random() < 0.8) storeRecharge(db, athleteId, date, 44 + Math.round(random() * (random() < 0.15 ? 25 : 8)), 30 + Math.round(random() * 50) + (salt % 5));
  if (random() < 0.6) storePolarCardioLoad(db, athleteId, date, random() < 0.1 ? "LOAD_STATUS_NOT_AVAILABLE" : "PRODUCTIVE", 30 + Math.round(random() * 60));
}

/** One random edit: a new or changed row of any table, or a deleted one, on a random day (late days likelier). */
function editRandomly(db: Db, athleteId: string, random: () => number): void {
  const back = random() < 0.6 ? Math.floor(random() * 10) : Math.floor(random() * (DAYS + 20));
  const date = addDays(LAST, -back);
  const kind = Math.floor(random() * 6);
  if (kind === 0) writeRandomDay(db, athleteId, date, random, back);
  else if (kind === 1) db.delete(sleeps).where(and(eq(sleeps.athleteId, athleteId), eq(sleeps.localDate, date))).run();
  else if (kind === 2) db.delete(exercises).where(and(eq(exercises.athleteId, athleteId), eq(exercises.localDate, date))).run();
  else if (kind === 3) db.delete(nightlyRecharges).where(and(eq(nightlyRecharges.athleteId, athleteId), eq(nightlyRecharges.localDate, date))).run();
  else if (kind === 4) db.delete(cardioLoads).where(and(eq(cardioLoads.athleteId, athleteId), eq(cardioLoads.localDate, date))).run();
  else storeRecharge(db, athleteId, date, 45 + Math.round(random() * 30), 20 + Math.round(random() * 60));
}

function randomRange(random: () => number): { from: string; to: string } {
  const to = addDays(LAST, -Math.floor(random() * 20));
  return { from: addDays(to, -Math.floor(random() * 120)), to };
}

/** The series as a view computes it now, and the same computed from day 1 with no stored state. */
function incrementalAndFull(db: Db, athleteId: string, range: { from: string; to: string }) {
  clearDailySeriesCache();
  const incremental = computeAthleteDailySeries(db, athleteId, range, { now: NOW });
  // Set the stored state aside (not deleted for good: the next round resumes from it).
  const states = db.select().from(dailySeriesStates).all();
  const heads = db.select().from(dailySeriesHeads).all();
  deleteSeriesStates(db);
  clearDailySeriesCache();
  const full = computeAthleteDailySeries(db, athleteId, range, { now: NOW });
  deleteSeriesStates(db);
  db.transaction((tx) => {
    for (const row of states) tx.insert(dailySeriesStates).values(row).run();
    for (const row of heads) tx.insert(dailySeriesHeads).values(row).run();
  });
  return { incremental, full };
}

describe("the incremental daily series", () => {
  it.each([1, 2, 3, 4, 5, 6])("equals a full recompute after random inserts, updates and deletes at random dates (seed %i)", (seed) => {
    t = createTestDb();
    const random = createRandom(seed * 7919);
    insertAthlete(t.db, "a", 1);
    seedRandomHistory(t.db, "a", random);
    // The first view stores the state of every day.
    computeAthleteDailySeries(t.db, "a", { from: addDays(LAST, -DAYS), to: LAST }, { now: NOW });
    for (let round = 0; round < 5; round += 1) {
      const edits = 1 + Math.floor(random() * 4);
      for (let i = 0; i < edits; i += 1) editRandomly(t.db, "a", random);
      const { incremental, full } = incrementalAndFull(t.db, "a", randomRange(random));
      expect(incremental.points.length).toBeGreaterThan(0);
      expect(incremental).toEqual(full);
    }
  }, 60_000);

  it("equals a full recompute for a coach's shared-scope series too", () => {
    t = createTestDb();
    const random = createRandom(4242);
    insertAthlete(t.db, "coach", 9000);
    insertAthlete(t.db, "a", 1);
    seedRandomHistory(t.db, "a", random);
    const coach: Viewer = { userId: "coach", polarUserId: 9000, name: null };
    const team = createTeam(t.db, coach, { name: "T" }, { now: NOW }).teamId;
    const link = createInvitation(t.db, coach, team, { scopes: ["training", "recovery"] }, { now: NOW });
    acceptInvitation(t.db, { userId: "a", polarUserId: 1, name: null }, link.token, {}, { now: NOW });
    const range = () => ({ from: addDays(LAST, -60), to: LAST });
    getSharedDailySeries(t.db, coach, "a", "training", range, { now: NOW });
    for (let i = 0; i < 4; i += 1) editRandomly(t.db, "a", random);
    clearDailySeriesCache();
    const incremental = getSharedDailySeries(t.db, coach, "a", "training", range, { now: NOW });
    deleteSeriesStates(t.db);
    clearDailySeriesCache();
    expect(incremental).toEqual(getSharedDailySeries(t.db, coach, "a", "training", range, { now: NOW }));
  }, 60_000);

  it("resumes from the stored state after a late edit instead of recomputing from day 1", () => {
    t = createTestDb();
    insertAthlete(t.db, "a", 1);
    seedRandomHistory(t.db, "a", createRandom(99));
    const range = { from: addDays(LAST, -27), to: LAST };
    computeAthleteDailySeries(t.db, "a", { from: addDays(LAST, -DAYS), to: LAST }, { now: NOW });
    storeRecharge(t.db, "a", LAST, 70, 20);
    // A tampered stored state of a day before the edit: only a computation that resumes from stored state shows it.
    t.db.update(dailySeriesStates).set({ ctl: sql`${dailySeriesStates.ctl} + 1000` }).where(eq(dailySeriesStates.localDate, range.from)).run();
    clearDailySeriesCache();
    const resumed = computeAthleteDailySeries(t.db, "a", range, { now: NOW });
    deleteSeriesStates(t.db);
    clearDailySeriesCache();
    const full = computeAthleteDailySeries(t.db, "a", range, { now: NOW });
    expect(resumed.points.at(-1)?.restingHr.rhr).toBe(70);
    expect(resumed.points[0].pmc.ctl - full.points[0].pmc.ctl).toBeCloseTo(1000, 6);
    // Everything not recursive is recomputed from the rows: identical.
    expect(resumed.points.map((point) => point.load)).toEqual(full.points.map((point) => point.load));
  });
});
