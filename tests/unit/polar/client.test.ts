import { describe, expect, it } from "vitest";
import { createPolarClient, createRateGovernor, PolarError } from "@/lib/polar";
import activityStepSamples from "@/tests/fixtures/polar/activity-step-samples.json";
import activitySummary from "@/tests/fixtures/polar/activity-summary.json";
import activityTransactionList from "@/tests/fixtures/polar/activity-transaction-list.json";
import activityZoneSamples from "@/tests/fixtures/polar/activity-zone-samples.json";
import cardioLoad from "@/tests/fixtures/polar/cardio-load.json";
import chrDay from "@/tests/fixtures/polar/continuous-heart-rate-day.json";
import chrRange from "@/tests/fixtures/polar/continuous-heart-rate-range.json";
import dailyActivity from "@/tests/fixtures/polar/daily-activity.json";
import exercise from "@/tests/fixtures/polar/exercise.json";
import exerciseSampleList from "@/tests/fixtures/polar/exercise-sample-list.json";
import exerciseSampleRr from "@/tests/fixtures/polar/exercise-sample-rr.json";
import exerciseTransactionList from "@/tests/fixtures/polar/exercise-transaction-list.json";
import exerciseV2 from "@/tests/fixtures/polar/exercise-v2.json";
import exerciseZones from "@/tests/fixtures/polar/exercise-zones.json";
import nightlyRechargeList from "@/tests/fixtures/polar/nightly-recharge-list.json";
import nightlyRecharge from "@/tests/fixtures/polar/nightly-recharge.json";
import notifications from "@/tests/fixtures/polar/notifications.json";
import physicalInfo from "@/tests/fixtures/polar/physical-info.json";
import physicalInfoTransactionList from "@/tests/fixtures/polar/physical-info-transaction-list.json";
import physicalInfoV2 from "@/tests/fixtures/polar/physical-info-v2.json";
import sleepAvailable from "@/tests/fixtures/polar/sleep-available.json";
import sleepList from "@/tests/fixtures/polar/sleep-list.json";
import sleep from "@/tests/fixtures/polar/sleep.json";
import transactionLocation from "@/tests/fixtures/polar/transaction-location.json";
import user from "@/tests/fixtures/polar/user.json";
import webhookCreated from "@/tests/fixtures/polar/webhook-created.json";
import webhookList from "@/tests/fixtures/polar/webhook-list.json";
import { createFakeFetch, type FakeReply } from "./fake-fetch";

const API = "https://www.polaraccesslink.com";
const USER = `${API}/v3/users/48213977`;
const EXERCISE_URL = exerciseTransactionList.exercises[0];
const ACTIVITY_URL = activityTransactionList["activity-log"][0];

/** Replies by `METHOD url`; anything unrouted is a loud 418 (never retried). */
function setup(routes: Record<string, FakeReply>) {
  const fake = createFakeFetch((request) => routes[`${request.method} ${request.url}`] ?? { status: 418, text: `unrouted ${request.url}` });
  const client = createPolarClient({
    apiBaseUrl: API,
    tokenUrl: "https://polarremote.com/v2/oauth2/token",
    clientId: "client",
    clientSecret: "secret",
    fetch: fake.fetch,
    governor: createRateGovernor(),
    maxRetries: 0,
  });
  return { client, user: client.forUser(48213977, "tok"), calls: fake.calls };
}

async function catchError(promise: Promise<unknown>): Promise<PolarError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PolarError) return error;
    throw error;
  }
  throw new Error("expected a PolarError");
}

describe("client credentials endpoints", () => {
  it("lists notifications", async () => {
    const { client } = setup({ [`GET ${API}/v3/notifications`]: { status: 200, json: notifications } });
    const list = await client.listNotifications();
    expect(list.map((entry) => [entry["user-id"], entry["data-type"]])).toEqual([
      [48213977, "EXERCISE"],
      [48213977, "ACTIVITY_SUMMARY"],
      [51007342, "PHYSICAL_INFORMATION"],
    ]);
  });

  it("creates a webhook and returns the one-time secret", async () => {
    const { client, calls } = setup({ [`POST ${API}/v3/webhooks`]: { status: 201, json: webhookCreated } });
    const created = await client.webhooks.create({
      url: "https://threshold.example.org/api/webhooks/polar",
      events: ["EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "ACTIVITY_SUMMARY"],
    });
    expect(created).toEqual({
      id: "e3c9a1",
      events: ["EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "ACTIVITY_SUMMARY"],
      url: "https://threshold.example.org/api/webhooks/polar",
      signatureSecretKey: "6c1f0d7e-4b2a-11ef-9d3c-0242ac120002",
    });
    expect(JSON.parse(calls[0].body ?? "")).toEqual({
      events: ["EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "ACTIVITY_SUMMARY"],
      url: "https://threshold.example.org/api/webhooks/polar",
    });
    expect(calls[0].headers.get("Content-Type")).toBe("application/json");
  });

  it("a second webhook is a conflict", async () => {
    const { client } = setup({ [`POST ${API}/v3/webhooks`]: { status: 409 } });
    expect((await catchError(client.webhooks.create({ url: "https://x.example/h", events: ["SLEEP"] }))).code).toBe("conflict");
  });

  it("lists, updates, removes, activates and deactivates", async () => {
    const { client, calls } = setup({
      [`GET ${API}/v3/webhooks`]: { status: 200, json: webhookList },
      [`PATCH ${API}/v3/webhooks/e3c9a1`]: { status: 200, json: webhookList },
      [`DELETE ${API}/v3/webhooks/e3c9a1`]: { status: 204 },
      [`POST ${API}/v3/webhooks/activate`]: { status: 200, text: "" },
      [`POST ${API}/v3/webhooks/deactivate`]: { status: 204 },
    });
    expect(await client.webhooks.list()).toEqual([
      { id: "e3c9a1", events: ["EXERCISE", "SLEEP"], url: "https://threshold.example.org/api/webhooks/polar", active: true },
    ]);
    await client.webhooks.update("e3c9a1", { events: ["SLEEP"] });
    expect(JSON.parse(calls[1].body ?? "")).toEqual({ events: ["SLEEP"] });
    await client.webhooks.remove("e3c9a1");
    expect(await client.webhooks.activate()).toBe(true);
    expect(await client.webhooks.deactivate()).toBe(false);
  });

  it("an empty webhook list and a webhook without `active`", async () => {
    const empty = setup({ [`GET ${API}/v3/webhooks`]: { status: 200, json: { data: [] } } });
    expect(await empty.client.webhooks.list()).toEqual([]);
    const old = setup({ [`GET ${API}/v3/webhooks`]: { status: 200, json: { data: [{ id: "a", events: [], url: "u" }] } } });
    expect((await old.client.webhooks.list())[0].active).toBe(true);
  });
});

describe("users", () => {
  it("registers with member-id and returns the user", async () => {
    const { user: polarUser, calls } = setup({ [`POST ${API}/v3/users`]: { status: 200, json: user } });
    const result = await polarUser.registerUser("thr-7c41e09a");
    expect(result.status).toBe("registered");
    expect(result.status === "registered" ? result.user["polar-user-id"] : null).toBe(48213977);
    expect(JSON.parse(calls[0].body ?? "")).toEqual({ "member-id": "thr-7c41e09a" });
  });

  it("409 means already registered", async () => {
    const { user: polarUser } = setup({ [`POST ${API}/v3/users`]: { status: 409, text: "" } });
    expect(await polarUser.registerUser("thr-7c41e09a")).toEqual({ status: "already-registered" });
  });

  it("reads and deletes the user", async () => {
    const { user: polarUser, calls } = setup({
      [`GET ${USER}`]: { status: 200, json: user },
      [`DELETE ${USER}`]: { status: 204 },
    });
    expect((await polarUser.getUser())?.["first-name"]).toBe("Aino");
    await polarUser.deleteUser();
    expect(calls.map((call) => call.method)).toEqual(["GET", "DELETE"]);
  });

  it("rejects an invalid user id before any request", () => {
    const { client } = setup({});
    expect(() => client.forUser(0, "tok")).toThrow(RangeError);
    expect(() => client.forUser(1.5, "tok")).toThrow(RangeError);
  });
});

describe("transactions", () => {
  it.each([
    ["exercise", "exercise-transactions", exerciseTransactionList, exerciseTransactionList.exercises],
    ["activity", "activity-transactions", activityTransactionList, activityTransactionList["activity-log"]],
    [
      "physical-information",
      "physical-information-transactions",
      physicalInfoTransactionList,
      physicalInfoTransactionList["physical-informations"],
    ],
  ] as const)("%s: create, list verbatim, commit", async (kind, segment, listBody, urls) => {
    const resourceUri = `${USER}/${segment}/3390112`;
    const { user: polarUser, calls } = setup({
      [`POST ${USER}/${segment}`]: { status: 201, json: { "transaction-id": 3390112, "resource-uri": resourceUri } },
      [`GET ${resourceUri}`]: { status: 200, json: listBody },
      [`PUT ${resourceUri}`]: { status: 200, text: "" },
    });
    expect(await polarUser.createTransaction(kind)).toEqual({ transactionId: 3390112, resourceUri });
    expect(await polarUser.listTransaction(kind, resourceUri)).toEqual(urls);
    await polarUser.commitTransaction(resourceUri);
    expect(calls.map((call) => call.method)).toEqual(["POST", "GET", "PUT"]);
  });

  it("204 on create → null, on list → []", async () => {
    const { user: polarUser } = setup({
      [`POST ${USER}/exercise-transactions`]: { status: 204 },
      [`GET ${transactionLocation["resource-uri"]}`]: { status: 204 },
    });
    expect(await polarUser.createTransaction("exercise")).toBeNull();
    expect(await polarUser.listTransaction("exercise", transactionLocation["resource-uri"])).toEqual([]);
  });

  it("404 on an expired transaction's list and commit → not_found", async () => {
    const uri = transactionLocation["resource-uri"];
    const { user: polarUser } = setup({ [`GET ${uri}`]: { status: 404 }, [`PUT ${uri}`]: { status: 404 } });
    expect((await catchError(polarUser.listTransaction("exercise", uri))).code).toBe("not_found");
    expect((await catchError(polarUser.commitTransaction(uri))).code).toBe("not_found");
  });

  it("follows a resource-uri on another AccessLink host verbatim (no www)", async () => {
    const uri = "https://polaraccesslink.com/v3/users/48213977/exercise-transactions/3390112";
    const { user: polarUser, calls } = setup({ [`GET ${uri}`]: { status: 200, json: exerciseTransactionList } });
    expect(await polarUser.listTransaction("exercise", uri)).toHaveLength(2);
    expect(calls[0].url).toBe(uri);
  });

  it("refuses to send the token to a host outside AccessLink", async () => {
    const { user: polarUser, calls } = setup({});
    const error = await catchError(polarUser.getExercise("https://evil.example/v3/users/1/exercise-transactions/1/exercises/1"));
    expect(error.code).toBe("invalid_payload");
    expect(calls).toHaveLength(0);
  });
});

describe("transactional items", () => {
  it("exercise with sub-resources", async () => {
    const { user: polarUser } = setup({
      [`GET ${EXERCISE_URL}`]: { status: 200, json: exercise },
      [`GET ${EXERCISE_URL}/heart-rate-zones`]: { status: 200, json: exerciseZones },
      [`GET ${EXERCISE_URL}/samples`]: { status: 200, json: exerciseSampleList },
      [`GET ${exerciseSampleList.samples[2]}`]: { status: 200, json: exerciseSampleRr },
    });
    const fetched = await polarUser.getExercise(EXERCISE_URL);
    expect(fetched.data["start-time-utc-offset"]).toBe(180);
    expect(fetched.raw).toEqual(exercise);
    expect(fetched.url).toBe(EXERCISE_URL);
    expect((await polarUser.getExerciseHeartRateZones(EXERCISE_URL))?.data.zone?.map((zone) => zone["in-zone"])).toEqual([
      "PT3M50S",
      "PT9M12S",
      "PT22M31S",
      "PT24M40S",
      "PT2M32S",
    ]);
    const sampleUrls = await polarUser.getExerciseSampleList(EXERCISE_URL);
    expect(sampleUrls).toEqual(exerciseSampleList.samples);
    const rr = await polarUser.getExerciseSample(sampleUrls[2]);
    expect(rr?.data).toEqual({ "recording-rate": null, "sample-type": "11", data: [598, 604, null, 611, 607, null, 602] });
    expect(rr?.raw).toEqual(exerciseSampleRr);
  });

  it("204 sub-resources → null / [] and a 204 item → not_found(204)", async () => {
    const { user: polarUser } = setup({
      [`GET ${EXERCISE_URL}`]: { status: 204 },
      [`GET ${EXERCISE_URL}/heart-rate-zones`]: { status: 204 },
      [`GET ${EXERCISE_URL}/samples`]: { status: 204 },
      [`GET ${EXERCISE_URL}/samples/0`]: { status: 204 },
    });
    const error = await catchError(polarUser.getExercise(EXERCISE_URL));
    expect([error.code, error.status]).toEqual(["not_found", 204]);
    expect(await polarUser.getExerciseHeartRateZones(EXERCISE_URL)).toBeNull();
    expect(await polarUser.getExerciseSampleList(EXERCISE_URL)).toEqual([]);
    expect(await polarUser.getExerciseSample(`${EXERCISE_URL}/samples/0`)).toBeNull();
  });

  it("activity summary with step and zone samples", async () => {
    const { user: polarUser } = setup({
      [`GET ${ACTIVITY_URL}`]: { status: 200, json: activitySummary },
      [`GET ${ACTIVITY_URL}/step-samples`]: { status: 200, json: activityStepSamples },
      [`GET ${ACTIVITY_URL}/zone-samples`]: { status: 200, json: activityZoneSamples },
    });
    expect((await polarUser.getActivity(ACTIVITY_URL)).data["active-steps"]).toBe(9140);
    expect((await polarUser.getActivityStepSamples(ACTIVITY_URL))?.data.samples?.map((s) => s.steps)).toEqual([0, 412, 1830, null]);
    expect((await polarUser.getActivityZoneSamples(ACTIVITY_URL))?.data.samples?.[1]["activity-zones"]).toEqual([
      { index: 1, inzone: "PT41M20S" },
      { index: 2, inzone: "PT18M40S" },
    ]);
  });

  it("physical information", async () => {
    const url = physicalInfoTransactionList["physical-informations"][0];
    const { user: polarUser } = setup({ [`GET ${url}`]: { status: 200, json: physicalInfo } });
    expect((await polarUser.getPhysicalInfo(url)).data["maximum-heart-rate"]).toBe(190);
  });

  it("schema drift on a single item → invalid_payload with path and raw", async () => {
    const drifted = { ...exercise, "start-time-utc-offset": "+03:00" };
    const { user: polarUser } = setup({ [`GET ${EXERCISE_URL}`]: { status: 200, json: drifted } });
    const error = await catchError(polarUser.getExercise(EXERCISE_URL));
    expect(error.code).toBe("invalid_payload");
    expect(error.path).toBe("start-time-utc-offset");
    expect(error.raw).toEqual(drifted);
    expect(error.url).toBe(EXERCISE_URL);
    expect(error.message).toContain("start-time-utc-offset");
  });
});

describe("non-transactional endpoints", () => {
  it("lists exercises with flags and keeps the good elements when one is bad", async () => {
    const bad = { ...exerciseV2, id: "zzz", start_time_utc_offset: "180" };
    const second = { ...exerciseV2, id: "cQ8yR3" };
    const { user: polarUser } = setup({
      [`GET ${API}/v3/exercises?samples=true&zones=true&route=true`]: { status: 200, json: [exerciseV2, bad, second] },
    });
    const result = await polarUser.listExercises({ samples: true, zones: true, route: true });
    expect(result.items.map((item) => item.data.id)).toEqual(["bN7xQ2", "cQ8yR3"]);
    // Each valid element keeps its own raw JSON (the bad one in between does not shift the pairing).
    expect(result.items.map((item) => item.raw)).toEqual([exerciseV2, second]);
    expect(result.invalid).toHaveLength(1);
    expect(result.invalid[0].path).toBe("1.start_time_utc_offset");
    expect(result.invalid[0].raw).toEqual(bad);
    expect(result.invalid[0].error.length).toBeGreaterThan(0);
  });

  it("a list that is not a list is invalid_payload", async () => {
    const { user: polarUser } = setup({ [`GET ${API}/v3/exercises`]: { status: 200, json: { exercises: [] } } });
    const error = await catchError(polarUser.listExercises());
    expect(error.code).toBe("invalid_payload");
  });

  it("exercise by hashed id; 404 → null", async () => {
    const { user: polarUser } = setup({
      [`GET ${API}/v3/exercises/bN7xQ2?samples=true`]: { status: 200, json: exerciseV2 },
      [`GET ${API}/v3/exercises/nope`]: { status: 404, text: "Exercise not found" },
    });
    expect((await polarUser.getExerciseByHash("bN7xQ2", { samples: true }))?.data["running-index"]).toBe(54);
    expect(await polarUser.getExerciseByHash("nope")).toBeNull();
  });

  it("daily activities over a window with sample flags; a single day answers 204 when empty", async () => {
    const { user: polarUser, calls } = setup({
      [`GET ${API}/v3/users/activities?from=2024-04-20&to=2024-05-02&steps=true&activity_zones=false&inactivity_stamps=true`]: {
        status: 200,
        json: [dailyActivity],
      },
      [`GET ${API}/v3/users/activities/2024-05-01`]: { status: 204 },
    });
    const list = await polarUser.listDailyActivities("2024-04-20", "2024-05-02", {
      steps: true,
      activityZones: false,
      inactivityStamps: true,
    });
    expect(list.items[0].samples?.steps?.total_steps).toBe(9140);
    expect(await polarUser.getDailyActivity("2024-05-01")).toBeNull();
    expect(calls).toHaveLength(2);
  });

  it("rejects malformed dates before any request", async () => {
    const { user: polarUser, calls } = setup({});
    expect((await catchError(polarUser.listDailyActivities("2024-5-1", "2024-05-02"))).code).toBe("bad_request");
    expect((await catchError(polarUser.getSleep("../users"))).code).toBe("bad_request");
    expect(calls).toHaveLength(0);
  });

  it("continuous HR range accepts the heart_rates wrapper, a bare array and the spec's single-day shape", async () => {
    const url = `${API}/v3/users/continuous-heart-rate?from=2024-05-01&to=2024-05-02`;
    const wrapped = setup({ [`GET ${url}`]: { status: 200, json: chrRange } });
    expect((await wrapped.user.getContinuousHeartRateRange("2024-05-01", "2024-05-02")).items.map((day) => day.date)).toEqual([
      "2024-05-01",
      "2024-05-02",
    ]);
    const bare = setup({ [`GET ${url}`]: { status: 200, json: chrRange.heart_rates } });
    expect((await bare.user.getContinuousHeartRateRange("2024-05-01", "2024-05-02")).items).toHaveLength(2);
    const single = setup({ [`GET ${url}`]: { status: 200, json: chrDay } });
    const result = await single.user.getContinuousHeartRateRange("2024-05-01", "2024-05-02");
    expect(result.items[0].heart_rate_samples?.map((sample) => sample.heart_rate)).toEqual([57, 56, 58]);
  });

  it("continuous HR range keeps good days when one is malformed", async () => {
    const url = `${API}/v3/users/continuous-heart-rate?from=2024-05-01&to=2024-05-02`;
    const body = { heart_rates: [chrRange.heart_rates[0], { ...chrRange.heart_rates[1], date: 20240502 }] };
    const { user: polarUser } = setup({ [`GET ${url}`]: { status: 200, json: body } });
    const result = await polarUser.getContinuousHeartRateRange("2024-05-01", "2024-05-02");
    expect(result.items.map((day) => day.date)).toEqual(["2024-05-01"]);
    expect(result.invalid.map((entry) => entry.path)).toEqual(["heart_rates.1.date"]);
  });

  it("continuous HR day; 404 No data found → null", async () => {
    const { user: polarUser } = setup({
      [`GET ${API}/v3/users/continuous-heart-rate/2024-05-02`]: { status: 200, json: chrDay },
      [`GET ${API}/v3/users/continuous-heart-rate/2024-05-03`]: { status: 404, text: "No data found for date" },
    });
    expect((await polarUser.getContinuousHeartRateDay("2024-05-02"))?.data.heart_rate_samples).toHaveLength(3);
    expect(await polarUser.getContinuousHeartRateDay("2024-05-03")).toBeNull();
  });

  it("cardio load by date range", async () => {
    const { user: polarUser } = setup({
      [`GET ${API}/v3/users/cardio-load/date?from=2024-04-04&to=2024-05-02`]: { status: 200, json: cardioLoad },
    });
    const result = await polarUser.listCardioLoad("2024-04-04", "2024-05-02");
    expect(result.items.map((day) => day.cardio_load_status)).toEqual(["LOAD_STATUS_NOT_AVAILABLE", "PRODUCTIVE"]);
  });

  it("sleep list unwraps nights", async () => {
    const { user: polarUser } = setup({ [`GET ${API}/v3/users/sleep`]: { status: 200, json: sleepList } });
    const result = await polarUser.listSleep();
    expect(result.invalid).toEqual([]);
    expect(result.items.map((night) => [night.date, night.sleep_start_time])).toEqual([["2024-05-03", "2024-05-02T23:12:30+03:00"]]);
  });

  it("sleep list keeps the good nights when one is malformed", async () => {
    const badNight = { ...sleep, date: "2024-05-04", sleep_start_time: "2024-05-03T23:40:00" };
    const body = { nights: [sleep, badNight, { ...sleep, date: "2024-05-05" }] };
    const { user: polarUser } = setup({ [`GET ${API}/v3/users/sleep`]: { status: 200, json: body } });
    const result = await polarUser.listSleep();
    expect(result.items.map((night) => night.date)).toEqual(["2024-05-03", "2024-05-05"]);
    expect(result.invalid).toEqual([{ raw: badNight, error: expect.any(String), path: "nights.1.sleep_start_time" }]);
  });

  it("sleep by date, available nights; 404 → null; 401/403 are not swallowed", async () => {
    const { user: polarUser } = setup({
      [`GET ${API}/v3/users/sleep/2024-05-03`]: { status: 200, json: sleep },
      [`GET ${API}/v3/users/sleep/2024-05-04`]: { status: 404 },
      [`GET ${API}/v3/users/sleep/2024-05-05`]: { status: 401 },
      [`GET ${API}/v3/users/sleep/2024-05-06`]: { status: 403 },
      [`GET ${API}/v3/users/sleep/available`]: { status: 200, json: sleepAvailable },
    });
    expect((await polarUser.getSleep("2024-05-03"))?.data.sleep_score).toBe(82);
    expect(await polarUser.getSleep("2024-05-04")).toBeNull();
    expect((await catchError(polarUser.getSleep("2024-05-05"))).code).toBe("unauthorized");
    expect((await catchError(polarUser.getSleep("2024-05-06"))).code).toBe("consent_required");
    expect((await polarUser.listSleepAvailable()).items[0].start_time).toBe("2024-05-02T23:12:30+03:00");
  });

  it("a malformed single night → invalid_payload with the hypnogram key path", async () => {
    const drifted = { ...sleep, hypnogram: { ...sleep.hypnogram, "01:20": "REM" } };
    const { user: polarUser } = setup({ [`GET ${API}/v3/users/sleep/2024-05-03`]: { status: 200, json: drifted } });
    const error = await catchError(polarUser.getSleep("2024-05-03"));
    expect(error.code).toBe("invalid_payload");
    expect(error.path).toBe("hypnogram.01:20");
    expect(error.raw).toEqual(drifted);
  });

  it("nightly recharge list and by date", async () => {
    const { user: polarUser } = setup({
      [`GET ${API}/v3/users/nightly-recharge`]: { status: 200, json: nightlyRechargeList },
      [`GET ${API}/v3/users/nightly-recharge/2024-05-03`]: { status: 200, json: nightlyRecharge },
      [`GET ${API}/v3/users/nightly-recharge/2024-05-04`]: { status: 404 },
    });
    expect((await polarUser.listNightlyRecharge()).items[0].ans_charge).toBe(4.2);
    expect((await polarUser.getNightlyRecharge("2024-05-03"))?.data.hrv_samples?.["00:02"]).toBe(60);
    expect(await polarUser.getNightlyRecharge("2024-05-04")).toBeNull();
  });

  it("current physical info; 404 User not found → null", async () => {
    const found = setup({ [`GET ${API}/v3/users/physical-info`]: { status: 200, json: physicalInfoV2 } });
    expect((await found.user.getPhysicalInfoCurrent())?.data.sleep_goal).toBe("PT8H");
    const missing = setup({ [`GET ${API}/v3/users/physical-info`]: { status: 404, text: "User not found" } });
    expect(await missing.user.getPhysicalInfoCurrent()).toBeNull();
  });

  it("empty lists on 204", async () => {
    const { user: polarUser } = setup({
      [`GET ${API}/v3/users/sleep`]: { status: 204 },
      [`GET ${API}/v3/users/nightly-recharge`]: { status: 204 },
      [`GET ${API}/v3/exercises`]: { status: 204 },
    });
    expect(await polarUser.listSleep()).toEqual({ items: [], invalid: [] });
    expect(await polarUser.listNightlyRecharge()).toEqual({ items: [], invalid: [] });
    expect(await polarUser.listExercises()).toEqual({ items: [], invalid: [] });
  });
});
