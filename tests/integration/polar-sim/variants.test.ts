import { describe, expect, it } from "vitest";
import { UNDOCUMENTED_HYPNOGRAM_CODES } from "@/lib/polar-sim/variants";
import type { Sim } from "./helpers";
import { DAY_MS, callApi, connectAthlete, postAdmin, withTestSimulator } from "./helpers";

/** §12 U13 and U22: switches that change what a payload says, flipped at runtime, defaults untouched. */

let sim: Sim;
withTestSimulator((started) => (sim = started));

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
    // HR dropouts and missed RR beats leave empty fields in some of Maria's sessions.
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

  it("are the word null in the transactional sample series too, heart rate included, until switched back", async () => {
    const { token, userId } = await connectAthlete(sim, "maria");
    sim.clock.advance(20 * DAY_MS);
    const opened = await callApi(sim, token, `/v3/users/${userId}/exercise-transactions`, { method: "POST" });
    expect(opened.status).toBe(201);
    const { "resource-uri": resource } = (await opened.json()) as { "resource-uri": string };
    const read = async <T>(url: string): Promise<T> => getJson<T>(token, url.slice(sim.url.length));
    const { exercises } = await read<{ exercises: string[] }>(resource);
    const series: { url: string; data: string }[] = [];
    for (const exercise of exercises) {
      for (const url of (await read<{ samples: string[] }>(`${exercise}/samples`)).samples) series.push({ url, data: (await read<Sample>(url)).data });
    }
    const gapped = series.filter((s) => s.data.split(",").includes(""));
    // Heart-rate dropouts (type 0) as well as RR (type 11): the switch must not be RR-only.
    expect(new Set(gapped.map((s) => s.url.split("/").pop()))).toEqual(new Set(["0", "11"]));

    await switches({ sampleMissingValue: "null" });
    for (const { url, data } of series) {
      const fields = (await read<Sample>(url)).data.split(",");
      const original = data.split(",");
      expect(fields.length).toBe(original.length);
      expect(fields.includes("")).toBe(false);
      expect(fields.map((field, i) => (field === "null" ? original[i] === "" : field === original[i])).every(Boolean)).toBe(true);
    }

    await switches({ sampleMissingValue: "empty" });
    for (const { url, data } of gapped) expect((await read<Sample>(url)).data).toBe(data);
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
    // The single-day endpoint follows the switch as the list does.
    const last = local[local.length - 1];
    const lastDate = last.end_time.slice(0, 10);
    expect(await getJson<Day>(token, `/v3/users/activities/${lastDate}`)).toEqual(utc[utc.length - 1]);

    await switches({ dailyActivityTimes: "local" });
    expect(await getJson<Day[]>(token, path)).toEqual(local);
    expect(await getJson<Day>(token, `/v3/users/activities/${lastDate}`)).toEqual(last);
  });

  it("put a morning east of UTC on the previous date when switched; samples.date keeps the local day", async () => {
    // Kenji lives at UTC+9 and wakes before 09:00: in UTC his days start on the previous date.
    const kenji = sim.dataset.athletes.find((athlete) => athlete.profile.login === "kenji");
    expect(kenji?.profile.utcOffsetMinutes).toBe(540);
    expect((await postAdmin(sim, `/athletes/${kenji?.profile.userId}/consents`, { granted: true })).status).toBe(200);
    const { token } = await connectAthlete(sim, "kenji");
    sim.clock.advance(8 * DAY_MS);
    type Day = { start_time: string; end_time: string; samples: { date: string } };
    const to = new Date(sim.clock.now() + 9 * 3_600_000).toISOString().slice(0, 10);
    const from = new Date(sim.clock.now() + 9 * 3_600_000 - 6 * DAY_MS).toISOString().slice(0, 10);
    const path = `/v3/users/activities?from=${from}&to=${to}&inactivity_stamps=true`;
    const local = await getJson<Day[]>(token, path);
    expect(local.length).toBeGreaterThan(3);
    expect(local.every((day) => day.start_time.slice(0, 10) === day.samples.date)).toBe(true);

    await switches({ dailyActivityTimes: "utc" });
    const utc = await getJson<Day[]>(token, path);
    expect(utc.map((day) => day.samples)).toEqual(local.map((day) => day.samples));
    const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
    for (const day of utc) {
      expect(day.start_time.slice(0, 10)).toBe(dayBefore(day.samples.date));
      // The local day's last second, 23:59:59 at UTC+9, is 14:59:59 UTC on the same date.
      expect(day.end_time).toBe(`${day.samples.date}T14:59:59`);
    }
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

    await switches({ hypnogramUndocumentedCodes: false });
    expect((await getJson<{ nights: Night[] }>(token, "/v3/users/sleep")).nights).toEqual(before);

    // Same seed, same nights switched: a fresh start gives the very same codes at the very same points.
    await postAdmin(sim, "/reset");
    const again = await connectAthlete(sim, "aino");
    sim.clock.advance(20 * DAY_MS);
    await switches({ hypnogramUndocumentedCodes: true });
    expect((await getJson<{ nights: Night[] }>(again.token, "/v3/users/sleep")).nights).toEqual(after);
  });
});
