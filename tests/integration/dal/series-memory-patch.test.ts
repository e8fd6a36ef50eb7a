import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { dailySeriesHeads, dailySeriesStates } from "@/db/schema/series-state";
import { exercises, nightlyRecharges, sleeps } from "@/db/schema/polar-data";
import { addDays, diffDays } from "@/lib/analytics";
import { clearDailySeriesCache } from "@/lib/dal/series/load";
import { computeAthleteDailySeries } from "@/lib/dal/series/read";
import { deleteSeriesStates } from "@/lib/dal/series/state";
import { createRandom, createTestDb, insertAthlete, seedHistory, storeNight, storeRecharge, storeSession, type TestDb } from "./fixtures";

/**
 * The memory cache after a data change: a view keeps the memoised points before the earliest changed day and
 * computes only the days from there (lib/dal/series/load.ts). Whatever it keeps, the series must equal one
 * computed from nothing.
 */

// The athlete's (UTC+1) local today is LAST.
const LAST = "2026-03-31";
const NOW = Date.UTC(2026, 2, 31, 12);
const RANGE = { from: addDays(LAST, -90), to: LAST };

let t: TestDb | null = null;
afterEach(() => {
  t?.close();
  t = null;
  clearDailySeriesCache();
});

function seeded(): Db {
  t = createTestDb();
  insertAthlete(t.db, "a", 1);
  seedHistory(t.db, "a", { lastDate: LAST, days: 200, seed: 5 });
  return t.db;
}

/** The series as a fresh process computes it: neither memory nor stored state. */
function fromNothing(db: Db, range = RANGE) {
  clearDailySeriesCache();
  deleteSeriesStates(db);
  return computeAthleteDailySeries(db, "a", range, { now: NOW });
}

describe("the memoised series after a data change", () => {
  it("keeps the points before the changed day and recomputes the rest", () => {
    const db = seeded();
    const before = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    storeRecharge(db, "a", addDays(LAST, -1), 75, 15);
    const after = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    const changedAt = after.points.findIndex((point) => point.date === addDays(LAST, -1));
    // The same objects before the changed day: they came from memory, not from a computation.
    for (let i = 0; i < changedAt; i += 1) expect(after.points[i]).toBe(before.points[i]);
    expect(after.points[changedAt]).not.toBe(before.points[changedAt]);
    expect(after.points[changedAt].restingHr.rhr).toBe(75);
    expect(after).toEqual(fromNothing(db));
  });

  it("equals a computation from nothing after random edits between views", () => {
    const db = seeded();
    const random = createRandom(17);
    computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    for (let round = 0; round < 12; round += 1) {
      const date = addDays(LAST, -Math.floor(random() * (random() < 0.7 ? 10 : 120)));
      const kind = Math.floor(random() * 4);
      if (kind === 0) storeRecharge(db, "a", date, 45 + Math.round(random() * 25), 20 + Math.round(random() * 60));
      else if (kind === 1) storeSession(db, "a", { id: 50_000 + round, start: `${date}T18:00:00`, cardioLoad: 20 + Math.round(random() * 90) });
      else if (kind === 2) db.delete(sleeps).where(and(eq(sleeps.athleteId, "a"), eq(sleeps.localDate, date))).run();
      else db.delete(exercises).where(and(eq(exercises.athleteId, "a"), eq(exercises.localDate, date))).run();
      const range = { from: addDays(LAST, -Math.floor(random() * 80)), to: LAST };
      const viewed = computeAthleteDailySeries(db, "a", range, { now: NOW });
      expect(viewed).toEqual(computeReference(db, t?.file ?? "", range));
    }
  }, 60_000);

  it("recomputes every point when the sleep need changes (the debt of every day depends on it)", () => {
    const db = seeded();
    const before = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    // A new sleep goal on the last night: the newest goal is the sleep need of the whole series.
    storeNight(db, "a", LAST, { goalSeconds: 10 * 3600 });
    const after = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    expect(after.sleepNeedMinutes).toBe(600);
    expect(after.points[0]).not.toBe(before.points[0]);
    expect(after.points[30].sleep.debt).not.toEqual(before.points[30].sleep.debt);
    expect(after).toEqual(fromNothing(db));
  });

  it("recomputes every point when an older day moves the history start", () => {
    const db = seeded();
    const before = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    storeRecharge(db, "a", addDays(LAST, -400), 50, 40);
    const after = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    expect(after.historyStart).toBe(addDays(LAST, -400));
    expect(after.points[0].dayIndex).toBe(before.points[0].dayIndex + diffDays(addDays(LAST, -400), before.historyStart ?? ""));
    expect(after).toEqual(fromNothing(db));
  });

  it("serves a range reaching before the memoised one correctly after a change", () => {
    const db = seeded();
    computeAthleteDailySeries(db, "a", { from: addDays(LAST, -6), to: LAST }, { now: NOW });
    db.delete(nightlyRecharges).where(and(eq(nightlyRecharges.athleteId, "a"), eq(nightlyRecharges.localDate, addDays(LAST, -2)))).run();
    const wide = computeAthleteDailySeries(db, "a", RANGE, { now: NOW });
    expect(wide.points).toHaveLength(91);
    expect(wide).toEqual(fromNothing(db));
  });
});

/**
 * The series computed from nothing, leaving the view under test its memory and stored state: a second
 * connection to the same file (the memory is per connection) with the stored state set aside meanwhile.
 */
function computeReference(db: Db, file: string, range: { from: string; to: string }) {
  const states = db.select().from(dailySeriesStates).all();
  const heads = db.select().from(dailySeriesHeads).all();
  deleteSeriesStates(db);
  const other = openDatabase(file);
  try {
    return computeAthleteDailySeries(other, "a", range, { now: NOW });
  } finally {
    other.$client.close();
    deleteSeriesStates(db);
    db.transaction((tx) => {
      for (const row of states) tx.insert(dailySeriesStates).values(row).run();
      for (const row of heads) tx.insert(dailySeriesHeads).values(row).run();
    });
  }
}
