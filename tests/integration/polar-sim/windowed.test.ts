import { describe, expect, it } from "vitest";
import type { SimUpload } from "@/lib/polar-sim/contract";
import type { Sim } from "./helpers";
import { DAY_MS, callApi, connectAthlete, postAdmin, withTestSimulator } from "./helpers";

/** §13 "Non-transactional": windows, status codes and shapes of the plain-GET endpoints. */

let sim: Sim;
withTestSimulator((started) => (sim = started));

const ACTIVITY_MESSAGE = "Invalid or too old date. Cannot be older than 365 days.";

async function getJson<T>(token: string, path: string): Promise<T> {
  const response = await callApi(sim, token, path);
  expect(`${path} ${response.status}`).toBe(`${path} 200`);
  return (await response.json()) as T;
}

/** Dates of a day-keyed kind uploaded by now, from `fromDate` on. */
function uploadedDates(userId: number, kind: SimUpload["kind"], fromDate: string): string[] {
  const uploads = sim.dataset.athlete(userId)?.uploadsBetween(0, sim.clock.now() + 1) ?? [];
  return [...new Set(uploads.flatMap((u) => (u.kind === kind && "date" in u && u.date >= fromDate ? [u.date] : [])))].sort();
}

function localToday(userId: number): string {
  const offset = sim.dataset.athlete(userId)?.profile.utcOffsetMinutes ?? 0;
  return new Date(sim.clock.now() + offset * 60_000).toISOString().slice(0, 10);
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

describe("/v3/exercises", () => {
  it("lists hashed-id sessions of the last 30 days after registration, honouring the flags", async () => {
    const registeredAt = sim.clock.now();
    const { token, userId } = await connectAthlete(sim, "aino");
    expect(await getJson(token, "/v3/exercises")).toEqual([]);
    sim.clock.advance(3 * DAY_MS);
    const expected = (sim.dataset.athlete(userId)?.uploadsBetween(registeredAt, sim.clock.now() + 1) ?? []).flatMap((u) =>
      u.kind === "exercise" ? [u.hashedId] : [],
    );
    const plain = await getJson<Record<string, unknown>[]>(token, "/v3/exercises");
    expect(plain.map((e) => e.id)).toEqual(expected);
    expect(plain[0]).not.toHaveProperty("samples");
    expect(plain[0]).not.toHaveProperty("heart_rate_zones");
    const full = await getJson<Record<string, unknown>[]>(token, "/v3/exercises?samples=true&zones=true&route=true");
    expect(full[0]).toEqual(sim.dataset.athlete(userId)?.exerciseByHash(expected[0], { samples: true, zones: true, route: true }));
    expect(full[0]).toHaveProperty("samples");
    expect(full[0]).toHaveProperty("heart_rate_zones");

    const one = await getJson<Record<string, unknown>>(token, `/v3/exercises/${expected[0]}?zones=true`);
    expect(one.id).toBe(expected[0]);
    const missing = await callApi(sim, token, "/v3/exercises/NoSuch1");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { message: string }).message).toBe("Exercise not found");
    const fit = await callApi(sim, token, `/v3/exercises/${expected[0]}/fit`);
    const file = sim.dataset.athlete(userId)?.exerciseFileByHash(expected[0], "fit");
    expect(fit.status).toBe(file ? 200 : 404);

    // 40 days on, the first sessions have left the 30-day window.
    sim.clock.advance(40 * DAY_MS);
    const later = await getJson<Record<string, unknown>[]>(token, "/v3/exercises");
    expect(later.map((e) => e.id)).not.toContain(expected[0]);
    expect((await callApi(sim, token, `/v3/exercises/${expected[0]}`)).status).toBe(404);
  });
});

describe("/v3/users/activities", () => {
  it("defaults to the last 28 days, validates ranges with the documented message, 204 for an empty day", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(40 * DAY_MS);
    const today = localToday(userId);
    const list = await getJson<{ start_time: string }[]>(token, "/v3/users/activities");
    expect(list.map((d) => d.start_time.slice(0, 10))).toEqual(uploadedDates(userId, "daily-activity", shiftDate(today, -27)));
    expect(list[0]).not.toHaveProperty("samples");
    const slash = await getJson<unknown[]>(token, "/v3/users/activities/");
    expect(slash).toEqual(list);

    const withSteps = await getJson<{ samples: Record<string, unknown> }[]>(token, `/v3/users/activities?from=${shiftDate(today, -3)}&to=${today}&steps=true`);
    expect(withSteps[0].samples).toHaveProperty("steps");
    expect(withSteps[0].samples).not.toHaveProperty("activity_zones");

    for (const query of [`from=${shiftDate(today, -366)}&to=${shiftDate(today, -360)}`, `from=${shiftDate(today, -28)}&to=${today}`, "from=2026-02-30"]) {
      const response = await callApi(sim, token, `/v3/users/activities?${query}`);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toBe(ACTIVITY_MESSAGE);
    }
    const day = uploadedDates(userId, "daily-activity", shiftDate(today, -5))[0];
    expect(await getJson(token, `/v3/users/activities/${day}`)).toEqual(
      sim.dataset.athlete(userId)?.dailyActivity(day, { steps: false, activityZones: false, inactivityStamps: false }),
    );
    expect((await callApi(sim, token, `/v3/users/activities/${shiftDate(today, 2)}`)).status).toBe(204);
    expect((await callApi(sim, token, "/v3/users/activities/not-a-date")).status).toBe(400);
    expect(await getJson(token, `/v3/users/activities/samples/${day}`)).toEqual(sim.dataset.athlete(userId)?.dailyActivitySamples(day));
    expect((await callApi(sim, token, `/v3/users/activities/samples/${shiftDate(today, 2)}`)).status).toBe(204);
    const samples = await getJson<{ date: string }[]>(token, `/v3/users/activities/samples?from=${shiftDate(today, -2)}&to=${today}`);
    expect(samples.map((s) => s.date)).toEqual(uploadedDates(userId, "daily-activity", shiftDate(today, -2)));
  });

  it("serves nothing before the registration date (U18) unless switched", async () => {
    sim.clock.advance(10 * DAY_MS);
    const { token, userId } = await connectAthlete(sim, "aino");
    const today = localToday(userId);
    const before = shiftDate(today, -3);
    expect((await callApi(sim, token, `/v3/users/activities/${before}`)).status).toBe(204);
    await postAdmin(sim, "/switches", { servePreRegistrationDays: true });
    expect((await callApi(sim, token, `/v3/users/activities/${before}`)).status).toBe(200);
  });
});

describe("continuous heart rate", () => {
  it("serves a day, 404 'No data found for date' otherwise, ranges as heart_rates with 28/90-day limits", async () => {
    const { token, userId } = await connectAthlete(sim, "mikko");
    sim.clock.advance(100 * DAY_MS);
    const today = localToday(userId);
    const day = shiftDate(today, -2);
    const single = await getJson<{ date: string; heart_rate_samples: unknown[] }>(token, `/v3/users/continuous-heart-rate/${day}`);
    expect(single).toEqual(sim.dataset.athlete(userId)?.continuousHeartRate(day));
    const none = await callApi(sim, token, `/v3/users/continuous-heart-rate/${shiftDate(today, 3)}`);
    expect(none.status).toBe(404);
    expect(((await none.json()) as { message: string }).message).toBe("No data found for date");
    const range = await getJson<{ heart_rates: { date: string }[] }>(
      token,
      `/v3/users/continuous-heart-rate?from=${shiftDate(today, -4)}&to=${shiftDate(today, -2)}`,
    );
    expect(range.heart_rates.map((d) => d.date)).toEqual([shiftDate(today, -4), shiftDate(today, -3), shiftDate(today, -2)]);
    for (const query of [`from=${shiftDate(today, -28)}&to=${today}`, `from=${shiftDate(today, -91)}&to=${shiftDate(today, -85)}`, `from=${today}`]) {
      expect((await callApi(sim, token, `/v3/users/continuous-heart-rate?${query}`)).status).toBe(400);
    }
  });
});

describe("cardio load", () => {
  it("answers arrays with one object per day, placeholders included, on all five variants", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(10 * DAY_MS);
    const today = localToday(userId);
    for (const path of ["/v3/users/cardio-load", "/v3/users/cardio-load/"]) {
      const list = await getJson<{ date: string; cardio_load_status: string }[]>(token, path);
      expect(list).toHaveLength(28);
      expect(list[0].date).toBe(shiftDate(today, -27));
      expect(list[27].date).toBe(today);
      // Before registration and not yet uploaded: placeholders with zeros.
      expect(list[0]).toEqual({
        date: shiftDate(today, -27),
        cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE",
        cardio_load: 0,
        strain: 0,
        tolerance: 0,
        cardio_load_ratio: 0,
        cardio_load_level: { very_low: 0, low: 0, medium: 0, high: 0, "very-high": 0 },
      });
    }
    const uploaded = uploadedDates(userId, "cardio-load", "2026-01-01");
    const lastUploaded = uploaded[uploaded.length - 1];
    const byDate = await getJson<unknown[]>(token, `/v3/users/cardio-load/${lastUploaded}`);
    expect(byDate).toEqual([sim.dataset.athlete(userId)?.cardioLoad(lastUploaded, { omitPlaceholderNumbers: false })]);
    const range = await getJson<{ date: string }[]>(token, `/v3/users/cardio-load/date?from=${shiftDate(today, -4)}&to=${today}`);
    expect(range.map((d) => d.date)).toEqual([-4, -3, -2, -1, 0].map((n) => shiftDate(today, n)));
    expect(await getJson<unknown[]>(token, "/v3/users/cardio-load/period/days/180")).toHaveLength(180);
    expect(await getJson<unknown[]>(token, "/v3/users/cardio-load/period/days/1/")).toHaveLength(1);
    const months = await getJson<{ date: string }[]>(token, "/v3/users/cardio-load/period/months/6");
    expect(months[months.length - 1].date).toBe(today);
    for (const path of ["period/days/0", "period/days/181", "period/months/0", "period/months/7", "period/days/x", "2026-13-01"]) {
      expect((await callApi(sim, token, `/v3/users/cardio-load/${path}`)).status).toBe(400);
    }
    await postAdmin(sim, "/switches", { cardioPlaceholderOmitNumbers: true });
    const omitted = await getJson<Record<string, unknown>[]>(token, "/v3/users/cardio-load");
    expect(omitted[0]).toEqual({ date: shiftDate(today, -27), cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE" });
  });
});

describe("sleep and Nightly Recharge", () => {
  it("lists nights and recharges of the last 28 days, 404 for a date without data, available nights", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(35 * DAY_MS);
    const today = localToday(userId);
    const expectedNights = uploadedDates(userId, "sleep", shiftDate(today, -27));
    const { nights } = await getJson<{ nights: { date: string }[] }>(token, "/v3/users/sleep");
    expect(nights.map((n) => n.date)).toEqual(expectedNights);
    const night = expectedNights[expectedNights.length - 1];
    expect(await getJson(token, `/v3/users/sleep/${night}`)).toEqual(sim.dataset.athlete(userId)?.sleep(night));
    expect((await callApi(sim, token, `/v3/users/sleep/${shiftDate(today, 2)}`)).status).toBe(404);
    expect((await callApi(sim, token, "/v3/users/sleep/2026-99-01")).status).toBe(400);
    const { available } = await getJson<{ available: { date: string }[] }>(token, "/v3/users/sleep/available");
    expect(available.map((a) => a.date)).toEqual(expectedNights);
    const { recharges } = await getJson<{ recharges: { date: string }[] }>(token, "/v3/users/nightly-recharge");
    expect(recharges.map((r) => r.date)).toEqual(uploadedDates(userId, "nightly-recharge", shiftDate(today, -27)));
    expect(await getJson(token, `/v3/users/nightly-recharge/${night}`)).toEqual(sim.dataset.athlete(userId)?.nightlyRecharge(night));
    expect((await callApi(sim, token, `/v3/users/nightly-recharge/${shiftDate(today, 2)}`)).status).toBe(404);
  });

  it("makes a night visible exactly when the clock passes its upload", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    const upload = (sim.dataset.athlete(userId)?.uploadsBetween(sim.clock.now() + DAY_MS, sim.clock.now() + 3 * DAY_MS) ?? []).find(
      (u) => u.kind === "sleep",
    );
    if (!upload || upload.kind !== "sleep") throw new Error("no sleep upload in the window");
    sim.clock.set(upload.uploadedAt - 1000);
    expect((await callApi(sim, token, `/v3/users/sleep/${upload.date}`)).status).toBe(404);
    sim.clock.set(upload.uploadedAt);
    expect((await callApi(sim, token, `/v3/users/sleep/${upload.date}`)).status).toBe(200);
  });
});

describe("SleepWise, biosensing and physical info", () => {
  it("answers 204 for SleepWise and biosensing, 400 for bad ranges, and the snake_case physical info", async () => {
    const { token, userId } = await connectAthlete(sim, "aino");
    sim.clock.advance(2 * DAY_MS);
    const today = localToday(userId);
    for (const path of [
      "/v3/users/sleepwise/alertness",
      `/v3/users/sleepwise/alertness/date?from=${shiftDate(today, -3)}&to=${today}`,
      "/v3/users/sleepwise/circadian-bedtime",
      `/v3/users/sleepwise/circadian-bedtime/date?from=${shiftDate(today, -3)}&to=${today}`,
      "/v3/users/biosensing/bodytemperature",
      "/v3/users/biosensing/skintemperature",
      "/v3/users/biosensing/skincontacts",
      "/v3/users/biosensing/ecg",
      `/v3/users/biosensing/spo2?from=${shiftDate(today, -3)}&to=${today}`,
    ]) {
      const response = await callApi(sim, token, path);
      expect(`${path} ${response.status}`).toBe(`${path} 204`);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    }
    expect((await callApi(sim, token, "/v3/users/sleepwise/alertness/date")).status).toBe(400);
    expect((await callApi(sim, token, `/v3/users/biosensing/ecg?from=${shiftDate(today, -40)}&to=${today}`)).status).toBe(400);
    const info = await getJson<Record<string, unknown>>(token, "/v3/users/physical-info");
    expect(info).toEqual(sim.dataset.athlete(userId)?.physicalInfoCurrent(sim.clock.now()));
    expect(info.sleep_goal).toMatch(/^PT/);
    expect(info).toHaveProperty("maximum_heart_rate");
  });
});
