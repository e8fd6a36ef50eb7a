import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getWeeklyReport } from "@/lib/dal/report";
import { getActivityRange } from "@/lib/dal/activity";
import { startSimulator, type Simulator } from "@/lib/polar-sim";
import { prepareDemoData, type PreparedAthlete } from "@/scripts/demo/prepare";
import { CLIENT_ID, CLIENT_SECRET, createTestDb, REDIRECT_URI, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";

/**
 * Mikko's planted overreaching block (training 2026-04-15 … 05-05, physiology worst on the nights ending
 * 05-07 … 05-13), prepared the honest way: he signs in through the simulator's OAuth and the real sync runs
 * every few simulated days from March to mid-May. The weekly report must list the flags with their reasons.
 */

const DAY_MS = 86_400_000;
let sim: Simulator;
let t: TestDb;
let mikko: PreparedAthlete;

beforeAll(async () => {
  t = createTestDb("report");
  sim = await startSimulator({ clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }] });
  const fromMs = Date.UTC(2026, 2, 1, 9, 0, 0);
  const toMs = Date.UTC(2026, 4, 18, 9, 0, 0);
  const [prepared] = await prepareDemoData({
    db: t.db,
    sim,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    tokenKey: TEST_TOKEN_KEY,
    logins: ["mikko"],
    fromMs,
    toMs,
    stepMs: 4 * DAY_MS,
  });
  mikko = prepared;
}, 180_000);

afterAll(async () => {
  await sim?.close();
  t?.close();
});

describe("Mikko's weekly report inside his overreaching block", () => {
  const now = Date.UTC(2026, 4, 18, 9, 0, 0);

  it("lists every flagged day of 2026-W18 with its reasons, load and RHR above their usual", () => {
    const viewer = { userId: mikko.userId, polarUserId: mikko.polarUserId, name: "Mikko" };
    expect(mikko.state).not.toBe("failed");
    const report = getWeeklyReport(t.db, viewer, "me", { year: 2026, week: 18 }, { now });
    expect(report.week).toMatchObject({ start: "2026-04-27", end: "2026-05-03" });
    const flags = report.recovery?.flags ?? [];
    // Every day of the block's last week: high load (TSB) together with the body's response (RHR, HRV).
    expect(flags.map((flag) => flag.date)).toEqual(["2026-04-27", "2026-04-28", "2026-04-29", "2026-04-30", "2026-05-01", "2026-05-02", "2026-05-03"]);
    expect(new Set(flags.map((flag) => flag.level))).toEqual(new Set(["high"]));
    for (const flag of flags) {
      const signals = flag.reasons.map((reason) => reason.signal);
      expect(signals).toEqual(expect.arrayContaining(["accumulated-fatigue", "resting-hr", "hrv-chronic"]));
      expect(flag.reasons.find((reason) => reason.signal === "resting-hr")?.text).toMatch(/^RHR \+\d+\.\d bpm for \d+ nights$/);
      expect(flag.reasons.find((reason) => reason.signal === "accumulated-fatigue")?.text).toMatch(/^TSB -\d+\.\d <= -30\.0$/);
    }
    const training = report.training;
    const recovery = report.recovery;
    expect(training?.load.value ?? 0).toBeGreaterThan(1.5 * (training?.load.avg12 ?? Number.POSITIVE_INFINITY));
    expect(recovery?.rhr.value ?? 0).toBeGreaterThan(recovery?.rhrBaseline?.mean ?? Number.POSITIVE_INFINITY);
    expect(recovery?.hrv.value ?? Number.POSITIVE_INFINITY).toBeLessThan(recovery?.hrvBand?.low ?? 0);
  });

  it("reads the synced activity and 24/7 HR of a day of the block", () => {
    const viewer = { userId: mikko.userId, polarUserId: mikko.polarUserId, name: "Mikko" };
    const stored = t.db.$client
      .prepare("select active_steps as steps, (select min_hr from continuous_heart_rate c where c.athlete_id = a.athlete_id and c.local_date = a.local_date) as lowest from daily_activity a where athlete_id = ? and local_date = '2026-05-01'")
      .get(mikko.userId) as { steps: number; lowest: number };
    const range = getActivityRange(t.db, viewer, "me", { from: "2026-05-01", to: "2026-05-01" }, { now });
    expect(range.days[0].steps).toBe(stored.steps);
    expect(range.days[0].lowestHr).toBe(stored.lowest);
    expect(stored.steps).toBeGreaterThan(0);
    expect(stored.lowest).toBeGreaterThan(30);
  });
});
