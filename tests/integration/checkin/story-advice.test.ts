import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ILLNESS_NIGHTS, OVERREACHING_BLOCK } from "@/lib/polar-sim/generator/roster";
import { addDays } from "@/lib/analytics";
import { saveCheckIn } from "@/lib/dal/check-in";
import { getAthleteToday } from "@/lib/dal/series/clock";
import { getDailySeries } from "@/lib/dal/series/read";
import { syncStoryAthlete, type StoryAthlete } from "../dal/story-athlete";

/**
 * Today's advice (metrics.md §13.2) on the simulator's story athletes, synced the honest way (real OAuth, the
 * real sync): the illness-like dip of "priya" and the overreaching block of "mikko".
 */

const START_DATE = "2026-01-05";

let priya: StoryAthlete;
let mikko: StoryAthlete;

beforeAll(async () => {
  [priya, mikko] = await Promise.all([
    syncStoryAthlete("priya", START_DATE, [25, 50, 75, 100, 115]),
    syncStoryAthlete("mikko", START_DATE, [25, 50, 75, 100, 125, 150, 175]),
  ]);
}, 600_000);

afterAll(async () => {
  await priya?.close();
  await mikko?.close();
});

describe("priya's physiology-only flag", () => {
  const range = { from: addDays(START_DATE, ILLNESS_NIGHTS.fromDay), to: addDays(START_DATE, ILLNESS_NIGHTS.toDay + 3) };
  const read = () => getDailySeries(priya.testDb.db, priya.viewer, "me", range, { now: priya.sim.clock.now() });

  it("is 'Keep it easy' without a check-in, and 'Rest or recover' once illness is reported on those days", () => {
    const flagged = read().points.filter((point) => point.risk.physio > 0);
    expect(flagged.length).toBeGreaterThan(0);
    // §13.2 rule 1 also rests a day whose HRV 7-day mean is below range while RHR is persistently up: the
    // middle of her dip, by physiology alone. Every other flagged day is "Keep it easy" without a check-in.
    const bothPhysio = flagged.filter((point) => point.hrv.chronicLow === true && point.restingHr.persistent);
    const easy = flagged.filter((point) => !bothPhysio.includes(point));
    expect(easy.length).toBeGreaterThan(0);
    for (const point of easy) {
      expect(point.advice?.label).toBe("Keep it easy");
      expect(point.advice?.hasCheckIn).toBe(false);
      expect(point.advice?.reasons.length).toBeGreaterThan(0);
    }
    for (const point of bothPhysio) {
      expect(point.advice?.label).toBe("Rest or recover");
      expect(point.advice?.reasons.map((reason) => reason.kind)).toEqual(["hrv-chronic", "rhr-persistent"]);
    }

    // The athlete answers the check-in each morning of the flagged days (the app only takes today's).
    const now = priya.sim.clock.now();
    const today = getAthleteToday(priya.testDb.db, priya.viewer.userId, now);
    for (const point of flagged) {
      const morning = now - (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${point.date}T00:00:00Z`));
      expect(getAthleteToday(priya.testDb.db, priya.viewer.userId, morning)).toBe(point.date);
      saveCheckIn(priya.testDb.db, priya.viewer, { illness: true, fatigue: 3 }, { now: morning });
    }

    const after = read().points;
    const flaggedDates = new Set(flagged.map((point) => point.date));
    for (const point of after) {
      if (!flaggedDates.has(point.date)) continue;
      expect(point.advice?.label).toBe("Rest or recover");
      expect(point.advice?.reasons.map((reason) => reason.text)).toContain("illness reported");
    }
    // A day without a check-in keeps its advice.
    for (const point of after.filter((p) => !flaggedDates.has(p.date))) {
      expect(point.checkIn).toBeNull();
      expect(point.advice?.reasons.map((reason) => reason.text)).not.toContain("illness reported");
    }
  });
});

describe("mikko's overreaching block", () => {
  it("is 'Rest or recover' on every 'high' day, with the risk level as a reason", () => {
    const series = getDailySeries(mikko.testDb.db, mikko.viewer, "me", { from: addDays(START_DATE, OVERREACHING_BLOCK.fromDay), to: addDays(START_DATE, OVERREACHING_BLOCK.recoveryToDay) }, {
      now: mikko.sim.clock.now(),
    });
    const high = series.points.filter((point) => point.risk.level === "high");
    expect(high.length).toBeGreaterThan(0);
    for (const point of high) {
      expect(point.advice?.label).toBe("Rest or recover");
      expect(point.advice?.reasons[0].text).toBe("risk level high");
    }
  });
});
