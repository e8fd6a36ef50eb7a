import { afterEach, describe, expect, it } from "vitest";
import { runStory, computeDeliveredTruth, readCardioLoads, readRiskSeries, readStoredDays, snapshotAthlete, type Story, type StoryResult } from "./support/story";

/**
 * Issue 13 "Done when": athletes who behave like real people. For every story the database equals the
 * simulator's truth for every type (nothing lost, nothing doubled, no wrong date), equals in content a
 * reference athlete whose watch synced daily, and the daily series with its risk flags is the same as the
 * one computed from that complete data.
 */

let result: StoryResult | null = null;

afterEach(async () => {
  await result?.close();
  result = null;
});

async function expectComplete(story: Story): Promise<StoryResult> {
  result = await runStory(story);
  const { story: side, reference } = result;
  const truth = await computeDeliveredTruth(side);
  expect(readStoredDays(side.db, side.userId)).toEqual(truth);
  expect(readStoredDays(reference.db, reference.userId)).toEqual(await computeDeliveredTruth(reference));
  expect(readCardioLoads(side.db, side.userId)).toEqual(readCardioLoads(reference.db, reference.userId));
  const stored = snapshotAthlete(side.db, side.userId);
  const complete = snapshotAthlete(reference.db, reference.userId);
  expect(stored.counts).toEqual(complete.counts);
  expect(stored.hashes).toEqual(complete.hashes);
  expect(readRiskSeries(side)).toEqual(readRiskSeries(reference));
  expect(side.runs.every((run) => run.status === "succeeded")).toBe(true);
  return result;
}

describe("sync stories", () => {
  it("a 60-day athlete with a 10-day device gap, synced hourly: nothing lost", async () => {
    const started = Date.now();
    await expectComplete({ login: "aino", days: 60, habit: { gaps: [{ from: "2026-02-04", to: "2026-02-13" }] }, syncEveryHours: 1, settleDays: 2 });
    console.log("gap story ms", Date.now() - started);
  }, 600_000);
});
