import { afterEach, describe, expect, it } from "vitest";
import { createSimDataset } from "@/lib/polar-sim/generator";
import {
  computeDeliveredTruth,
  readCardioLoads,
  readRiskSeries,
  readStoredDays,
  runStory,
  snapshotAthlete,
  type Story,
  type StoryResult,
} from "./support/story";

/**
 * Issue 13 "Done when": athletes who behave like real people. For every story the database equals the
 * simulator's truth for every type (nothing lost, nothing doubled, no wrong date), equals in content a
 * reference athlete whose watch synced daily, and the daily series with its risk flags is the one computed
 * from that complete data. Every run says "succeeded".
 */

const START = "2026-01-05";
const dataset = createSimDataset({ seed: 42, startDate: START, days: 60 });
const aino = dataset.athletes.find((athlete) => athlete.profile.login === "aino");
if (!aino) throw new Error("aino is missing from the roster");

function dateOf(day: number): string {
  return new Date(Date.parse(`${START}T00:00:00Z`) + day * 86_400_000).toISOString().slice(0, 10);
}

/** The first day from `day` on with a session: the late upload must concern a real one. */
function firstSessionDate(day: number): string {
  const uploads = aino?.uploadsBetween(Date.parse(`${dateOf(day)}T00:00:00Z`), Date.parse(`${dateOf(day + 7)}T00:00:00Z`)) ?? [];
  const session = uploads.find((upload) => upload.kind === "exercise");
  if (!session) throw new Error(`no session in the week from day ${day}`);
  return session.date;
}

let result: StoryResult | null = null;

afterEach(async () => {
  await result?.close();
  result = null;
});

async function expectComplete(story: Story): Promise<StoryResult> {
  result = await runStory(story);
  const { story: side, reference } = result;
  expect(readStoredDays(side.db, side.userId)).toEqual(await computeDeliveredTruth(side));
  expect(readStoredDays(reference.db, reference.userId)).toEqual(await computeDeliveredTruth(reference));
  expect(readCardioLoads(side.db, side.userId)).toEqual(readCardioLoads(reference.db, reference.userId));
  const stored = snapshotAthlete(side.db, side.userId);
  const complete = snapshotAthlete(reference.db, reference.userId);
  expect(stored.counts).toEqual(complete.counts);
  expect(stored.hashes).toEqual(complete.hashes);
  expect(readRiskSeries(side)).toEqual(readRiskSeries(reference));
  expect(side.runs.filter((run) => run.status !== "succeeded").map((run) => [run.status, run.errors])).toEqual([]);
  return result;
}

describe("sync stories", () => {
  it("a 60-day athlete with a 10-day device gap (days 30–39), synced hourly", async () => {
    await expectComplete({ login: "aino", days: 60, habit: { gaps: [{ from: dateOf(30), to: dateOf(39) }] }, syncEveryHours: 1, settleDays: 2 });
  }, 900_000);

  it("a session uploaded three weeks late", async () => {
    const late = firstSessionDate(8);
    const done = await expectComplete({ login: "aino", days: 40, habit: { lateSessions: [{ date: late, delayDays: 21 }] }, syncEveryHours: 4, settleDays: 2 });
    const stored = done.story.db.$client.prepare("SELECT COUNT(*) FROM exercise WHERE athlete_id = ? AND substr(start_time_local, 1, 10) = ?").pluck().get(done.story.userId, late);
    expect(stored).toBeGreaterThan(0);
  }, 600_000);

  it("a night edited at Polar a day after it was first served", async () => {
    const edited = dateOf(20);
    const done = await expectComplete({ login: "aino", days: 35, habit: { editedNights: [{ date: edited, afterHours: 30 }] }, syncEveryHours: 4, settleDays: 2 });
    const original = aino?.sleep(edited)?.sleep_score;
    expect(typeof original).toBe("number");
    const stored = done.story.db.$client.prepare("SELECT sleep_score FROM sleep WHERE athlete_id = ? AND local_date = ?").pluck().get(done.story.userId, edited);
    expect(stored).toBe(Number(original) - 6);
  }, 600_000);

  it("a watch that syncs once a week", async () => {
    await expectComplete({ login: "aino", days: 42, habit: { syncEveryDays: 7 }, syncEveryHours: 6, settleDays: 8 });
  }, 600_000);

  it.each([
    ["UTC+14", "teuea"],
    ["UTC−12", "baker"],
  ])("an athlete at %s", async (_label, login) => {
    await expectComplete({ login, days: 35, habit: {}, syncEveryHours: 3, settleDays: 2 });
  }, 600_000);
});
