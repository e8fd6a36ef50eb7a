import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OVERREACHING_BLOCK } from "@/lib/polar-sim/generator/roster";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import type { TestDb } from "../sync/support/harness";
import { syncStoryAthlete, type Sim, type StoryAthlete } from "./story-athlete";
import { getDailySeries } from "@/lib/dal/series/read";
import { getOverview } from "@/lib/dal/overview/overview";

/**
 * The whole path on the simulator's planted overreaching block (athlete "mikko", block on days 100–120,
 * nightly HR up and HRV down lagging it): real OAuth, real sync every 25 days, then the dashboard's DAL.
 */

const START_DATE = "2026-01-05";
const SYNC_STEPS = [25, 50, 75, 100, 125, 150, 175];

let story: StoryAthlete;
let sim: Sim;
let testDb: TestDb;
let viewer: Viewer;

beforeAll(async () => {
  story = await syncStoryAthlete("mikko", START_DATE, SYNC_STEPS);
  ({ sim, testDb, viewer } = story);
}, 300_000);

afterAll(async () => {
  await story?.close();
});

describe("the planted overreaching block", () => {
  it("flags the block with load and physiological reasons, and the weeks before stay calm", () => {
    const now = sim.clock.now();
    const series = getDailySeries(testDb.db, viewer, "me", { from: addDays(START_DATE, 40), to: addDays(START_DATE, 139) }, { now });
    const levelOn = (day: number) => series.points.find((point) => point.date === addDays(START_DATE, day))?.risk.level;
    const before = series.points.filter((point) => point.date < addDays(START_DATE, OVERREACHING_BLOCK.fromDay));
    expect(before.length).toBeGreaterThan(40);
    expect(before.filter((point) => point.risk.level === "high")).toEqual([]);

    const block = series.points.filter(
      (point) => point.date >= addDays(START_DATE, OVERREACHING_BLOCK.fromDay) && point.date <= addDays(START_DATE, OVERREACHING_BLOCK.toDay + 10),
    );
    const high = block.filter((point) => point.risk.level === "high");
    expect(high.length).toBeGreaterThan(0);
    for (const point of high) {
      // The top level needs both kinds of signal, and every reason names its value and threshold.
      expect(point.risk.reasons.some((reason) => reason.category === "load")).toBe(true);
      expect(point.risk.reasons.some((reason) => reason.category === "physio")).toBe(true);
    }
    // Physiology at its peak (nights 122–128) is out of the normal range.
    const peak = series.points.find((point) => point.date === addDays(START_DATE, OVERREACHING_BLOCK.toDay + 4));
    expect(peak?.restingHr.delta ?? 0).toBeGreaterThan(4);
    expect(peak?.hrv.chronicLow).toBe(true);
    expect(["high", "elevated", "watch"]).toContain(levelOn(OVERREACHING_BLOCK.toDay + 4));

    // …and the flag falls once the athlete has recovered.
    const after = getDailySeries(testDb.db, viewer, "me", { from: addDays(START_DATE, 155), to: addDays(START_DATE, 175) }, { now });
    expect(after.points.length).toBe(21);
    expect(after.points.filter((point) => point.risk.level === "high")).toEqual([]);
  });

  it("shows the overview of the last synced day with its reasons", () => {
    const overview = getOverview(testDb.db, viewer, "me", { now: sim.clock.now() });
    expect(overview.today).toBe(addDays(START_DATE, 175));
    expect(overview.latestSessions.length).toBeGreaterThan(0);
    expect(overview.week.points).toHaveLength(7);
  });
});
