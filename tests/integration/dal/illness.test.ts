import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ILLNESS_NIGHTS } from "@/lib/polar-sim/generator/roster";
import { addDays } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import type { TestDb } from "../sync/support/harness";
import { syncStoryAthlete, type Sim, type StoryAthlete } from "./story-athlete";
import { getDailySeries } from "@/lib/dal/series/read";

/**
 * The simulator's illness-like athlete ("priya": a week of high nightly HR and low HRV on nights 90–96 while her
 * training plan stays the same), through real OAuth and the real sync, read back through the daily API's DAL:
 * the physiology must be flagged on its own, explained as strain without high training load, and never raised
 * to the level that needs load and physiology together (metrics.md §10.3).
 */

const START_DATE = "2026-01-05";
const SYNC_STEPS = [25, 50, 75, 100, 115];

let story: StoryAthlete;
let sim: Sim;
let testDb: TestDb;
let viewer: Viewer;

beforeAll(async () => {
  story = await syncStoryAthlete("priya", START_DATE, SYNC_STEPS);
  ({ sim, testDb, viewer } = story);
}, 300_000);

afterAll(async () => {
  await story?.close();
});

describe("the illness-like dip", () => {
  it("raises a physiology-only flag with its context, never the load-and-physiology level", () => {
    const series = getDailySeries(
      testDb.db,
      viewer,
      "me",
      { from: addDays(START_DATE, 40), to: addDays(START_DATE, 110) },
      { now: sim.clock.now() },
    );
    const illness = series.points.filter(
      (point) => point.date >= addDays(START_DATE, ILLNESS_NIGHTS.fromDay) && point.date <= addDays(START_DATE, ILLNESS_NIGHTS.toDay + 3),
    );
    expect(illness.length).toBe(ILLNESS_NIGHTS.toDay + 3 - ILLNESS_NIGHTS.fromDay + 1);

    const flagged = illness.filter((point) => point.risk.physio > 0);
    expect(flagged.length).toBeGreaterThan(0);
    for (const point of flagged) {
      expect(point.risk.reasons.some((reason) => reason.category === "physio")).toBe(true);
      expect(point.risk.reasons.some((reason) => reason.category === "load")).toBe(false);
      expect(point.risk.context).toMatch(/without high training load/);
    }
    // The top level needs a load signal too: her unchanged training never supplies one.
    expect(series.points.filter((point) => point.risk.level === "high")).toEqual([]);
  });
});
