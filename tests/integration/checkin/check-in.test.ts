import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { checkIns, sessionRpes } from "@/db/schema/check-in";
import { exercises } from "@/db/schema/polar-data";
import { users } from "@/db/schema/auth";
import { addDays, getIsoWeek } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { getMyTodayCheckIn, saveCheckIn } from "@/lib/dal/check-in";
import { getWeeklyReport } from "@/lib/dal/report";
import { buildAthleteExport, buildAthleteExportZip } from "@/lib/dal/export";
import { getAthleteToday } from "@/lib/dal/series/clock";
import { getDailySeries } from "@/lib/dal/series/read";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { listSessions } from "@/lib/dal/sessions/list";
import { rateSession } from "@/lib/dal/sessions/rpe";
import { AppError } from "@/lib/errors";
import { createTestDb, insertAthlete, seedHistory, type TestDb } from "../dal/fixtures";

const NOW = Date.UTC(2026, 2, 30, 9, 0, 0);
const athlete: Viewer = { userId: "c1", polarUserId: 8001, name: "C1" };
const other: Viewer = { userId: "c2", polarUserId: 8002, name: "C2" };
let t: TestDb;
let today = "";

const GOOD = { fatigue: 2, soreness: 2, stress: 3, mood: 4, sleepQuality: 4, illness: false, note: "legs fine" };

function expectBadRequest(run: () => unknown, message: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AppError);
  expect((caught as AppError).code).toBe("bad_request");
  expect((caught as AppError).message).toMatch(message);
}

const storedCheckIns = () => t.db.select().from(checkIns).all();
const storedRpes = () => t.db.select().from(sessionRpes).all();

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, "c1", 8001);
  insertAthlete(t.db, "c2", 8002);
  seedHistory(t.db, "c1", { lastDate: "2026-03-30", days: 90, seed: 5 });
  seedHistory(t.db, "c2", { lastDate: "2026-03-30", days: 10, seed: 6 });
  today = getAthleteToday(t.db, "c1", NOW);
});

afterAll(() => t.close());

describe("the morning check-in", () => {
  it("stores one check-in for the athlete's local today and replaces it on the same day", () => {
    const first = saveCheckIn(t.db, athlete, GOOD, { now: NOW });
    expect(first).toMatchObject({ date: today, fatigue: 2, illness: false, note: "legs fine" });
    const second = saveCheckIn(t.db, athlete, { ...GOOD, fatigue: 4, date: today }, { now: NOW + 60_000 });
    expect(second.fatigue).toBe(4);
    expect(storedCheckIns()).toHaveLength(1);
    expect(getMyTodayCheckIn(t.db, athlete, { now: NOW })?.updatedAt).toBe(NOW + 60_000);
  });

  it("rejects bad input with a clear 400 and leaves what is stored unchanged", () => {
    const before = storedCheckIns();
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, fatigue: 6 }, { now: NOW }), /fatigue: fatigue must be from 1 to 5/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, mood: 0 }, { now: NOW }), /mood/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, stress: 2.5 }, { now: NOW }), /stress must be a whole number/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, illness: "yes" }, { now: NOW }), /illness must be yes or no/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, note: "x".repeat(501) }, { now: NOW }), /note may be at most 500 characters/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, date: addDays(today, 1) }, { now: NOW }), /is in the future/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, date: addDays(today, -1) }, { now: NOW }), /can only be changed on its own day/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, date: "2026-02-30" }, { now: NOW }), /real calendar date/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, { ...GOOD, athleteId: "c2" }, { now: NOW }), /Unrecognized key/);
    expectBadRequest(() => saveCheckIn(t.db, athlete, null, { now: NOW }), /Invalid check-in/);
    expect(storedCheckIns()).toEqual(before);
  });

  it("accepts a note of exactly 500 characters and a check-in with items left out", () => {
    const saved = saveCheckIn(t.db, other, { note: "y".repeat(500), illness: null }, { now: NOW });
    expect(saved.note).toHaveLength(500);
    expect(saved.fatigue).toBeNull();
    t.db.delete(checkIns).where(eq(checkIns.athleteId, "c2")).run();
  });

  it("feeds the advice of its own day only: a past day keeps the advice it had without a check-in", () => {
    const before = getDailySeries(t.db, athlete, "me", { from: addDays(today, -3), to: today }, { now: NOW });
    saveCheckIn(t.db, athlete, { ...GOOD, illness: true }, { now: NOW });
    const after = getDailySeries(t.db, athlete, "me", { from: addDays(today, -3), to: today }, { now: NOW });
    const todayPoint = after.points.at(-1);
    expect(todayPoint?.date).toBe(today);
    expect(todayPoint?.checkIn?.illness).toBe(true);
    expect(todayPoint?.advice?.label).toBe("Rest or recover");
    expect(todayPoint?.advice?.reasons.map((reason) => reason.text)).toContain("illness reported");
    expect(after.points.slice(0, -1).map((point) => point.advice)).toEqual(before.points.slice(0, -1).map((point) => point.advice));
    expect(after.points.slice(0, -1).every((point) => point.checkIn === null && point.advice?.hasCheckIn === false)).toBe(true);
    saveCheckIn(t.db, athlete, GOOD, { now: NOW });
  });
});

describe("the weekly report", () => {
  it("lists each day of the week with its advice and its check-in", () => {
    const report = getWeeklyReport(t.db, athlete, "me", getIsoWeek(today), { now: NOW });
    const days = report.recovery?.days ?? [];
    expect(days.length).toBeGreaterThan(0);
    expect(days.at(-1)?.date).toBe(today);
    expect(days.at(-1)?.checkIn).toMatchObject({ fatigue: 2, note: "legs fine" });
    expect(days.at(-1)?.advice?.hasCheckIn).toBe(true);
    const series = getDailySeries(t.db, athlete, "me", { from: days[0].date, to: today }, { now: NOW });
    expect(days.map((day) => day.advice)).toEqual(series.points.map((point) => point.advice));
  });
});

describe("session RPE", () => {
  const ownSessionId = () => t.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.athleteId, "c1")).all().at(-1)?.id ?? 0;
  const otherSessionId = () => t.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.athleteId, "c2")).all()[0]?.id ?? 0;

  it("stores a CR-10 rating and shows sRPE = RPE × minutes on the session and the training list", () => {
    const id = ownSessionId();
    const duration = t.db.select({ s: exercises.durationSeconds }).from(exercises).where(eq(exercises.id, id)).get()?.s ?? 0;
    const rated = rateSession(t.db, athlete, String(id), { rpe: 7 }, { now: NOW });
    expect(rated).toEqual({ rpe: 7, rpeSource: "athlete", srpe: 7 * (duration / 60) });
    const detail = getSessionDetail(t.db, athlete, "me", id);
    expect(detail).toMatchObject({ rpe: 7, ownRpe: 7, rpeSource: "athlete", srpe: 7 * (duration / 60) });
    const listed = listSessions(t.db, athlete, "me", {}, { now: NOW }).sessions.find((session) => session.id === id);
    expect(listed).toMatchObject({ rpe: 7, srpe: 7 * (duration / 60) });
    // Not mixed into the daily load.
    const day = getDailySeries(t.db, athlete, "me", { from: today, to: today }, { now: NOW }).points[0];
    rateSession(t.db, athlete, id, { rpe: 2 }, { now: NOW });
    expect(getDailySeries(t.db, athlete, "me", { from: today, to: today }, { now: NOW }).points[0].load).toEqual(day.load);
    expect(storedRpes()).toEqual([{ exerciseId: id, athleteId: "c1", rpe: 2, updatedAt: NOW }]);
  });

  it("the athlete's own rating wins over Polar's RPE, which is shown when it is the only one", () => {
    const polarOnly = t.db.select({ id: exercises.id }).from(exercises).where(eq(exercises.athleteId, "c1")).all()[0].id;
    t.db.update(exercises).set({ userRpe: "RPE_HARD" }).where(eq(exercises.id, polarOnly)).run();
    expect(getSessionDetail(t.db, athlete, "me", polarOnly)).toMatchObject({ rpe: 7, polarRpe: 7, ownRpe: null, rpeSource: "polar" });
    rateSession(t.db, athlete, polarOnly, { rpe: 3 }, { now: NOW });
    expect(getSessionDetail(t.db, athlete, "me", polarOnly)).toMatchObject({ rpe: 3, polarRpe: 7, ownRpe: 3, rpeSource: "athlete" });
  });

  it("rejects a bad rating or another athlete's session with a 400 and stores nothing", () => {
    const before = storedRpes();
    expectBadRequest(() => rateSession(t.db, athlete, ownSessionId(), { rpe: 11 }, { now: NOW }), /0 to 10/);
    expectBadRequest(() => rateSession(t.db, athlete, ownSessionId(), { rpe: -1 }, { now: NOW }), /0 to 10/);
    expectBadRequest(() => rateSession(t.db, athlete, ownSessionId(), { rpe: 6.5 }, { now: NOW }), /whole number/);
    expectBadRequest(() => rateSession(t.db, athlete, ownSessionId(), {}, { now: NOW }), /rpe/);
    expectBadRequest(() => rateSession(t.db, athlete, "abc", { rpe: 5 }, { now: NOW }), /Invalid session id/);
    expectBadRequest(() => rateSession(t.db, athlete, otherSessionId(), { rpe: 5 }, { now: NOW }), /only rate your own sessions/);
    expect(storedRpes()).toEqual(before);
  });
});

describe("export and account deletion", () => {
  it("exports check-ins and ratings as JSON and CSV", () => {
    const json = buildAthleteExport(t.db, "c1", new Date(NOW));
    expect(json.data.check_in).toEqual([expect.objectContaining({ athlete_id: "c1", local_date: today, fatigue: 2, note: "legs fine" })]);
    expect(json.data.session_rpe.length).toBe(2);
    const zip = Buffer.from(buildAthleteExportZip(t.db, "c1", new Date(NOW)));
    expect(zip.includes(Buffer.from("check_in.csv"))).toBe(true);
    expect(zip.includes(Buffer.from("session_rpe.csv"))).toBe(true);
    // The other athlete's rows never appear.
    expect(buildAthleteExport(t.db, "c2", new Date(NOW)).data.check_in).toEqual([]);
  });

  it("deleting the user deletes their check-ins and ratings", () => {
    expect(storedCheckIns().length).toBeGreaterThan(0);
    t.db.delete(users).where(eq(users.id, "c1")).run();
    expect(storedCheckIns().filter((row) => row.athleteId === "c1")).toEqual([]);
    expect(storedRpes().filter((row) => row.athleteId === "c1")).toEqual([]);
  });
});
