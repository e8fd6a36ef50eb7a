import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, computeBanisterTrimpFixedRate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AthleteOverridesInputSchema, saveAthleteOverrides } from "@/lib/dal/body/overrides";
import { getBody } from "@/lib/dal/body/body";
import { getOverview } from "@/lib/dal/overview/overview";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { getSleepNight } from "@/lib/dal/sleep/night";
import { getWeeklyZones } from "@/lib/dal/sessions/weekly-zones";
import { listSessions, parseSessionFilter, SESSION_LIST_DEFAULT_DAYS, SESSION_LIST_LIMIT } from "@/lib/dal/sessions/list";
import type { SessionListFilter } from "@/lib/dal/dto";
import { authorizeAthleteRead, getDailySeries } from "@/lib/dal/series/read";
import { getAthleteToday } from "@/lib/dal/series/clock";
import { parseDailyRange } from "@/lib/dal/series/range";
import { isAppError } from "@/lib/errors";
import {
  createTestDb,
  insertAthlete,
  storeNight,
  storePhysiology,
  storePolarCardioLoad,
  storeRecharge,
  storeSession,
  type TestDb,
} from "./fixtures";

const ATHLETE = "athlete-1";
const OTHER = "athlete-2";
const viewer: Viewer = { userId: ATHLETE, polarUserId: 1001, name: "Ada" };
/** 2026-03-06 12:00 UTC: the athlete's clock (+01:00) says 13:00 on 2026-03-06. */
const NOW = Date.UTC(2026, 2, 6, 12, 0, 0);

const S1_HR: (number | null)[] = [
  ...Array<number>(20).fill(100),
  ...Array<number>(20).fill(140),
  ...Array<number>(10).fill(175),
  ...Array<null>(10).fill(null),
];
const S2_HR = Array<number>(120).fill(120);

let t: TestDb;

function expectAppError(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(isAppError(error) ? error.code : String(error)).toBe(code);
    return;
  }
  throw new Error(`expected AppError ${code}`);
}

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, ATHLETE, 1001);
  insertAthlete(t.db, OTHER, 1002);
  storePhysiology(t.db, ATHLETE, 190, 50);
  storeSession(t.db, ATHLETE, {
    id: 1,
    start: "2026-03-02T07:00:00",
    hr: S1_HR,
    rate: 5,
    cardioLoad: 55,
    polarZones: [
      { index: 1, lower: 95, upper: 114, seconds: 100 },
      { index: 2, lower: 114, upper: 133, seconds: 0 },
      { index: 3, lower: 133, upper: 152, seconds: 100 },
      { index: 4, lower: 152, upper: 171, seconds: 0 },
      { index: 5, lower: 171, upper: 190, seconds: 50 },
    ],
  });
  storeSession(t.db, ATHLETE, { id: 2, start: "2026-03-03T18:00:00", sport: "CYCLING", hr: S2_HR, rate: 5 });
  storeSession(t.db, ATHLETE, { id: 3, start: "2026-03-05T07:00:00", cardioLoad: 30 });
  storePolarCardioLoad(t.db, ATHLETE, "2026-03-05", "PRODUCTIVE", 70);
  storeNight(t.db, ATHLETE, "2026-03-03");
  storeRecharge(t.db, ATHLETE, "2026-03-03", 50, 60);
  storeNight(t.db, ATHLETE, "2026-03-04");
  // The other athlete has data too: it must never leak into athlete-1's reads.
  storeSession(t.db, OTHER, { id: 99, start: "2026-03-02T07:00:00", sport: "SWIMMING", cardioLoad: 500 });
});

afterAll(() => t.close());

describe("authorizeAthleteRead", () => {
  it("resolves `me` and the viewer's own id", () => {
    expect(authorizeAthleteRead(viewer, "me", "training")).toBe(ATHLETE);
    expect(authorizeAthleteRead(viewer, ATHLETE, "sleep")).toBe(ATHLETE);
  });

  it("denies another athlete with not_found (404, no data)", () => {
    expectAppError(() => authorizeAthleteRead(viewer, OTHER, "training", t.db), "not_found");
    expectAppError(() => getDailySeries(t.db, viewer, OTHER, { from: "2026-03-01", to: "2026-03-06" }, { now: NOW }), "not_found");
    expectAppError(() => listSessions(t.db, viewer, OTHER), "not_found");
  });
});

describe("parseDailyRange", () => {
  it.each([
    [{ from: "2026-02-30", to: "2026-03-01" }, "from"],
    [{ from: "2026-03-01", to: "03/05/2026" }, "to"],
    [{ from: null, to: "2026-03-01" }, "from"],
    [{ from: "2026-03-05", to: "2026-03-01" }, "from"],
    [{ from: "2023-01-01", to: "2026-01-02" }, "to"],
    [{ from: "2024-02-29", to: "2027-03-01" }, "to"],
  ])("rejects %j with a bad_request naming %s", (params, field) => {
    try {
      parseDailyRange(params);
      throw new Error("expected a bad_request");
    } catch (error) {
      expect(isAppError(error) && error.code).toBe("bad_request");
      const issues = (isAppError(error) ? error.details?.issues : []) as { field: string }[];
      expect(issues.map((issue) => issue.field)).toContain(field);
    }
  });

  it("accepts exactly three calendar years, leap days included", () => {
    expect(parseDailyRange({ from: "2023-01-01", to: "2026-01-01" })).toEqual({ from: "2023-01-01", to: "2026-01-01" });
    expect(parseDailyRange({ from: "2024-02-29", to: "2027-02-28" })).toEqual({ from: "2024-02-29", to: "2027-02-28" });
  });
});

describe("getDailySeries", () => {
  it("returns one point per athlete-local day from the first synced day, with load sources", () => {
    const series = getDailySeries(t.db, viewer, "me", { from: "2026-03-01", to: "2026-03-06" }, { now: NOW });
    expect(series.today).toBe("2026-03-06");
    expect(series.historyStart).toBe("2026-03-02");
    expect(series.points.map((point) => point.date)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06"]);
    const [d2, d3, d4, d5, d6] = series.points;
    expect(d2.load).toMatchObject({ value: 55, source: "polar", sessionCount: 1 });
    const expectedTrimp = computeBanisterTrimpFixedRate(S2_HR, 5, { hrmax: 190, hrrest: 50, sex: "male" }).trimp;
    expect(d3.load.source).toBe("trimp");
    expect(Math.abs(d3.load.value - expectedTrimp)).toBeLessThanOrEqual(1e-9);
    expect(d4.load).toMatchObject({ value: 0, source: "none", sessionCount: 0 });
    // Polar's daily cardio-load resource wins over the session's own 30.
    expect(d5.load).toMatchObject({ value: 70, source: "polar" });
    expect(d6.load.value).toBe(0);
    // TSB on day 1 is 0 with the default seed (mean of the first 7 days).
    expect(d2.pmc.tsb).toBeCloseTo(0, 10);
    expect(d5.cardioLoad).toMatchObject({ source: "polar", status: "PRODUCTIVE" });
    expect(d2.risk.level).toBe("insufficient-data");
  });

  it("takes RHR from Nightly Recharge, else the sleep-sample window mean", () => {
    const series = getDailySeries(t.db, viewer, "me", { from: "2026-03-03", to: "2026-03-04" }, { now: NOW });
    const [d3, d4] = series.points;
    expect(d3.restingHr).toMatchObject({ rhr: 50, source: "nightly-recharge" });
    // Window [23:30, 03:30): 56, 54, 52, 52, 54.
    expect(d4.restingHr.source).toBe("sleep-samples");
    expect(Math.abs((d4.restingHr.rhr ?? 0) - 53.6)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs((d3.hrv.lnRmssd ?? 0) - Math.log(60))).toBeLessThanOrEqual(1e-12);
  });

  it("carries Polar's per-night values and the derived sleep metrics", () => {
    const series = getDailySeries(t.db, viewer, "me", { from: "2026-03-03", to: "2026-03-03" }, { now: NOW });
    const [night] = series.points;
    expect(night.night).toMatchObject({ sleepScore: 80, lightMinutes: 240, deepMinutes: 90, remMinutes: 90, unrecognizedMinutes: 30, ansCharge: 1.5, nightlyRechargeStatus: 4, rmssdMs: 60 });
    // span 8 h − 30 min interruptions.
    expect(night.sleep.night?.actualSleepMinutes).toBe(450);
    expect(series.sleepNeedMinutes).toBe(480);
  });

  it("returns no points (not an error) for an athlete without data", () => {
    const other: Viewer = { userId: OTHER, polarUserId: 1002, name: null };
    const series = getDailySeries(t.db, other, "me", { from: "2026-01-01", to: "2026-01-31" }, { now: NOW });
    expect(series.points).toEqual([]);
    expect(series.historyStart).toBe("2026-03-02");
  });
});

describe("sessions", () => {
  it("lists only the athlete's sessions, newest first by default", () => {
    const list = listSessions(t.db, viewer, "me", {}, { now: NOW });
    expect(list.total).toBe(3);
    expect(list.sessions.map((session) => session.startTimeLocal)).toEqual(["2026-03-05T07:00:00", "2026-03-03T18:00:00", "2026-03-02T07:00:00"]);
    expect(list.sports).toEqual(["CYCLING", "RUNNING"]);
    expect(list.isTruncated).toBe(false);
  });

  it("filters by sport and local date and sorts", () => {
    expect(listSessions(t.db, viewer, "me", { sport: "CYCLING" }, { now: NOW }).sessions.map((s) => s.sport)).toEqual(["CYCLING"]);
    expect(listSessions(t.db, viewer, "me", { from: "2026-03-03", to: "2026-03-04" }, { now: NOW }).sessions.map((s) => s.localDate)).toEqual(["2026-03-03"]);
    expect(listSessions(t.db, viewer, "me", { sort: "duration-desc" }, { now: NOW }).sessions.map((s) => s.durationSeconds)).toEqual([1800, 600, 300]);
    expect(listSessions(t.db, viewer, "me", { sort: "date-asc" }, { now: NOW }).sessions.map((s) => s.localDate)).toEqual(["2026-03-02", "2026-03-03", "2026-03-05"]);
    expect(listSessions(t.db, viewer, "me", { sort: "load-desc" }, { now: NOW }).sessions[0].cardioLoad).toBe(55);
  });

  it("drops invalid filter values instead of failing", () => {
    expect(parseSessionFilter({ sport: "RUNNING", from: "yesterday", sort: "random" })).toEqual({ sport: "RUNNING" });
    expect(parseSessionFilter({ from: "2026-02-30", to: "2026-03-01" })).toEqual({ to: "2026-03-01" });
  });

  it("lists the last 12 weeks by default and the filter's dates otherwise, and offers every sport", () => {
    const id = "athlete-range";
    const athlete: Viewer = { userId: id, polarUserId: 1003, name: null };
    insertAthlete(t.db, id, 1003);
    // The default window is 2025-12-13 … 2026-03-06 (84 days ending on the athlete's today).
    storeSession(t.db, id, { id: 301, start: "2025-12-12T07:00:00", sport: "SWIMMING" });
    storeSession(t.db, id, { id: 302, start: "2025-12-13T07:00:00" });
    storeSession(t.db, id, { id: 303, start: "2026-03-06T07:00:00", sport: "CYCLING" });
    const dates = (filter: SessionListFilter) => listSessions(t.db, athlete, "me", filter, { now: NOW }).sessions.map((session) => session.localDate);

    const list = listSessions(t.db, athlete, "me", {}, { now: NOW });
    expect(list).toMatchObject({ from: "2025-12-13", to: "2026-03-06", total: 2, isTruncated: false, sports: ["CYCLING", "RUNNING", "SWIMMING"] });
    expect(list.sessions.map((session) => session.localDate)).toEqual(["2026-03-06", "2025-12-13"]);
    expect(dates({ sport: "SWIMMING" })).toEqual([]);
    expect(dates({ from: "2025-12-01" })).toEqual(["2026-03-06", "2025-12-13", "2025-12-12"]);
    expect(dates({ to: "2025-12-31" })).toEqual(["2025-12-13", "2025-12-12"]);
    expect(listSessions(t.db, athlete, "me", { to: "2025-12-31" }, { now: NOW })).toMatchObject({ from: "2025-10-09", to: "2025-12-31" });
  });

  it("counts every match in the dates while returning at most the list limit", () => {
    const id = "athlete-many";
    const athlete: Viewer = { userId: id, polarUserId: 1004, name: null };
    insertAthlete(t.db, id, 1004);
    for (let i = 0; i < SESSION_LIST_LIMIT + 5; i += 1) storeSession(t.db, id, { id: 400 + i, start: `${addDays("2026-03-06", -i)}T07:00:00` });
    const all = listSessions(t.db, athlete, "me", { from: "2025-01-01" }, { now: NOW });
    expect(all).toMatchObject({ total: SESSION_LIST_LIMIT + 5, isTruncated: true });
    expect(all.sessions).toHaveLength(SESSION_LIST_LIMIT);
    expect(all.sessions[0].localDate).toBe("2026-03-06");
    expect(listSessions(t.db, athlete, "me", {}, { now: NOW })).toMatchObject({ total: SESSION_LIST_DEFAULT_DAYS, isTruncated: false });
  });

  it("returns a session's stored zones (computed and Polar) and its HR series", () => {
    const id = listSessions(t.db, viewer, "me", { sort: "date-asc" }, { now: NOW }).sessions[0].id;
    const detail = getSessionDetail(t.db, viewer, "me", id);
    expect(detail.computedZones?.seconds).toEqual([0, 100, 0, 100, 0, 50]);
    expect(detail.computedZones?.noDataSeconds).toBe(50);
    expect(detail.computedZones?.lowerBounds).toEqual([95, 114, 133, 152, 171]);
    expect(detail.polarZones.map((zone) => zone.seconds)).toEqual([100, 0, 100, 0, 50]);
    expect(detail.heartRate).toHaveLength(60);
    expect(detail.heartRate?.[20]).toEqual({ t: 100, value: 140 });
    expect(detail.heartRate?.[59]).toEqual({ t: 295, value: null });
    expect(detail.speed).toBeNull();
  });

  it("404s a session of another athlete", () => {
    const otherId = listSessions(t.db, { userId: OTHER, polarUserId: 1002, name: null }, "me", {}, { now: NOW }).sessions[0].id;
    expectAppError(() => getSessionDetail(t.db, viewer, "me", otherId), "not_found");
  });

  it("sums computed zone minutes per Monday-start week", () => {
    const weeks = getWeeklyZones(t.db, viewer, "me", { from: "2026-02-23", to: "2026-03-08" });
    expect(weeks.map((week) => week.weekStart)).toEqual(["2026-02-23", "2026-03-02"]);
    expect(weeks[0].sessions).toBe(0);
    expect(weeks[1]).toMatchObject({ sessions: 3, z2: 10, z4: 0 });
    expect(weeks[1].z1).toBeCloseTo(100 / 60, 12);
    expect(weeks[1].z5).toBeCloseTo(50 / 60, 12);
  });
});

describe("sleep night", () => {
  it("returns the latest night's hypnogram in UTC with its neighbours", () => {
    const latest = getSleepNight(t.db, viewer, "me", null);
    expect(latest.night?.date).toBe("2026-03-04");
    expect(latest.previousDate).toBe("2026-03-03");
    expect(latest.nextDate).toBeNull();
    expect(latest.night?.offsetMinutes).toBe(60);
    expect(latest.night?.stages[0]).toEqual({ utcMs: Date.UTC(2026, 2, 3, 22, 0), code: 2 });
    // 06:40 local on the wake-up day, after midnight.
    expect(latest.night?.stages.at(-1)).toEqual({ utcMs: Date.UTC(2026, 2, 4, 5, 40), code: 2 });
    expect(getSleepNight(t.db, viewer, "me", "2026-03-03").night?.date).toBe("2026-03-03");
    expect(getSleepNight(t.db, viewer, "me", "2026-03-03").gap).toBeNull();
    // The night shown is older than the one asked for: the view says why that night is missing.
    expect(getSleepNight(t.db, viewer, "me", "2026-03-05", { now: NOW })).toMatchObject({ night: { date: "2026-03-04" }, gap: { reason: "never_synced" } });
    expect(getSleepNight(t.db, viewer, "me", "2026-03-01").night).toBeNull();
  });
});

describe("overview and body", () => {
  it("gathers today's risk, the week, last night and the latest sessions", () => {
    const overview = getOverview(t.db, viewer, "me", { now: NOW });
    expect(overview.today).toBe("2026-03-06");
    expect(overview.week.from).toBe("2026-02-28");
    expect(overview.todayPoint?.date).toBe("2026-03-06");
    expect(overview.lastNight?.date).toBe("2026-03-04");
    expect(overview.latestSessions).toHaveLength(3);
    expect(overview.freshness).toMatchObject({ lastSyncedAt: null, lastStatus: null, lastAttemptAt: null, runningRunId: null, connectionState: "connected" });
    // Last night is two days old: the overview says why instead of leaving it unexplained.
    expect(overview.lastNightGap?.reason).toBe("never_synced");
    // Resting HR comes from the newest night that has one, as on the roster.
    const withRhr = overview.week.points.filter((point) => point.restingHr.rhr !== null).at(-1) ?? null;
    expect(overview.recent.rhr).toMatchObject({ date: withRhr?.date ?? null, value: withRhr?.restingHr.rhr ?? null });
  });

  it("shows physical-info history and resolved settings", () => {
    const body = getBody(t.db, viewer, "me", { now: NOW });
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ weightKg: 70, vo2Max: 55, maximumHeartRate: 190 });
    expect(body.settings.hrmax).toMatchObject({ value: 190, source: "polar" });
    expect(body.settings.sex).toMatchObject({ value: "male", source: "polar" });
    expect(body.overrides).toEqual({ hrmax: null, hrrest: null, sex: null, zoneModel: null });
  });

  it("validates overrides", () => {
    expect(AthleteOverridesInputSchema.safeParse({ hrmax: 190, hrrest: 195, sex: null, zoneModel: null }).success).toBe(false);
    expect(AthleteOverridesInputSchema.safeParse({ hrmax: 300, hrrest: null, sex: null, zoneModel: null }).success).toBe(false);
  });

  it("saving HRmax recomputes every session's zones and the TRIMP fallback load", () => {
    const summary = saveAthleteOverrides(t.db, viewer, { hrmax: 200, hrrest: null, sex: null, zoneModel: null }, { now: NOW });
    expect(summary.sessionsRecomputed).toBe(3);
    const first = listSessions(t.db, viewer, "me", { sort: "date-asc" }, { now: NOW }).sessions[0];
    const detail = getSessionDetail(t.db, viewer, "me", first.id);
    // Bounds 100/120/140/160/180: 100 → Z1, 140 → Z3, 175 → Z4.
    expect(detail.computedZones?.seconds).toEqual([0, 100, 0, 100, 50, 0]);
    expect(detail.computedZones?.lowerBounds).toEqual([100, 120, 140, 160, 180]);
    const series = getDailySeries(t.db, viewer, "me", { from: "2026-03-03", to: "2026-03-03" }, { now: NOW });
    const expected = computeBanisterTrimpFixedRate(S2_HR, 5, { hrmax: 200, hrrest: 50, sex: "male" }).trimp;
    expect(Math.abs(series.points[0].load.value - expected)).toBeLessThanOrEqual(1e-9);
    expect(getBody(t.db, viewer, "me", { now: NOW }).settings.hrmax).toMatchObject({ value: 200, source: "athlete" });
  });

  it("rejects an HRR zone model without any resting HR", () => {
    const other: Viewer = { userId: OTHER, polarUserId: 1002, name: null };
    expectAppError(() => saveAthleteOverrides(t.db, other, { hrmax: 190, hrrest: null, sex: null, zoneModel: "hrr" }, { now: NOW }), "bad_request");
  });

  it("computes the athlete's local day from their latest offset", () => {
    // 23:30 UTC on 2026-03-06 is already 2026-03-07 at +01:00.
    expect(getAthleteToday(t.db, ATHLETE, Date.UTC(2026, 2, 6, 23, 30))).toBe("2026-03-07");
  });
});
