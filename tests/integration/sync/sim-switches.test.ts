import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { startSimulator } from "@/lib/polar-sim";
import { UNDOCUMENTED_HYPNOGRAM_CODES } from "@/lib/polar-sim/variants";
import { syncAthlete } from "@/lib/sync";
import { unpackPairs } from "@/lib/sync/pack";
import { computeAthleteDailySeries } from "@/lib/dal/series/read";
import { getSleepNight } from "@/lib/dal/sleep/night";
import type { Viewer } from "@/lib/auth/session";
import { connectAthlete, createSimClient, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "./support/harness";

/**
 * The app against the simulator's §12 variants U11 (daily-activity times in UTC), U13 (undocumented hypnogram
 * codes) and U22 (`null` for a missing sample value): the same athlete synced from a default simulator and from
 * a switched one must store the same samples, zone times, TRIMP, sleep totals and daily extras on the same local
 * days, and the undocumented codes are kept, not counted.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;
const sims: Sim[] = [];
const dbs: TestDb[] = [];

beforeAll(async () => {
  sims.push(await startSimulator({ port: 0 }), await startSimulator({ port: 0 }));
});

afterAll(async () => {
  for (const test of dbs) test.close();
  await Promise.all(sims.map((sim) => sim.close()));
});

async function syncFrom(sim: Sim, login: string, switches: Record<string, unknown>): Promise<{ db: Db; athleteId: string }> {
  const lifted = { rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000, ...switches };
  const response = await fetch(`${sim.url}/__admin/switches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(lifted) });
  expect(response.status).toBe(200);
  const test = createTestDb("variants");
  dbs.push(test);
  const polar = createSimClient(sim.url);
  const athlete = await connectAthlete(sim.url, polar, test.db, login, sim.clock.now());
  sim.clock.advance(21 * DAY_MS);
  const result = await syncAthlete({ db: test.db, polar, tokenKey: TEST_TOKEN_KEY }, athlete.userId, { trigger: "cli", now: sim.clock.now() });
  expect(result.status).toBe("succeeded");
  expect(Object.values(result.counts).reduce((sum, counts) => sum + counts.quarantined, 0)).toBe(0);
  return { db: test.db, athleteId: athlete.userId };
}

function rows(db: Db, sql: string, athleteId: string): Record<string, unknown>[] {
  return db.$client.prepare(sql).all(athleteId) as Record<string, unknown>[];
}

describe("sync with the simulator's payload variants switched on", () => {
  it("stores what the default payloads store; undocumented hypnogram codes are kept raw, stored as unknown and not counted as a stage", async () => {
    const plain = await syncFrom(sims[0], "maria", {});
    const varied = await syncFrom(sims[1], "maria", { sampleMissingValue: "null", hypnogramUndocumentedCodes: true, dailyActivityTimes: "utc" });

    const samples = `select e.polar_exercise_id, s.sample_type, s.sample_count, s.packed_values from exercise_sample s
      join exercise e on e.id = s.exercise_id where e.athlete_id = ? order by 1, 2`;
    const plainSamples = rows(plain.db, samples, plain.athleteId);
    expect(plainSamples.length).toBeGreaterThan(20);
    // Missing values were really there (stored as empty fields), in heart rate too, and read the same from `null`.
    const gapped = plainSamples.filter((row) => String(row.packed_values).split(",").includes(""));
    expect(gapped.some((row) => row.sample_type === 0)).toBe(true);
    expect(rows(varied.db, samples, varied.athleteId)).toEqual(plainSamples);

    const derived = `select polar_exercise_id, zone1_seconds, zone2_seconds, zone3_seconds, zone4_seconds, zone5_seconds, trimp
      from exercise where athlete_id = ? order by 1`;
    expect(rows(varied.db, derived, varied.athleteId)).toEqual(rows(plain.db, derived, plain.athleteId));

    const nights = `select local_date, light_sleep_seconds, deep_sleep_seconds, rem_sleep_seconds, unrecognized_sleep_seconds, hypnogram, raw_json
      from sleep where athlete_id = ? order by 1`;
    const plainNights = rows(plain.db, nights, plain.athleteId);
    const variedNights = rows(varied.db, nights, varied.athleteId);
    const totals = ({ hypnogram: _h, raw_json: _r, ...rest }: Record<string, unknown>) => rest;
    expect(variedNights.map(totals)).toEqual(plainNights.map(totals));
    // Polar's undocumented codes are kept as sent in the raw payload and stored as 5 ("unknown").
    const rawCodes = (night: Record<string, unknown>) => Object.values((JSON.parse(String(night.raw_json)) as { hypnogram: Record<string, number> }).hypnogram);
    const storedCodes = (night: Record<string, unknown>) => unpackPairs(String(night.hypnogram)).map(([, code]) => code);
    const withUndocumented = variedNights.filter((night) => rawCodes(night).some((code) => UNDOCUMENTED_HYPNOGRAM_CODES.includes(code as 6 | 9)));
    expect(withUndocumented.length).toBeGreaterThan(0);
    variedNights.forEach((night, i) => {
      const stored = storedCodes(night);
      const before = storedCodes(plainNights[i]);
      expect(stored.every((code) => code !== null && code >= 0 && code <= 5)).toBe(true);
      const changed = stored.flatMap((code, k) => (code === before[k] ? [] : [code]));
      expect(changed).toEqual(withUndocumented.includes(night) ? [5] : []);
    });
    // The night's hypnogram as the dashboard reads it: documented codes only, the odd point shown as unknown.
    const viewer = (athleteId: string): Viewer => ({ userId: athleteId, polarUserId: null, name: null });
    const oddDate = String(withUndocumented[0].local_date) as Parameters<typeof getSleepNight>[3];
    const shown = getSleepNight(varied.db, viewer(varied.athleteId), varied.athleteId, oddDate).night;
    const plainShown = getSleepNight(plain.db, viewer(plain.athleteId), plain.athleteId, oddDate).night;
    expect(shown?.date).toBe(oddDate);
    expect(shown?.stages.map((stage) => stage.utcMs)).toEqual(plainShown?.stages.map((stage) => stage.utcMs));
    expect(shown?.stages.filter((stage, k) => stage.code !== plainShown?.stages[k].code).map((stage) => stage.code)).toEqual([5]);

    // U11: the newer daily summaries land on the same local days whether their times are local or UTC.
    const extras = "select local_date, distance_from_steps_meters, inactivity_alert_count from daily_activity_extra where athlete_id = ? order by 1";
    const plainExtras = rows(plain.db, extras, plain.athleteId);
    expect(plainExtras.length).toBeGreaterThan(15);
    expect(rows(varied.db, extras, varied.athleteId)).toEqual(plainExtras);
    // …because the day comes from `samples.date`, not from a time that may be UTC.
    const raws = "select local_date, raw_json from daily_activity_extra where athlete_id = ? order by 1";
    const rawOf = (row: Record<string, unknown>) => JSON.parse(String(row.raw_json)) as { start_time: string; samples?: { date?: string } };
    const plainRaw = rows(plain.db, raws, plain.athleteId).map(rawOf);
    rows(varied.db, raws, varied.athleteId).forEach((row, i) => {
      expect(rawOf(row).samples?.date).toBe(row.local_date);
      expect(Date.parse(`${rawOf(row).start_time}Z`) - Date.parse(`${plainRaw[i].start_time}Z`)).toBe(3 * 3_600_000);
    });

    // The analytics read Polar's totals: the nights' sleep numbers are the same either way.
    const now = sims[1].clock.now();
    const range = { from: String(plainNights[0].local_date), to: String(plainNights[plainNights.length - 1].local_date) };
    const sleepOf = (db: Db, athleteId: string) =>
      computeAthleteDailySeries(db, athleteId, range, { now }).points.map((point) => [point.date, point.sleep.night, point.risk.level]);
    expect(sleepOf(varied.db, varied.athleteId)).toEqual(sleepOf(plain.db, plain.athleteId));
  });

  it("U11: an athlete east of UTC whose days start on the previous UTC date gets each day's extras on its local date", async () => {
    // Kenji (UTC+9) wakes before 09:00, so every UTC start_time names the day before; he starts without
    // Polar's consents, which both simulators grant first.
    const kenji = sims[0].dataset.athletes.find((athlete) => athlete.profile.login === "kenji");
    expect(kenji?.profile.utcOffsetMinutes).toBe(540);
    const polarUserId = kenji?.profile.userId ?? 0;
    for (const sim of sims) {
      const response = await fetch(`${sim.url}/__admin/athletes/${polarUserId}/consents`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ granted: true }),
      });
      expect(response.status).toBe(200);
    }
    const plain = await syncFrom(sims[0], "kenji", { dailyActivityTimes: "local" });
    const varied = await syncFrom(sims[1], "kenji", { dailyActivityTimes: "utc" });

    const extras = "select local_date, distance_from_steps_meters, inactivity_alert_count, raw_json from daily_activity_extra where athlete_id = ? order by 1";
    const plainRows = rows(plain.db, extras, plain.athleteId);
    const variedRows = rows(varied.db, extras, varied.athleteId);
    expect(plainRows.length).toBeGreaterThan(15);
    const values = ({ raw_json: _r, ...rest }: Record<string, unknown>) => rest;
    expect(variedRows.map(values)).toEqual(plainRows.map(values));

    // Each row holds the simulator's own numbers for its local date, and the UTC time would have named another.
    const truth = sims[1].dataset.athlete(polarUserId);
    for (const row of variedRows) {
      const date = String(row.local_date);
      const expected = truth?.dailyActivity(date, { steps: false, activityZones: false, inactivityStamps: false });
      expect([row.distance_from_steps_meters, row.inactivity_alert_count]).toEqual([expected?.distance_from_steps, expected?.inactivity_alert_count]);
      const raw = JSON.parse(String(row.raw_json)) as { start_time: string };
      expect(raw.start_time.slice(0, 10) < date).toBe(true);
    }
    // …and the extras sit on the days of the transactional summaries the app reads beside them.
    const summaryDays = rows(varied.db, "select local_date from daily_activity where athlete_id = ?", varied.athleteId).map((row) => row.local_date);
    expect(summaryDays.length).toBeGreaterThan(10);
    const extraDays = new Set(variedRows.map((row) => row.local_date));
    expect(summaryDays.filter((day) => !extraDays.has(day))).toEqual([]);
  });
});
