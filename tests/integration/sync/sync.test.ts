import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { polarConnections, polarTransactions, syncQuarantine } from "@/db/schema";
import { createPolarClient, createRateGovernor, type PolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import { reparseQuarantine, saveSyncSettings, syncAthlete, type SyncDeps } from "@/lib/sync";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  connectAthlete,
  createTestDb,
  DAY_MS,
  snapshotAthlete,
  TEST_TOKEN_KEY,
  type TestDb,
} from "./support/harness";
import { computeGroundTruth, readStoredTruth } from "./support/truth";
import { unpackPairs, unpackZoneSamples } from "@/lib/sync/pack";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

let sim: Sim;
let testDb: TestDb | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});

afterAll(async () => {
  await sim.close();
});

afterEach(async () => {
  testDb?.close();
  testDb = null;
  await fetch(`${sim.url}/__admin/reset`, { method: "POST" });
});

/** A client with its own governor on a virtual clock: rate-limit waits pass at once (the sim clock is frozen). */
function createClient(): PolarClient {
  let skipped = 0;
  return createPolarClient({
    apiBaseUrl: sim.url,
    tokenUrl: `${sim.url}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    maxRetries: 5,
    maxRateLimitRetries: 10,
    sleep: async () => undefined,
    governor: createRateGovernor({
      now: () => Date.now() + skipped,
      sleep: async (ms) => {
        skipped += ms;
      },
    }),
  });
}

/** The 15-minute window is on the simulator's frozen clock; tests that are not about it lift the limits. */
const LIFTED_LIMITS = { rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 };

async function setUp(login: string, days: number) {
  await postAdmin("/switches", LIFTED_LIMITS);
  testDb = createTestDb();
  const polar = createClient();
  const athlete = await connectAthlete(sim.url, polar, testDb.db, login, sim.clock.now());
  sim.clock.advance(days * DAY_MS);
  const deps: SyncDeps = { db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY };
  return { ...athlete, deps, db: testDb.db };
}

/** `path` holds the query too. */
type LoggedRequest = { method: string; path: string };

async function countRequests(): Promise<number> {
  return ((await (await fetch(`${sim.url}/__admin/requests`)).json()) as unknown[]).length;
}

async function readRequests(since: number): Promise<LoggedRequest[]> {
  return (await (await fetch(`${sim.url}/__admin/requests?since=${since}`)).json()) as LoggedRequest[];
}

async function postAdmin(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}/__admin${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`admin ${path}: ${response.status}`);
}

describe("sync against the simulator", () => {
  it("stores everything the athlete uploaded, once, and a second sync changes nothing", async () => {
    const { userId, polarUserId, deps, db } = await setUp("aino", 12);
    const since = await countRequests();
    const first = await syncAthlete(deps, userId, { trigger: "cli", now: sim.clock.now() });
    // Daily activity comes from the list, which has every day: the transactions are committed unread.
    const firstLog = await readRequests(since);
    expect(firstLog.filter((entry) => /activity-transactions\/\d+\/activities\//.test(entry.path))).toEqual([]);
    expect(firstLog.filter((entry) => entry.method === "PUT" && /activity-transactions\/\d+$/.test(entry.path))).toHaveLength(1);
    expect(first.status).toBe("succeeded");
    expect(first.errors).toEqual([]);

    const truth = await computeGroundTruth(sim, polarUserId, sim.clock.now());
    expect(truth.exerciseKeys.length).toBeGreaterThan(5);
    expect(readStoredTruth(db, userId)).toEqual(truth);
    expect(first.counts.exercise?.new).toBe(truth.exerciseKeys.length);
    // The non-transactional daily activity (§6.2) of every visible day, with the simulator's distance and alerts.
    expect(truth.dailyActivityDates.length).toBeGreaterThan(5);
    const extras = db.$client
      .prepare("SELECT local_date, distance_from_steps_meters, inactivity_alert_count FROM daily_activity_extra WHERE athlete_id = ?")
      .all(userId) as { local_date: string; distance_from_steps_meters: number | null; inactivity_alert_count: number | null }[];
    for (const extra of extras) {
      const expected = sim.dataset.athlete(polarUserId)?.dailyActivity(extra.local_date, { steps: false, activityZones: false, inactivityStamps: false });
      expect([extra.distance_from_steps_meters, extra.inactivity_alert_count]).toEqual([expected?.distance_from_steps, expected?.inactivity_alert_count]);
    }
    // Each day's activity row is the list's day: its totals, and hourly blocks that add up to them.
    const activity = db.$client
      .prepare("SELECT local_date, active_steps, calories, step_samples, zone_samples, endpoint FROM daily_activity WHERE athlete_id = ?")
      .all(userId) as { local_date: string; active_steps: number; calories: number; step_samples: string; zone_samples: string; endpoint: string }[];
    expect(activity.length).toBe(truth.dailyActivityDates.length);
    for (const day of activity) {
      const expected = sim.dataset.athlete(polarUserId)?.dailyActivity(day.local_date, { steps: false, activityZones: false, inactivityStamps: false });
      expect([day.active_steps, day.calories]).toEqual([expected?.steps, expected?.calories]);
      expect(unpackPairs(day.step_samples).reduce((sum, [, steps]) => sum + (steps ?? 0), 0)).toBe(day.active_steps);
      const zoneSeconds = unpackZoneSamples(day.zone_samples).flatMap((hour) => hour.zones.map((zone) => zone.seconds));
      expect(zoneSeconds.reduce((sum, seconds) => sum + seconds, 0)).toBe(86_400);
      expect(day.endpoint).toMatch(/^\/v3\/users\/activities\?/);
    }

    // Derived at ingest: every session with an HR series has its zone seconds adding up to the recorded time
    // (samples × rate), a Banister TRIMP from the samples, and HRmax from Polar's physical info.
    const derived = db.$client
      .prepare(
        `SELECT e.zone0_seconds + e.zone1_seconds + e.zone2_seconds + e.zone3_seconds + e.zone4_seconds + e.zone5_seconds
                + e.no_data_seconds AS recorded, s.sample_count * s.recording_rate AS expected, e.trimp, e.trimp_method,
                e.hr_max_source, e.start_utc_ms, e.utc_offset_minutes, e.local_date
           FROM exercise e JOIN exercise_sample s ON s.exercise_id = e.id AND s.sample_type = 0 WHERE e.athlete_id = ?`,
      )
      .all(userId) as { recorded: number; expected: number; trimp: number; trimp_method: string; hr_max_source: string; start_utc_ms: number; utc_offset_minutes: number; local_date: string }[];
    expect(derived.length).toBeGreaterThan(5);
    for (const row of derived) {
      expect(row.recorded).toBe(row.expected);
      expect(row.trimp).toBeGreaterThan(0);
      expect([row.trimp_method, row.hr_max_source]).toEqual(["segments", "physical-info"]);
      // aino lives at UTC+3: the local date is the UTC instant shifted by the session's own offset.
      expect(row.utc_offset_minutes).toBe(180);
      expect(new Date(row.start_utc_ms + 180 * 60_000).toISOString().slice(0, 10)).toBe(row.local_date);
    }

    const before = snapshotAthlete(db, userId, { withProvenance: true });
    const sinceSecond = await countRequests();
    const second = await syncAthlete(deps, userId, { trigger: "cli", now: sim.clock.now() });
    // Up to date: the list's totals only (no samples asked again), and no transaction item of any kind.
    const secondLog = await readRequests(sinceSecond);
    expect(secondLog.filter((entry) => /transactions\/\d+\//.test(entry.path))).toEqual([]);
    expect(secondLog.filter((entry) => entry.path.startsWith("/v3/users/activities")).map((entry) => entry.path)).toEqual([
      expect.not.stringContaining("steps="),
    ]);
    expect(second.status).toBe("succeeded");
    for (const counts of Object.values(second.counts)) {
      expect(counts.new + counts.updated).toBe(0);
    }
    expect(snapshotAthlete(db, userId, { withProvenance: true })).toEqual(before);
    // Every transaction this athlete opened was committed.
    expect(new Set(db.select().from(polarTransactions).all().map((t) => t.status))).toEqual(new Set(["committed"]));
  });

  it("survives 5xx, 429 bursts, latency and one malformed item: everything valid stored once, the bad one quarantined", async () => {
    const { userId, polarUserId, deps, db } = await setUp("mikko", 10);
    await postAdmin("/faults", { errorRate: 0.05, burst429: 4, latencyMs: 2, malformed: { userId: polarUserId, kind: "exercise" } });
    const result = await syncAthlete(deps, userId, { trigger: "cli", now: sim.clock.now() });
    await fetch(`${sim.url}/__admin/faults`, { method: "DELETE" });

    // Both exercise APIs serve the bad session malformed: each payload is set aside under its own API's id.
    expect(result.counts.exercise?.quarantined).toBe(2);
    expect(result.status).toBe("partial");
    expect(result.errors).toContainEqual({ resource: "exercise", code: "quarantined", message: expect.stringContaining("set aside") });
    const truth = await computeGroundTruth(sim, polarUserId, sim.clock.now());
    const stored = readStoredTruth(db, userId);
    const quarantined = db.select().from(syncQuarantine).all();
    expect(quarantined).toHaveLength(2);
    const transactional = quarantined.filter((entry) => /^\d+$/.test(entry.itemKey));
    expect(transactional).toHaveLength(1);
    const badId = Number(transactional[0].itemKey);
    const bad = sim.dataset.athlete(polarUserId)?.uploadsBetween(0, sim.clock.now() + 1).find((u) => u.kind === "exercise" && u.id === badId);
    expect(quarantined.map((entry) => entry.itemKey)).toContain(`/v3/exercises/${bad?.kind === "exercise" ? bad.hashedId : ""}`);
    const badKey = bad?.kind === "exercise" ? bad.hashedId : "";
    expect(stored.exerciseKeys).toEqual(truth.exerciseKeys.filter((key) => key !== badKey));
    expect({ ...stored, exerciseKeys: [] }).toEqual({ ...truth, exerciseKeys: [] });

    // The malformed payload is still malformed: re-parsing keeps it quarantined and says why.
    const reparse = reparseQuarantine(db, { athleteId: userId, now: sim.clock.now() });
    expect(reparse).toMatchObject({ reparsed: 0, stillInvalid: 2 });
    expect(db.select().from(syncQuarantine).get()?.reparseError).toBeTruthy();
  });

  it("loses and doubles nothing when a run dies mid-transaction and the transaction expires", async () => {
    const { userId, polarUserId, deps, db } = await setUp("maria", 10);
    // The list shows none of these days, so the activity transactions deliver every day, read item by item.
    const hidden = Array.from({ length: 16 }, (_, i) => new Date(sim.clock.now() - (i - 2) * DAY_MS).toISOString().slice(0, 10));
    await postAdmin("/switches", { activityListHiddenDates: hidden });
    const crashed = await syncAthlete(
      {
        ...deps,
        onItemStored: ({ resource, itemsStoredInRun }) => {
          if (resource === "activity" && itemsStoredInRun >= 4) throw new Error("killed");
        },
      },
      userId,
      { trigger: "cli", now: sim.clock.now() },
    );
    expect(crashed.status).toBe("failed");
    const open = db.select().from(polarTransactions).all().filter((t) => t.status === "open");
    expect(open).toHaveLength(1);

    // Past the simulator's 10-minute TTL the open transaction is gone; its items come back in a new one.
    sim.clock.advance(11 * 60_000);
    const resumed = await syncAthlete(deps, userId, { trigger: "cli", now: sim.clock.now() });
    expect(resumed.status).toBe("succeeded");
    expect(db.select().from(polarTransactions).all().some((t) => t.status === "expired")).toBe(true);
    expect(resumed.counts.activity?.unchanged).toBeGreaterThanOrEqual(1);

    const truth = await computeGroundTruth(sim, polarUserId, sim.clock.now(), { activityListHiddenDates: hidden });
    expect(truth.activityDates.length).toBeGreaterThan(5);
    expect(truth.dailyActivityDates).toEqual([]);
    expect(readStoredTruth(db, userId)).toEqual(truth);
  });

  it("marks the connection on 401 and 403 and stops that athlete's run", async () => {
    const revoked = await setUp("aino", 2);
    await postAdmin(`/athletes/${revoked.polarUserId}/revoke`, {});
    const result = await syncAthlete(revoked.deps, revoked.userId, { trigger: "click", now: sim.clock.now() });
    expect(result.status).toBe("failed");
    expect(result.errors.map((e) => e.code)).toEqual(["reconnect_needed"]);
    expect(revoked.db.select().from(polarConnections).get()?.state).toBe("reconnect_needed");

    testDb?.close();
    const withdrawn = await setUp("mikko", 2);
    await postAdmin(`/athletes/${withdrawn.polarUserId}/consents`, { granted: false });
    const denied = await syncAthlete(withdrawn.deps, withdrawn.userId, { trigger: "click", now: sim.clock.now() });
    expect(denied.status).toBe("failed");
    expect(denied.errors.map((e) => e.code)).toEqual(["consents_needed"]);
    expect(withdrawn.db.select().from(polarConnections).get()?.state).toBe("consents_needed");

    // Consents accepted again at Polar: the next run succeeds and the connection is back to connected.
    await postAdmin(`/athletes/${withdrawn.polarUserId}/consents`, { granted: true });
    const again = await syncAthlete(withdrawn.deps, withdrawn.userId, { trigger: "click", now: sim.clock.now() });
    expect(again.status).toBe("succeeded");
    expect(withdrawn.db.select().from(polarConnections).get()?.state).toBe("connected");
  });

  it("does not request a data type switched off", async () => {
    const { userId, deps, db } = await setUp("aino", 3);
    saveSyncSettings(
      db,
      userId,
      { training: true, dailyActivity: true, sleep: false, recovery: false, continuousHr: false, cardioLoad: false, body: true },
      Date.now(),
    );
    const since = ((await (await fetch(`${sim.url}/__admin/requests`)).json()) as { seq: number }[]).length;
    const result = await syncAthlete(deps, userId, { trigger: "cli", now: sim.clock.now() });
    const log = (await (await fetch(`${sim.url}/__admin/requests?since=${since}`)).json()) as { path: string }[];
    expect(log.some((entry) => /sleep|nightly-recharge|continuous-heart-rate|cardio-load/.test(entry.path))).toBe(false);
    expect(Object.keys(result.counts).sort()).toEqual(["activity", "exercise", "physical-info"]);
  });
});
