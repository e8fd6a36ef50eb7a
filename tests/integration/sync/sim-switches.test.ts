import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { startSimulator } from "@/lib/polar-sim";
import { UNDOCUMENTED_HYPNOGRAM_CODES } from "@/lib/polar-sim/variants";
import { syncAthlete } from "@/lib/sync";
import { unpackPairs } from "@/lib/sync/pack";
import { computeAthleteDailySeries } from "@/lib/dal/daily";
import { connectAthlete, createSimClient, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "./support/harness";

/**
 * The app against the simulator's §12 variants U13 (undocumented hypnogram codes) and U22 (`null` for a
 * missing sample value): the same athlete synced from a default simulator and from a switched one must store
 * the same samples, zone times, TRIMP and sleep totals, and the undocumented codes are kept, not counted.
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
    // Missing values were really there (stored as empty fields), and read the same from `null`.
    expect(plainSamples.some((row) => String(row.packed_values).split(",").includes(""))).toBe(true);
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
});
