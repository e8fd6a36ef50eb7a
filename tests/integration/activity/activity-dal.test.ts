import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { getActivityDay, getActivityRange } from "@/lib/dal/activity";
import { getHeartRateDay } from "@/lib/dal/heart-rate";
import { isAppError } from "@/lib/errors";
import { PolarDailyActivitySchema } from "@/lib/polar/schemas/activity";
import { storeDailyActivityExtra } from "@/lib/sync/store";
import { createTestDb, insertAthlete, storeNight, storeRecharge, storeSession, type TestDb } from "../dal/fixtures";
import { storeActivityDay, storeHeartRateDay } from "./support";

const A1 = "athlete-1";
const A2 = "athlete-2";
const viewer: Viewer = { userId: A1, polarUserId: 1001, name: "Ada" };
/** 2026-03-10 12:00 UTC; the athlete's clock (+01:00 from their nights) says 13:00 on 2026-03-10. */
const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

const STEPS: Record<string, number> = {
  "2026-03-01": 8000,
  "2026-03-02": 10000,
  "2026-03-03": 6000,
  // 2026-03-04: no summary (watch not worn)
  "2026-03-05": 12000,
  "2026-03-06": 9000,
  // 2026-03-07: no summary
  "2026-03-08": 7000,
};

let t: TestDb;

function expectAppError(fn: () => unknown, code: string): void {
  let caught: unknown = null;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(isAppError(caught) && caught.code).toBe(code);
}

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, A1, 1001);
  insertAthlete(t.db, A2, 1002);
  let id = 500;
  for (const [date, steps] of Object.entries(STEPS)) {
    id += 1;
    storeActivityDay(t.db, A1, {
      id,
      date,
      steps,
      duration: date === "2026-03-05" ? "PT3H5M" : "PT1H",
      calories: 2284,
      activeCalories: 611,
      ...(date === "2026-03-05"
        ? {
            hourlySteps: { 0: 0, 7: 412, 8: 1830, 23: null },
            zones: {
              2: [[0, "PT60M"]],
              7: [
                [1, "PT41M20S"],
                [2, "PT18M40S"],
              ],
              18: [
                [2, "PT22M"],
                [4, "PT38M"],
              ],
            },
          }
        : {}),
    });
  }
  // The newest summary of a day wins: a later re-sync of 2026-03-08 with more steps replaces it.
  storeActivityDay(t.db, A1, { id: 900, date: "2026-03-08", steps: 7000, duration: "PT1H", calories: 2300, activeCalories: 620 });
  storeHeartRateDay(t.db, A1, "2026-03-05", { "00:03:11": 57, "00:08:11": 0, "03:00:00": 48, "12:00:00": 75, "18:30:00": 90 });
  storeHeartRateDay(t.db, A1, "2026-03-06", { "04:00:00": 52 });
  // Session 1 at 18:05 local, UTC+3 (offset 180), 60 min; session 2 from 23:30 the evening before, UTC+1, 60 min.
  storeSession(t.db, A1, { id: 1, start: "2026-03-05T18:05:00", offsetMinutes: 180, hr: Array<number>(720).fill(140), rate: 5 });
  storeSession(t.db, A1, { id: 2, start: "2026-03-04T23:30:00", offsetMinutes: 60, hr: Array<number>(720).fill(130), rate: 5 });
  // Nights (UTC+1, 23:00–07:00): the one ending on 03-05 and the one starting on the evening of 03-05.
  storeNight(t.db, A1, "2026-03-05");
  storeRecharge(t.db, A1, "2026-03-05", 51, 60);
  storeNight(t.db, A1, "2026-03-06");
  // Another athlete's data must never show up in athlete-1's reads.
  storeActivityDay(t.db, A2, { id: 999, date: "2026-03-05", steps: 99_999, duration: "PT9H", calories: 9999, activeCalories: 9999 });
  storeHeartRateDay(t.db, A2, "2026-03-05", { "03:00:00": 33 });
  // The non-transactional daily activity (§6.2) of 2026-03-05, as listed by /v3/users/activities.
  const storeExtra = (athleteId: string, distance: number, alerts: number) => {
    const raw = {
      start_time: "2026-03-05T06:41:10",
      end_time: "2026-03-05T23:59:59",
      active_duration: "PT3H5M",
      inactive_duration: "PT16H42M20S",
      daily_activity: 104.2,
      calories: 2284,
      active_calories: 611,
      steps: 12000,
      inactivity_alert_count: alerts,
      distance_from_steps: distance,
    };
    const prov = { endpoint: "/v3/users/activities?from=2026-02-11&to=2026-03-10", transactionId: null, fetchedAt: NOW };
    storeDailyActivityExtra(t.db, athleteId, PolarDailyActivitySchema.parse(raw), raw, prov);
  };
  storeExtra(A1, 8512.4, 2);
  storeExtra(A2, 99_999, 9);
});

afterAll(() => t.close());

describe("getActivityDay", () => {
  it("returns the stored totals, hourly steps and zone seconds of the day", () => {
    const day = getActivityDay(t.db, viewer, "me", "2026-03-05", { now: NOW });
    expect(day.athleteId).toBe(A1);
    expect(day.today).toBe("2026-03-10");
    const activity = day.activity;
    expect(activity).not.toBeNull();
    expect(activity?.steps).toBe(12000);
    expect(activity?.activeSeconds).toBe(11_100);
    expect(activity?.calories).toBe(2284);
    expect(activity?.activeCalories).toBe(611);
    // From the non-transactional daily activity of the same day (metres, count).
    expect(activity?.distanceMeters).toBe(8512.4);
    expect(activity?.inactivityAlerts).toBe(2);
    expect(activity?.hourlySteps).toEqual([
      { secondOfDay: 0, steps: 0 },
      { secondOfDay: 25_200, steps: 412 },
      { secondOfDay: 28_800, steps: 1830 },
      { secondOfDay: 82_800, steps: null },
    ]);
    expect(activity?.zoneBlocks.map((block) => block.secondOfDay)).toEqual([7200, 25_200, 64_800]);
    // sleep, sedentary, light, moderate, vigorous, non-wear (seconds)
    expect(activity?.zoneTotals).toEqual([3600, 2480, 2440, 0, 2280, 0]);
  });

  it("returns null activity for a day without a summary, and opens on the newest day with data when no day is asked for", () => {
    expect(getActivityDay(t.db, viewer, "me", "2026-03-04", { now: NOW }).activity).toBeNull();
    const opening = getActivityDay(t.db, viewer, "me", null, { now: NOW });
    expect(opening).toMatchObject({ date: "2026-03-08", today: "2026-03-10", latestWithData: "2026-03-08", empty: null });
    expect(opening.activity?.steps).toBe(7000);
    const today = getActivityDay(t.db, viewer, "me", "2026-03-10", { now: NOW });
    expect(today.activity).toBeNull();
    expect(today.empty?.reason).toBeDefined();
  });

  it("shows distance and alerts as not synced (null, never 0) on a day without the daily activity object", () => {
    const activity = getActivityDay(t.db, viewer, "me", "2026-03-06", { now: NOW }).activity;
    expect(activity?.steps).toBe(9000);
    expect(activity?.distanceMeters).toBeNull();
    expect(activity?.inactivityAlerts).toBeNull();
  });

  it("keeps the newest summary of a re-synced day", () => {
    expect(getActivityDay(t.db, viewer, "me", "2026-03-08", { now: NOW }).activity?.calories).toBe(2300);
  });

  it("404s another athlete and 400s a day that is not a date", () => {
    expectAppError(() => getActivityDay(t.db, viewer, A2, "2026-03-05", { now: NOW }), "not_found");
    expectAppError(() => getActivityDay(t.db, viewer, "me", "2026-02-30", { now: NOW }), "bad_request");
  });
});

describe("getActivityRange", () => {
  it("lists every day, marks days without data as missing (not zero) and computes 7-day means over days with data", () => {
    const range = getActivityRange(t.db, viewer, "me", { from: "2026-03-02", to: "2026-03-08" }, { now: NOW });
    expect(range.activityShared).toBe(true);
    expect(range.heartRateShared).toBe(true);
    expect(range.days.map((day) => day.date)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
      "2026-03-06",
      "2026-03-07",
      "2026-03-08",
    ]);
    expect(range.days.map((day) => day.hasActivity)).toEqual([true, true, false, true, true, false, true]);
    expect(range.days.map((day) => day.steps)).toEqual([10000, 6000, null, 12000, 9000, null, 7000]);
    // 03-02 has 2 days with data in its window (< 3) → null; 03-03: (8000+10000+6000)/3; … 03-08: 44000/5.
    expect(range.days.map((day) => day.steps7dMean)).toEqual([null, 8000, 8000, 9000, 9000, 9000, 8800]);
    expect(range.days[3].activeSeconds).toBe(11_100);
    expect(range.days[2].activeSeconds).toBeNull();
    expect(range.days[3].zoneSeconds).toEqual([3600, 2480, 2440, 0, 2280, 0]);
    expect(range.days[4].zoneSeconds).toBeNull();
  });

  it("carries distance and inactivity alerts of the days whose newer daily summary was synced, null elsewhere", () => {
    const range = getActivityRange(t.db, viewer, "me", { from: "2026-03-04", to: "2026-03-06" }, { now: NOW });
    expect(range.days.map((day) => [day.date, day.distanceMeters, day.inactivityAlerts])).toEqual([
      ["2026-03-04", null, null],
      ["2026-03-05", 8512.4, 2],
      ["2026-03-06", null, null],
    ]);
  });

  it("gives the lowest 24/7 HR and the nightly resting HR the flags use, each from its own source", () => {
    const range = getActivityRange(t.db, viewer, "me", { from: "2026-03-04", to: "2026-03-06" }, { now: NOW });
    expect(range.days.map((day) => day.lowestHr)).toEqual([null, 48, 52]);
    expect(range.days[1].nightlyRhr).toBe(51);
    expect(range.days[1].nightlyRhrSource).toBe("nightly-recharge");
    // No Nightly Recharge on 03-06: mean of the sleep samples in [onset + 30 min, onset + 270 min) = 56, 54, 52, 52, 54.
    expect(range.days[2].nightlyRhr).toBeCloseTo(53.6, 10);
    expect(range.days[2].nightlyRhrSource).toBe("sleep-samples");
    expect(range.days[0].nightlyRhr).toBeNull();
  });

  it("404s another athlete", () => {
    expectAppError(() => getActivityRange(t.db, viewer, A2, { from: "2026-03-01", to: "2026-03-08" }, { now: NOW }), "not_found");
  });
});

describe("getHeartRateDay", () => {
  it("returns the day's samples with lowest, average and highest over valid samples only", () => {
    const day = getHeartRateDay(t.db, viewer, "me", "2026-03-05", { now: NOW });
    expect(day.samples).toEqual([
      { secondOfDay: 191, bpm: 57 },
      { secondOfDay: 491, bpm: null },
      { secondOfDay: 10_800, bpm: 48 },
      { secondOfDay: 43_200, bpm: 75 },
      { secondOfDay: 66_600, bpm: 90 },
    ]);
    expect(day.lowestHr).toBe(48);
    expect(day.averageHr).toBe(67.5);
    expect(day.highestHr).toBe(90);
    expect(day.validSamples).toBe(4);
  });

  it("places sessions and nights on the day's local clock from their UTC instants and own offsets", () => {
    const day = getHeartRateDay(t.db, viewer, "me", "2026-03-05", { now: NOW });
    // Session 2 ran 23:30–00:30 local: its last 30 minutes fall on this day. Session 1: 18:05–19:05 local (UTC+3).
    expect(day.sessions?.map((session) => [session.id, session.startSecond, session.endSecond])).toEqual([
      [expect.any(Number), 0, 1800],
      [expect.any(Number), 65_100, 68_700],
    ]);
    expect(day.sessions?.map((session) => session.startTimeLocal)).toEqual(["2026-03-04T23:30:00", "2026-03-05T18:05:00"]);
    // The night ending at 07:00 and the one starting at 23:00.
    expect(day.nights?.map((night) => [night.date, night.startSecond, night.endSecond])).toEqual([
      ["2026-03-05", 0, 25_200],
      ["2026-03-06", 82_800, 86_400],
    ]);
  });

  it("is empty on a day without 24/7 data and never shows another athlete's samples", () => {
    const day = getHeartRateDay(t.db, viewer, "me", "2026-03-04", { now: NOW });
    expect(day.samples).toEqual([]);
    expect(day.lowestHr).toBeNull();
    expect(day.averageHr).toBeNull();
    expectAppError(() => getHeartRateDay(t.db, viewer, A2, "2026-03-05", { now: NOW }), "not_found");
  });
});
