import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { UNDOCUMENTED_HYPNOGRAM_CODES } from "@/lib/polar-sim/variants";
import type { Sim } from "./helpers";
import { DAY_MS, callApi, connectAthlete, postAdmin, startTestSimulator } from "./helpers";

/** §12 U13 and U22: switches that change what a payload says, flipped at runtime, defaults untouched. */

let sim: Sim;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await postAdmin(sim, "/reset");
});

type Sample = { "sample-type": string; data: string };
type Exercise = { id: string; samples?: Sample[] };
type Night = { date: string; hypnogram: Record<string, number> };

async function getJson<T>(token: string, path: string): Promise<T> {
  const response = await callApi(sim, token, path);
  expect(`${path} ${response.status}`).toBe(`${path} 200`);
  return (await response.json()) as T;
}

async function switches(patch: Record<string, unknown>): Promise<void> {
  expect((await postAdmin(sim, "/switches", patch)).status).toBe(200);
}

describe("U22: missing sample values", () => {
  it("are empty fields by default and the word null when switched, every other field unchanged", async () => {
    // Maria's power meter and RR straps drop values now and then: her sessions have missing fields.
    const { token } = await connectAthlete(sim, "maria");
    sim.clock.advance(20 * DAY_MS);
    const before = await getJson<Exercise[]>(token, "/v3/exercises?samples=true");
    const withGaps = before.flatMap((exercise) => exercise.samples ?? []).filter((sample) => sample.data.split(",").includes(""));
    expect(withGaps.length).toBeGreaterThan(0);
    expect(before.flatMap((exercise) => exercise.samples ?? []).some((sample) => sample.data.includes("null"))).toBe(false);

    await switches({ sampleMissingValue: "null" });
    const after = await getJson<Exercise[]>(token, "/v3/exercises?samples=true");
    expect(after.map((exercise) => exercise.id)).toEqual(before.map((exercise) => exercise.id));
    after.forEach((exercise, i) => {
      (exercise.samples ?? []).forEach((sample, j) => {
        const original = before[i].samples?.[j];
        expect(sample.data).toBe(original?.data.split(",").map((field) => (field === "" ? "null" : field)).join(","));
      });
    });

    await switches({ sampleMissingValue: "empty" });
    expect(await getJson<Exercise[]>(token, "/v3/exercises?samples=true")).toEqual(before);
  });
});

describe("U11: times of the new daily activity", () => {
  it("are local wall-clock times by default and the same instants in UTC (no offset either way) when switched", async () => {
    // Aino lives at UTC+3 all year: UTC = local − 3 h.
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(10 * DAY_MS);
    const offsetMs = (sim.dataset.athlete(userId)?.profile.utcOffsetMinutes ?? 0) * 60_000;
    expect(offsetMs).toBe(3 * 3_600_000);
    type Day = { start_time: string; end_time: string; steps: number };
    const to = new Date(sim.clock.now() + offsetMs).toISOString().slice(0, 10);
    const from = new Date(sim.clock.now() + offsetMs - 6 * DAY_MS).toISOString().slice(0, 10);
    const path = `/v3/users/activities?from=${from}&to=${to}`;
    const local = await getJson<Day[]>(token, path);
    expect(local.length).toBeGreaterThan(3);
    expect(local.every((day) => day.end_time.endsWith("T23:59:59"))).toBe(true);

    await switches({ dailyActivityTimes: "utc" });
    const utc = await getJson<Day[]>(token, path);
    expect(utc.map((day) => day.steps)).toEqual(local.map((day) => day.steps));
    utc.forEach((day, i) => {
      expect(day.start_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(Date.parse(`${day.start_time}Z`)).toBe(Date.parse(`${local[i].start_time}Z`) - offsetMs);
      expect(Date.parse(`${day.end_time}Z`)).toBe(Date.parse(`${local[i].end_time}Z`) - offsetMs);
    });
  });
});

describe("U13: undocumented hypnogram codes", () => {
  it("never appear by default; when switched, some nights carry 6 or 9 at one change point and nothing else moves", async () => {
    const { token } = await connectAthlete(sim, "aino");
    sim.clock.advance(20 * DAY_MS);
    const documented = new Set([0, 1, 2, 3, 4, 5]);
    const before = (await getJson<{ nights: Night[] }>(token, "/v3/users/sleep")).nights;
    expect(before.length).toBeGreaterThan(9);
    expect(before.every((night) => Object.values(night.hypnogram).every((code) => documented.has(code)))).toBe(true);

    await switches({ hypnogramUndocumentedCodes: true });
    const after = (await getJson<{ nights: Night[] }>(token, "/v3/users/sleep")).nights;
    let changed = 0;
    after.forEach((night, i) => {
      const original = before[i];
      expect(Object.keys(night.hypnogram)).toEqual(Object.keys(original.hypnogram));
      const differing = Object.keys(night.hypnogram).filter((key) => night.hypnogram[key] !== original.hypnogram[key]);
      expect(differing.length).toBeLessThanOrEqual(1);
      for (const key of differing) expect(UNDOCUMENTED_HYPNOGRAM_CODES).toContain(night.hypnogram[key]);
      changed += differing.length;
      expect({ ...night, hypnogram: null }).toEqual({ ...original, hypnogram: null });
    });
    // Every third night, give or take the window's edges.
    expect(changed).toBeGreaterThanOrEqual(Math.floor(before.length / 3) - 1);
    // The single-night endpoint says the same as the list.
    const changedNight = after.find((night) => Object.values(night.hypnogram).some((code) => !documented.has(code)));
    const single = await getJson<Night>(token, `/v3/users/sleep/${changedNight?.date}`);
    expect(single.hypnogram).toEqual(changedNight?.hypnogram);
  });
});
