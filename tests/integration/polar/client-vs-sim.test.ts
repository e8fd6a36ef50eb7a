import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createPolarClient,
  createRateGovernor,
  exerciseStartToUtc,
  parseIsoDuration,
  parseOffsetDateTime,
  PolarError,
  unwrapClockMap,
  type PolarClient,
  type RateGovernor,
} from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";

/**
 * lib/polar against the AccessLink simulator over real HTTP: every endpoint of the client, the OAuth code
 * exchange, the status codes the client maps (401/403/404/409/429/5xx) and the RateLimit headers.
 * Every list must validate without a single invalid element: the simulator renders Polar's exact shapes.
 */

const CLIENT_ID = "threshold-demo";
const CLIENT_SECRET = "threshold-demo-secret";
const REDIRECT_URI = "http://localhost:3000/api/auth/callback/polar";
const DAY_MS = 86_400_000;

type Sim = Awaited<ReturnType<typeof startSimulator>>;
let sim: Sim;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});

afterAll(async () => {
  await sim.close();
});

afterEach(async () => {
  await admin("DELETE", "/faults");
  await admin("POST", "/reset");
});

async function admin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim.url}/__admin${path}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`admin ${method} ${path} → ${response.status} ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

type Harness = { client: PolarClient; governor: RateGovernor; responses: { url: string; status: number; headers: Headers }[] };

/** A client whose waits are virtual (the simulator's clock is frozen) and whose responses are recorded. */
function createHarness(): Harness {
  let skipped = 0;
  const responses: Harness["responses"] = [];
  const governor = createRateGovernor({
    now: () => Date.now() + skipped,
    sleep: async (ms) => {
      skipped += ms;
    },
  });
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    responses.push({ url: String(input), status: response.status, headers: response.headers });
    return response;
  };
  const client = createPolarClient({
    apiBaseUrl: sim.url,
    tokenUrl: `${sim.url}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: recordingFetch,
    governor,
    maxRetries: 2,
    sleep: async () => undefined,
  });
  return { client, governor, responses };
}

async function authorize(login: string, redirectUri: string | undefined = REDIRECT_URI): Promise<string> {
  const result = (await admin("POST", "/oauth/authorize", {
    login,
    clientId: CLIENT_ID,
    ...(redirectUri === undefined ? {} : { redirectUri }),
  })) as { redirect: string };
  const code = new URL(result.redirect).searchParams.get("code");
  if (code === null) throw new Error(`no code in ${result.redirect}`);
  return code;
}

async function connect(harness: Harness, login: string) {
  const code = await authorize(login);
  const grant = await harness.client.exchangeCode(code, REDIRECT_URI);
  return { grant, user: harness.client.forUser(grant.userId, grant.accessToken) };
}

async function catchPolarError(promise: Promise<unknown>): Promise<PolarError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PolarError) return error;
    throw error;
  }
  throw new Error("expected a PolarError");
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

async function advanceDays(days: number): Promise<void> {
  await admin("POST", "/clock/advance", { seconds: days * 86_400 });
}

/** The athlete's local date `daysAgo` days before the simulator's now. */
function localDate(offsetMinutes: number, daysAgo = 0): string {
  return isoDate(sim.clock.now() + offsetMinutes * 60_000 - daysAgo * DAY_MS);
}

function profileOf(userId: number) {
  const athlete = sim.dataset.athlete(userId);
  if (!athlete) throw new Error(`no simulated athlete ${userId}`);
  return athlete.profile;
}

describe("OAuth and registration", () => {
  it("exchanges a code once, enforces the redirect_uri echo rule and registers the athlete", async () => {
    const harness = createHarness();
    const code = await authorize("aino");
    const grant = await harness.client.exchangeCode(code, REDIRECT_URI);
    expect(grant.userId).toBe(48213977);
    expect(grant.expiresIn).toBe(31_535_999);
    expect(grant.accessToken.length).toBeGreaterThan(10);

    const reused = await catchPolarError(harness.client.exchangeCode(code, REDIRECT_URI));
    expect([reused.code, reused.oauthError, reused.status]).toEqual(["oauth", "invalid_grant", 400]);
    expect(reused.message).not.toContain(code);

    const mismatch = await catchPolarError(harness.client.exchangeCode(await authorize("aino"), undefined));
    expect([mismatch.code, mismatch.oauthError]).toEqual(["oauth", "invalid_grant"]);

    const { grant: fresh, user } = await connect(harness, "aino");
    const registered = await user.registerUser("thr-7c41e09a");
    expect(registered.status).toBe("registered");
    expect(registered.status === "registered" ? registered.user["polar-user-id"] : null).toBe(fresh.userId);
    expect(await user.registerUser("thr-7c41e09a")).toEqual({ status: "already-registered" });
    const read = await user.getUser();
    expect(read?.["first-name"]).toBe(profileOf(fresh.userId).firstName);
    expect(read?.["member-id"]).toBe("thr-7c41e09a");
  });
});

describe("transactional endpoints", () => {
  it("creates, lists, reads every item and sub-resource, and commits", async () => {
    const harness = createHarness();
    const { grant, user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await advanceDays(1);
    await admin("POST", `/athletes/${grant.userId}/upload`, { exercises: 2, activity: true });

    const waiting = await harness.client.listNotifications();
    const mine = waiting.filter((entry) => entry["user-id"] === grant.userId).map((entry) => entry["data-type"]);
    expect(mine).toEqual(expect.arrayContaining(["EXERCISE", "ACTIVITY_SUMMARY"]));

    const transaction = await user.createTransaction("exercise");
    expect(transaction).not.toBeNull();
    if (transaction === null) return;
    // While it is open, another POST answers 204 (U2 default).
    expect(await user.createTransaction("exercise")).toBeNull();

    const urls = await user.listTransaction("exercise", transaction.resourceUri);
    expect(urls.length).toBeGreaterThanOrEqual(2);
    let samplesRead = 0;
    for (const url of urls) {
      const exercise = await user.getExercise(url);
      expect(exercise.url).toBe(url);
      expect(exercise.data["transaction-id"]).toBe(transaction.transactionId);
      const start = exerciseStartToUtc(exercise.data["start-time"], exercise.data["start-time-utc-offset"]);
      expect(start.utcMs).toBeLessThanOrEqual(sim.clock.now());
      expect(parseIsoDuration(exercise.data.duration)).toBeGreaterThan(0);
      const zones = await user.getExerciseHeartRateZones(url);
      if (zones !== null) for (const zone of zones.data.zone ?? []) expect(parseIsoDuration(zone["in-zone"])).toBeGreaterThanOrEqual(0);
      for (const sampleUrl of await user.getExerciseSampleList(url)) {
        const sample = await user.getExerciseSample(sampleUrl);
        expect(sample).not.toBeNull();
        expect(sample?.data.data?.length).toBeGreaterThan(0);
        samplesRead += 1;
      }
    }
    expect(samplesRead).toBeGreaterThan(0);
    await user.commitTransaction(transaction.resourceUri);
    expect(await user.createTransaction("exercise")).toBeNull();

    const activity = await user.createTransaction("activity");
    expect(activity).not.toBeNull();
    if (activity === null) return;
    const activityUrls = await user.listTransaction("activity", activity.resourceUri);
    expect(activityUrls.length).toBeGreaterThan(0);
    for (const url of activityUrls) {
      const summary = await user.getActivity(url);
      expect(summary.data.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const steps = await user.getActivityStepSamples(url);
      const zones = await user.getActivityZoneSamples(url);
      expect(steps === null || Array.isArray(steps.data.samples)).toBe(true);
      expect(zones === null || Array.isArray(zones.data.samples)).toBe(true);
    }
    await user.commitTransaction(activity.resourceUri);

    const physical = await user.createTransaction("physical-information");
    if (physical !== null) {
      for (const url of await user.listTransaction("physical-information", physical.resourceUri)) {
        expect((await user.getPhysicalInfo(url)).data.id).toBeGreaterThan(0);
      }
      await user.commitTransaction(physical.resourceUri);
    }

    const after = (await harness.client.listNotifications()).filter((entry) => entry["user-id"] === grant.userId);
    expect(after.map((entry) => entry["data-type"])).not.toContain("EXERCISE");
  });

  it("an expired transaction answers 404 on list and commit, and its items come back", async () => {
    const harness = createHarness();
    const { grant, user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await admin("POST", `/athletes/${grant.userId}/upload`, { exercises: 1 });
    const transaction = await user.createTransaction("exercise");
    expect(transaction).not.toBeNull();
    if (transaction === null) return;
    const firstUrls = await user.listTransaction("exercise", transaction.resourceUri);
    const firstIds = await Promise.all(firstUrls.map(async (url) => (await user.getExercise(url)).data.id));
    await admin("POST", "/clock/advance", { seconds: 601 });
    expect((await catchPolarError(user.listTransaction("exercise", transaction.resourceUri))).code).toBe("not_found");
    expect((await catchPolarError(user.commitTransaction(transaction.resourceUri))).code).toBe("not_found");
    const again = await user.createTransaction("exercise");
    expect(again).not.toBeNull();
    if (again === null) return;
    const secondUrls = await user.listTransaction("exercise", again.resourceUri);
    const secondIds = await Promise.all(secondUrls.map(async (url) => (await user.getExercise(url)).data.id));
    expect(secondIds).toEqual(expect.arrayContaining(firstIds));
  });
});

describe("non-transactional endpoints", () => {
  it("every windowed endpoint validates without a single invalid element", async () => {
    const harness = createHarness();
    const { grant, user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await advanceDays(14);
    const offset = profileOf(grant.userId).utcOffsetMinutes;
    const from = localDate(offset, 13);
    const to = localDate(offset);

    const exercises = await user.listExercises({ samples: true, zones: true, route: true });
    expect(exercises.invalid).toEqual([]);
    expect(exercises.items.length).toBeGreaterThan(0);
    const first = exercises.items[0].data;
    // Each element keeps the JSON it came from (samples as Polar's comma-separated strings) and the list URL.
    expect(exercises.items[0].raw).toMatchObject({ id: first.id, samples: expect.arrayContaining([expect.objectContaining({ data: expect.any(String) })]) });
    expect(exercises.items[0].url).toContain("/v3/exercises?samples=true&zones=true&route=true");
    expect((await user.getExerciseByHash(first.id, { zones: true }))?.data.id).toBe(first.id);
    expect(await user.getExerciseByHash("doesNotExist")).toBeNull();

    const activities = await user.listDailyActivities(from, to, { steps: true, activityZones: true, inactivityStamps: true });
    expect(activities.invalid).toEqual([]);
    expect(activities.items.length).toBeGreaterThan(0);
    const activityDate = activities.items[0].start_time.slice(0, 10);
    expect((await user.getDailyActivity(activityDate))?.data.start_time).toBe(activities.items[0].start_time);
    // Before registration there is nothing: 204 on this endpoint, null from the client.
    expect(await user.getDailyActivity("2025-12-01")).toBeNull();

    const heartRates = await user.getContinuousHeartRateRange(from, to);
    expect(heartRates.invalid).toEqual([]);
    expect(heartRates.items.length).toBeGreaterThan(0);
    const day = heartRates.items[0].date;
    expect((await user.getContinuousHeartRateDay(day))?.data.date).toBe(day);
    expect(await user.getContinuousHeartRateDay("2025-12-01")).toBeNull();

    const cardio = await user.listCardioLoad(from, to);
    expect(cardio.invalid).toEqual([]);
    expect(cardio.items.map((entry) => entry.date)).toHaveLength(14);

    const nights = await user.listSleep();
    expect(nights.invalid).toEqual([]);
    expect(nights.items.length).toBeGreaterThan(0);
    for (const night of nights.items) {
      const start = parseOffsetDateTime(night.sleep_start_time);
      const points = unwrapClockMap(night.hypnogram ?? {}, night.sleep_start_time);
      expect(points.length).toBeGreaterThan(0);
      // The first stage change is at the (minute-truncated) start, never a day later.
      expect(Math.abs(points[0].utcMs - start.utcMs)).toBeLessThan(60_000);
      expect(points[points.length - 1].utcMs).toBeLessThanOrEqual(parseOffsetDateTime(night.sleep_end_time).utcMs);
    }
    const lastNight = nights.items[nights.items.length - 1];
    expect((await user.getSleep(lastNight.date))?.data.sleep_start_time).toBe(lastNight.sleep_start_time);
    expect(await user.getSleep("2025-12-01")).toBeNull();
    const available = await user.listSleepAvailable();
    expect(available.invalid).toEqual([]);
    expect(available.items.map((entry) => entry.date)).toContain(lastNight.date);

    const recharges = await user.listNightlyRecharge();
    expect(recharges.invalid).toEqual([]);
    expect(recharges.items.length).toBeGreaterThan(0);
    const recharge = recharges.items[recharges.items.length - 1];
    expect((await user.getNightlyRecharge(recharge.date))?.data.date).toBe(recharge.date);
    expect(await user.getNightlyRecharge("2025-12-01")).toBeNull();

    const physical = await user.getPhysicalInfoCurrent();
    expect(physical?.data.maximum_heart_rate).toBeGreaterThan(100);
  });

  it("a malformed record is reported on its own and never hides the rest", async () => {
    const harness = createHarness();
    const { grant, user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await advanceDays(7);
    await admin("POST", "/faults", { malformed: { userId: grant.userId, kind: "sleep" } });
    const nights = await user.listSleep();
    expect(nights.invalid).toHaveLength(1);
    expect(nights.invalid[0].path).toMatch(/^nights\.\d+\.sleep_score$/);
    expect(nights.items.length).toBeGreaterThan(0);
    const badDate = (nights.invalid[0].raw as { date: string }).date;
    const error = await catchPolarError(user.getSleep(badDate));
    expect([error.code, error.path]).toEqual(["invalid_payload", "sleep_score"]);
    expect((error.raw as { date: string }).date).toBe(badDate);
  });
});

describe("errors over HTTP", () => {
  it("401 for a bad or revoked token, 403 without consents, 404 for unknown transactions", async () => {
    const harness = createHarness();
    const bogus = await catchPolarError(harness.client.forUser(48213977, "not-a-real-token-123").getUser());
    expect([bogus.code, bogus.status]).toEqual(["unauthorized", 401]);
    expect(bogus.message).not.toContain("not-a-real-token-123");

    const { grant, user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    const unknown = `${sim.url}/v3/users/${grant.userId}/exercise-transactions/999999`;
    expect((await catchPolarError(user.listTransaction("exercise", unknown))).code).toBe("not_found");
    await admin("POST", `/athletes/${grant.userId}/revoke`);
    const revoked = await catchPolarError(user.getUser());
    expect(revoked.code).toBe("unauthorized");
    expect(revoked.message).not.toContain(grant.accessToken);

    const kenji = await connect(harness, "kenji");
    const consent = await catchPolarError(kenji.user.listSleep());
    expect([consent.code, consent.status]).toEqual(["consent_required", 403]);
  });

  it("deleting the user revokes the token", async () => {
    const harness = createHarness();
    const { user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await user.deleteUser();
    expect((await catchPolarError(user.getUser())).code).toBe("unauthorized");
  });

  it("5xx faults are retried, then upstream", async () => {
    const harness = createHarness();
    const { user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await admin("POST", "/faults", { errorRate: 1 });
    const before = harness.responses.length;
    const error = await catchPolarError(user.getUser());
    expect(error.code).toBe("upstream");
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(harness.responses.length - before).toBe(3);
  });
});

describe("rate limits", () => {
  it("every response carries two-valued RateLimit headers that feed the governor", async () => {
    const harness = createHarness();
    const { user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await user.getUser();
    await user.listSleep();
    const apiResponses = harness.responses.filter((entry) => entry.url.startsWith(`${sim.url}/v3/`));
    expect(apiResponses.length).toBeGreaterThanOrEqual(3);
    for (const entry of apiResponses) {
      for (const name of ["RateLimit-Usage", "RateLimit-Limit", "RateLimit-Reset"]) {
        expect(entry.headers.get(name)).toMatch(/^\d+, ?\d+$/);
      }
    }
    const snapshot = harness.governor.snapshot();
    // One registered athlete: 500 + 20·1 and 5000 + 100·1.
    expect([snapshot.short.limit, snapshot.long.limit]).toEqual([520, 5100]);
    expect(snapshot.short.usage).toBeGreaterThanOrEqual(3);
  });

  it("a forced 429 burst is waited out and retried", async () => {
    const harness = createHarness();
    const { user } = await connect(harness, "aino");
    await user.registerUser("thr-aino");
    await admin("POST", "/faults", { burst429: 2 });
    expect((await user.getUser())?.["polar-user-id"]).toBe(48213977);
    expect(harness.responses.slice(-3).map((entry) => entry.status)).toEqual([429, 429, 200]);
    expect(harness.governor.snapshot().rateLimitedCount).toBe(2);

    await admin("POST", "/faults", { burst429: 5 });
    const error = await catchPolarError(user.getUser());
    expect(error.code).toBe("rate_limited");
    expect(error.resetAt).toBeGreaterThan(0);
  });
});

describe("webhooks", () => {
  let receiver: Server;
  let receiverUrl = "";

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(200).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/polar`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("create, conflict, list, update, deactivate, activate, remove", async () => {
    const { client } = createHarness();
    const created = await client.webhooks.create({ url: receiverUrl, events: ["EXERCISE", "SLEEP"] });
    expect(created.signatureSecretKey.length).toBeGreaterThan(10);
    expect(created.events).toEqual(["EXERCISE", "SLEEP"]);
    expect((await catchPolarError(client.webhooks.create({ url: receiverUrl, events: ["SLEEP"] }))).code).toBe("conflict");
    expect(await client.webhooks.list()).toEqual([{ id: created.id, events: ["EXERCISE", "SLEEP"], url: receiverUrl, active: true }]);
    await client.webhooks.update(created.id, { events: ["SLEEP"] });
    expect((await client.webhooks.list())[0].events).toEqual(["SLEEP"]);
    expect(await client.webhooks.deactivate()).toBe(true);
    expect((await client.webhooks.list())[0].active).toBe(false);
    expect(await client.webhooks.activate()).toBe(true);
    await client.webhooks.remove(created.id);
    expect(await client.webhooks.list()).toEqual([]);
    expect(await client.webhooks.deactivate()).toBe(false);
    expect((await catchPolarError(client.webhooks.remove(created.id))).code).toBe("not_found");
  });
});
