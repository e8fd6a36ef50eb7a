import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { getDailySeries } from "@/lib/dal/series/read";
import { getLatestReportPath, getWeeklyReport } from "@/lib/dal/report";
import { isAppError } from "@/lib/errors";
import { addDays, getIsoWeekStart } from "@/lib/analytics";
import { createTestDb, insertAthlete, seedHistory, storePhysiology, storeRecharge, type TestDb } from "../dal/fixtures";
import { shareWithCoach } from "./sharing";
import { storeActivityDay } from "./support";

const A1 = "athlete-1";
const athlete: Viewer = { userId: A1, polarUserId: 1001, name: "Ada" };
const trainingCoach: Viewer = { userId: "coach-t", polarUserId: 3001, name: "Tia" };
const strangerCoach: Viewer = { userId: "coach-x", polarUserId: 3002, name: "Xan" };
/** ISO week 2026-W10 = Monday 2026-03-02 … Sunday 2026-03-08. */
const WEEK = { year: 2026, week: 10 };
/** Friday 2026-03-20 13:00 on the athlete's clock (UTC+1): W10 is complete. */
const NOW = Date.UTC(2026, 2, 20, 12, 0, 0);

let t: TestDb;

function sql<T>(query: string, ...params: unknown[]): T {
  return t.db.$client.prepare(query).get(...params) as T;
}

function countSessions(from: string, to: string): number {
  return sql<{ n: number }>("select count(*) as n from exercise where athlete_id = ? and local_date between ? and ?", A1, from, to).n;
}

function expectNotFound(fn: () => unknown): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isAppError(caught) && caught.code).toBe("not_found");
}

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, A1, 1001);
  insertAthlete(t.db, trainingCoach.userId, 3001);
  insertAthlete(t.db, strangerCoach.userId, 3002);
  storePhysiology(t.db, A1, 190, 50);
  // 100 days of sessions, nights and cardio load ending on Friday 2026-03-20.
  seedHistory(t.db, A1, { lastDate: "2026-03-20", days: 100, seed: 11 });
  // Resting HR well above normal from Wednesday to Friday of W10: the flags must say so, with reasons.
  for (const date of ["2026-03-04", "2026-03-05", "2026-03-06"]) storeRecharge(t.db, A1, date, 70, 40);
  storeActivityDay(t.db, A1, { id: 1, date: "2026-03-02", steps: 10_000, duration: "PT1H", calories: 2400, activeCalories: 600 });
  storeActivityDay(t.db, A1, { id: 2, date: "2026-03-03", steps: 6000, duration: "PT30M", calories: 2200, activeCalories: 400 });
  storeActivityDay(t.db, A1, { id: 3, date: "2026-02-24", steps: 4000, duration: "PT20M", calories: 2100, activeCalories: 300 });
  shareWithCoach(t.db, { teamId: "team-t", coachId: trainingCoach.userId, athleteId: A1, scopes: ["training"] });
});

afterAll(() => t.close());

describe("getWeeklyReport", () => {
  it("sums the week's training and compares it with the means of the previous 4 and 12 weeks", () => {
    const report = getWeeklyReport(t.db, athlete, "me", WEEK, { now: NOW });
    expect(report.week).toMatchObject({ label: "2026-W10", start: "2026-03-02", end: "2026-03-08" });
    expect(report.isPartial).toBe(false);
    const training = report.training;
    expect(training).not.toBeNull();
    expect(training?.sessions.value).toBe(countSessions("2026-03-02", "2026-03-08"));
    const previous = (k: number) => countSessions(addDays("2026-03-02", -7 * k), addDays("2026-03-08", -7 * k));
    const expected4 = [1, 2, 3, 4].map(previous).reduce((a, b) => a + b, 0) / 4;
    expect(training?.sessions.avg4).toBeCloseTo(expected4, 10);
    expect(training?.sessions.n4).toBe(4);
    // The history starts 2025-12-11: of the 12 previous weeks, the ones ending before it are unknown, not zero.
    const weeksWithHistory = Array.from({ length: 12 }, (_, k) => k + 1).filter((k) => addDays("2026-03-08", -7 * k) >= "2025-12-11");
    expect(training?.sessions.n12).toBe(weeksWithHistory.length);
    expect(training?.sessions.avg12).toBeCloseTo(weeksWithHistory.map(previous).reduce((a, b) => a + b, 0) / weeksWithHistory.length, 10);
    const duration = sql<{ s: number }>("select total(duration_seconds) as s from exercise where athlete_id = ? and local_date between '2026-03-02' and '2026-03-08'", A1).s;
    expect(training?.durationSeconds.value).toBeCloseTo(duration, 6);
    const zoneMinutes = sql<{ z3: number }>("select total(zone3_seconds) / 60.0 as z3 from exercise where athlete_id = ? and local_date between '2026-03-02' and '2026-03-08'", A1).z3;
    expect(training?.zoneMinutes.value[2]).toBeCloseTo(zoneMinutes, 6);

    const series = getDailySeries(t.db, athlete, "me", { from: "2026-03-02", to: "2026-03-08" }, { now: NOW });
    const weekLoad = series.points.reduce((total, point) => total + point.load.value, 0);
    expect(training?.load.value).toBeCloseTo(weekLoad, 6);
    const sunday = series.points[series.points.length - 1];
    expect(training?.ctl.value).toBeCloseTo(sunday.pmc.ctl, 10);
    expect(training?.tsb.value).toBeCloseTo(sunday.pmc.tsb, 10);
    expect(training?.acwr.value).toBe(sunday.acwr.ewma);
    // Steps: mean of the days with a summary (2 of 7), never counting the 5 others as zero.
    expect(training?.steps.value).toBe(8000);
    expect(training?.activityDays).toBe(2);
    expect(training?.steps.avg4).toBe(4000);
    expect(training?.steps.n4).toBe(1);
    expect(training?.weeklyHours).toHaveLength(13);
    expect(training?.weeklyHours[12]).toEqual({ week: "2026-W10", hours: duration / 3600 });
  });

  it("reports sleep and recovery against their ranges, and lists the week's flags with their reasons", () => {
    const report = getWeeklyReport(t.db, athlete, "me", WEEK, { now: NOW });
    const rhrMean = sql<{ m: number }>("select avg(heart_rate_avg) as m from nightly_recharge where athlete_id = ? and local_date between '2026-03-02' and '2026-03-08'", A1).m;
    expect(report.recovery?.rhr.value).toBeCloseTo(rhrMean, 10);
    expect(report.recovery?.rhrNights).toBe(7);
    expect(report.recovery?.rhrBaseline?.nights).toBe(30);
    expect(report.sleep?.nights).toBe(7);
    expect(report.sleep?.actualSleepMinutes.value).toBe(450);

    const series = getDailySeries(t.db, athlete, "me", { from: "2026-03-02", to: "2026-03-08" }, { now: NOW });
    const flagged = series.points.filter((point) => ["watch", "elevated", "high"].includes(point.risk.level));
    const flags = report.recovery?.flags ?? [];
    expect(flags.map((flag) => flag.date)).toEqual(flagged.map((point) => point.date));
    expect(flags.map((flag) => flag.date)).toEqual(expect.arrayContaining(["2026-03-05", "2026-03-06"]));
    const thursday = flags.find((flag) => flag.date === "2026-03-05");
    const rhrReason = thursday?.reasons.find((reason) => reason.signal === "resting-hr");
    expect(rhrReason?.text).toMatch(/^RHR \+\d+\.\d bpm for 2 nights$/);
    expect(rhrReason?.baseline?.nights).toBe(30);
  });

  it("counts a week in progress only up to the athlete's today", () => {
    const wednesday = Date.UTC(2026, 2, 4, 12, 0, 0);
    const report = getWeeklyReport(t.db, athlete, "me", WEEK, { now: wednesday });
    expect(report.today).toBe("2026-03-04");
    expect(report.isPartial).toBe(true);
    expect(report.training?.sessions.value).toBe(countSessions("2026-03-02", "2026-03-04"));
    expect(report.nextPath).toBeNull();
    expect(report.recovery?.rhrNights).toBe(3);
  });

  it("shows a coach only the shared sections, and 404s when nothing is shared or the athlete is unknown", () => {
    const report = getWeeklyReport(t.db, trainingCoach, A1, WEEK, { now: NOW });
    expect(report.training?.sessions.value).toBe(countSessions("2026-03-02", "2026-03-08"));
    expect(report.sleep).toBeNull();
    expect(report.recovery).toBeNull();
    expect(report.previousPath).toBe(`/reports/${A1}/2026-W09`);
    expectNotFound(() => getWeeklyReport(t.db, strangerCoach, A1, WEEK, { now: NOW }));
    expectNotFound(() => getWeeklyReport(t.db, athlete, "no-such-user", WEEK, { now: NOW }));
  });

  it("links the roster to the latest complete week", () => {
    // Athlete-local today is Friday 2026-03-20 (W12): the latest complete week is W11.
    expect(getLatestReportPath(A1, { db: t.db, now: NOW })).toBe(`/reports/${A1}/2026-W11`);
    expect(getIsoWeekStart({ year: 2026, week: 11 })).toBe("2026-03-09");
  });
});
