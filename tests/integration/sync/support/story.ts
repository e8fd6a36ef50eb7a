import type { Db } from "@/db/client";
import type { DeviceHabit } from "@/lib/polar-sim/habits";
import { startSimulator } from "@/lib/polar-sim";
import { computeAthleteDailySeries } from "@/lib/dal/series/read";
import { syncAthlete, type SyncRunResult } from "@/lib/sync";
import { connectAthlete, createSimClient, createTestDb, DAY_MS, snapshotAthlete, TEST_TOKEN_KEY, type TestDb } from "./harness";
import { readRegisteredAt } from "./truth";

/**
 * A sync story (issue 13 "Done when"): one athlete on a simulator whose watch reaches Polar according to a
 * habit (gaps, every few days, late uploads, edited nights), the app syncing on the simulator's clock, and a
 * reference: the same athlete on a simulator without delivery habits, synced once a day. Both histories end
 * after `days`; the clocks then run on past every delay, so everything Polar will ever serve has been served.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;

export type Story = {
  login: string;
  days: number;
  habit: DeviceHabit;
  syncEveryHours: number;
  /** Days the clocks keep running after the history ends (longer than every delay of the habit). */
  settleDays: number;
};

export type StorySide = { sim: Sim; db: Db; userId: string; polarUserId: number; runs: SyncRunResult[] };

export type StoryResult = { story: StorySide; reference: StorySide; close: () => Promise<void> };

const HOUR_MS = 3_600_000;
const LIFTED_LIMITS = { rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 };

async function postSwitches(sim: Sim, body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}/__admin/switches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`switches: ${response.status} ${await response.text()}`);
}

async function openSide(login: string, days: number, habit: DeviceHabit, dbs: TestDb[]): Promise<StorySide> {
  const sim = await startSimulator({ port: 0, days, storyAthletes: true });
  const athlete = sim.dataset.athletes.find((candidate) => candidate.profile.login === login);
  if (!athlete) throw new Error(`no simulated athlete ${login}`);
  await postSwitches(sim, { ...LIFTED_LIMITS, deviceHabits: { [String(athlete.profile.userId)]: habit } });
  const testDb = createTestDb("story");
  dbs.push(testDb);
  const polar = createSimClient(sim.url);
  const connected = await connectAthlete(sim.url, polar, testDb.db, login, sim.clock.now());
  return { sim, db: testDb.db, ...connected, runs: [] };
}

async function syncSide(side: StorySide): Promise<void> {
  const polar = createSimClient(side.sim.url);
  const run = await syncAthlete({ db: side.db, polar, tokenKey: TEST_TOKEN_KEY }, side.userId, { trigger: "schedule", now: side.sim.clock.now() });
  side.runs.push(run);
}

export async function runStory(story: Story): Promise<StoryResult> {
  const dbs: TestDb[] = [];
  // The reference keeps only what is content (an edited night), not when things reach Polar.
  const story_ = await openSide(story.login, story.days, story.habit, dbs);
  const reference = await openSide(story.login, story.days, { editedNights: story.habit.editedNights }, dbs);
  const hours = (story.days + story.settleDays) * 24;
  for (let hour = 1; hour <= hours; hour++) {
    story_.sim.clock.advance(HOUR_MS);
    reference.sim.clock.advance(HOUR_MS);
    if (hour % story.syncEveryHours === 0) await syncSide(story_);
    if (hour % 24 === 0) await syncSide(reference);
  }
  await syncSide(story_);
  await syncSide(reference);
  return {
    story: story_,
    reference,
    close: async () => {
      for (const db of dbs) db.close();
      await Promise.all([story_.sim.close(), reference.sim.close()]);
    },
  };
}

/** Day-keyed dates and ids the simulator delivered for the athlete since registration: everything, not a window. */
export async function computeDeliveredTruth(side: StorySide): Promise<Record<string, unknown>> {
  const registeredAt = await readRegisteredAt(side.sim.url, side.polarUserId);
  const athlete = side.sim.dataset.athlete(side.polarUserId);
  if (!athlete) throw new Error(`unknown athlete ${side.polarUserId}`);
  const offset = athlete.profile.utcOffsetMinutes;
  const registrationDay = new Date(registeredAt + offset * 60_000).toISOString().slice(0, 10);
  const uploads = athlete.uploadsBetween(registeredAt - 2 * DAY_MS, side.sim.clock.now() + 1);
  const dates = (kind: string) => [...new Set(uploads.filter((u) => u.kind === kind && u.date >= registrationDay).map((u) => u.date))].sort();
  const summaryDates = uploads.flatMap((u) => (u.kind === "activity-summary" && u.uploadedAt >= registeredAt ? [u.date] : []));
  return {
    exerciseKeys: uploads.flatMap((u) => (u.kind === "exercise" && u.uploadedAt >= registeredAt ? [u.hashedId] : [])).sort(),
    // The list's days (the main path) and any day only a transaction delivered: one activity row each.
    activityDates: [...new Set([...dates("daily-activity"), ...summaryDates])].sort(),
    sleep: dates("sleep"),
    nightlyRecharge: dates("nightly-recharge"),
    continuousHeartRate: dates("continuous-heart-rate"),
    dailyActivity: dates("daily-activity"),
  };
}

/** The same shape from the database: every row, so a doubled or misdated one shows. */
export function readStoredDays(db: Db, athleteId: string): Record<string, unknown> {
  const column = <T>(sql: string) => db.$client.prepare(sql).pluck().all(athleteId) as T[];
  return {
    exerciseKeys: column<string>("SELECT COALESCE(polar_hashed_id, CAST(polar_exercise_id AS TEXT)) FROM exercise WHERE athlete_id = ? ORDER BY 1"),
    activityDates: column<string>("SELECT local_date FROM daily_activity WHERE athlete_id = ? ORDER BY 1"),
    sleep: column<string>("SELECT local_date FROM sleep WHERE athlete_id = ? ORDER BY 1"),
    nightlyRecharge: column<string>("SELECT local_date FROM nightly_recharge WHERE athlete_id = ? ORDER BY 1"),
    continuousHeartRate: column<string>("SELECT local_date FROM continuous_heart_rate WHERE athlete_id = ? ORDER BY 1"),
    dailyActivity: column<string>("SELECT local_date FROM daily_activity_extra WHERE athlete_id = ? ORDER BY 1"),
  };
}

/** Real (non-placeholder) cardio-load days stored, with their load. */
export function readCardioLoads(db: Db, athleteId: string): [string, number | null][] {
  return db.$client
    .prepare("SELECT local_date, cardio_load FROM cardio_load WHERE athlete_id = ? AND status <> 'LOAD_STATUS_NOT_AVAILABLE' ORDER BY 1")
    .raw()
    .all(athleteId) as [string, number | null][];
}

/** The daily series (load, PMC, ACWR, baselines, risk) over the whole story, without the athlete's id. */
export function readRiskSeries(side: StorySide): unknown {
  const to = new Date(side.sim.clock.now()).toISOString().slice(0, 10);
  const from = new Date(side.sim.clock.now() - 80 * DAY_MS).toISOString().slice(0, 10);
  const series = computeAthleteDailySeries(side.db, side.userId, { from, to }, { now: side.sim.clock.now() });
  return series.points;
}

export { snapshotAthlete };
