import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "@/lib/analytics";
import { getDailySeries, getHistoryStart } from "@/lib/dal/series/read";
import { syncStoryAthlete, type StoryAthlete } from "./story-athlete";

/**
 * The simulator's newcomer ("tomas") has data only in the last fortnight of the 400-day span, while Polar's
 * cardio-load window is padded with 28 days of LOAD_STATUS_NOT_AVAILABLE placeholders. Placeholders are not
 * history: his load flags must wait for 28 real days (metrics.md §0 history minimums).
 */

const START_DATE = "2026-01-05";

let story: StoryAthlete;

beforeAll(async () => {
  story = await syncStoryAthlete("tomas", START_DATE, [392, 399]);
}, 300_000);

afterAll(async () => {
  await story?.close();
});

describe("a newcomer's history", () => {
  it("starts with his first real data, not with Polar's placeholder days", () => {
    const { testDb, viewer, sim } = story;
    const historyStart = getHistoryStart(testDb.db, viewer.userId);
    expect(historyStart).not.toBeNull();
    // His uploads begin 14 days before the end of the span; placeholders reach 28 days back.
    expect(historyStart! >= addDays(START_DATE, 400 - 15)).toBe(true);

    const series = getDailySeries(testDb.db, viewer, "me", { from: addDays(START_DATE, 380), to: addDays(START_DATE, 399) }, { now: sim.clock.now() });
    const withData = series.points.filter((point) => point.date >= (historyStart ?? ""));
    expect(withData.length).toBeGreaterThan(0);
    for (const point of withData) {
      expect(point.risk.reasons.some((reason) => reason.category === "load")).toBe(false);
      expect(point.acwr.ewma).toBeNull();
    }
  });
});
