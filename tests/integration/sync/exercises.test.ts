import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { polarTransactions, syncQuarantine, syncRuns } from "@/db/schema";
import { webhookEvents } from "@/db/schema/webhooks";
import type { Db } from "@/db/client";
import { createPolarClient, createRateGovernor, type PolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import type { SimUpload } from "@/lib/polar-sim/contract";
import { reparseQuarantine, syncAthlete, type SyncDeps } from "@/lib/sync";
import { createInProcessRunner } from "@/lib/sync/runner";
import { dispatchDueWebhookEvents, WEBHOOK_MAX_DELAY_MS } from "@/lib/sync/webhook-dispatch";
import { CLIENT_ID, CLIENT_SECRET, connectAthlete, createTestDb, DAY_MS, snapshotAthlete, TEST_TOKEN_KEY, type TestDb } from "./support/harness";

/**
 * Exercises through both APIs (polar-accesslink.md §6.1, issue 13 §5): `/v3/exercises` is the main path, the
 * transactions the fallback. One session is one row whichever API delivered it, matched by (device id, UTC
 * start), with each id that was read kept; the derived numbers do not depend on the path.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;
type ExerciseUpload = Extract<SimUpload, { kind: "exercise" }>;
type Row = {
  polar_exercise_id: number | null;
  polar_hashed_id: string | null;
  transaction_id: number | null;
  endpoint: string;
  device_id: string;
  start_utc_ms: number;
  local_date: string;
};

const sims: Sim[] = [];
const dbs: TestDb[] = [];

beforeAll(async () => {
  sims.push(await startSimulator({ port: 0 }), await startSimulator({ port: 0 }));
});

afterAll(async () => {
  await Promise.all(sims.map((sim) => sim.close()));
});

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const sim of sims) sim.admin.reset();
});

function createClient(sim: Sim): PolarClient {
  let skipped = 0;
  return createPolarClient({
    apiBaseUrl: sim.url,
    tokenUrl: `${sim.url}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    maxRetries: 5,
    sleep: async () => undefined,
    governor: createRateGovernor({
      now: () => Date.now() + skipped,
      sleep: async (ms) => {
        skipped += ms;
      },
    }),
  });
}

async function setUp(sim: Sim, login: string, days: number) {
  sim.admin.setSwitches({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 });
  const testDb = createTestDb("exercises");
  dbs.push(testDb);
  const polar = createClient(sim);
  const registeredAt = sim.clock.now();
  const athlete = await connectAthlete(sim.url, polar, testDb.db, login, registeredAt);
  sim.clock.advance(days * DAY_MS);
  const deps: SyncDeps = { db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY, now: () => sim.clock.now() };
  const sync = () => syncAthlete(deps, athlete.userId, { trigger: "cli", now: sim.clock.now() });
  const uploads = (): ExerciseUpload[] =>
    (sim.dataset.athlete(athlete.polarUserId)?.uploadsBetween(registeredAt, sim.clock.now() + 1) ?? []).filter(
      (u): u is ExerciseUpload => u.kind === "exercise",
    );
  return { ...athlete, db: testDb.db, deps, sync, uploads };
}

function readRows(db: Db, athleteId: string): Row[] {
  return db.$client
    .prepare(
      `SELECT polar_exercise_id, polar_hashed_id, transaction_id, endpoint, device_id, start_utc_ms, local_date
         FROM exercise WHERE athlete_id = ? ORDER BY start_utc_ms`,
    )
    .all(athleteId) as Row[];
}

function deviceOf(sim: Sim, polarUserId: number, upload: ExerciseUpload): string {
  const json = sim.dataset.athlete(polarUserId)?.exerciseByHash(upload.hashedId, { samples: false, zones: false, route: false });
  return String(json?.device_id);
}

async function countRequests(sim: Sim, pattern: RegExp, since: number): Promise<number> {
  const log = (await (await fetch(`${sim.url}/__admin/requests?since=${since}`)).json()) as { path: string }[];
  return log.filter((entry) => pattern.test(entry.path)).length;
}

async function requestCount(sim: Sim): Promise<number> {
  return ((await (await fetch(`${sim.url}/__admin/requests`)).json()) as unknown[]).length;
}

/** Everything about a session except which API and request it came from: the content both paths must agree on. */
function readContent(db: Db, athleteId: string) {
  const sessions = db.$client
    .prepare(
      `SELECT device_id, start_utc_ms, start_time_local, utc_offset_minutes, local_date, duration_seconds, sport, detailed_sport,
              calories, distance_meters, avg_hr, max_hr, training_load, running_index, has_route, cardio_load, muscle_load,
              perceived_load, user_rpe, zone0_seconds, zone1_seconds, zone2_seconds, zone3_seconds, zone4_seconds,
              zone5_seconds, no_data_seconds, trimp, trimp_method, hr_max_used, hr_rest_used, hr_max_source
         FROM exercise WHERE athlete_id = ? ORDER BY start_utc_ms`,
    )
    .all(athleteId);
  const samples = db.$client
    .prepare(
      `SELECT e.start_utc_ms, s.sample_type, s.recording_rate, s.sample_count, s.packed_values
         FROM exercise_sample s JOIN exercise e ON e.id = s.exercise_id WHERE s.athlete_id = ? ORDER BY 1, 2`,
    )
    .all(athleteId);
  const zones = db.$client
    .prepare(
      `SELECT e.start_utc_ms, z.zone_index, z.lower_limit, z.upper_limit, z.in_zone_seconds, z.raw_json
         FROM exercise_hr_zone z JOIN exercise e ON e.id = z.exercise_id WHERE z.athlete_id = ? ORDER BY 1, 2`,
    )
    .all(athleteId);
  return { sessions, samples, zones };
}

describe("exercises through /v3/exercises and the transactions", () => {
  it("stores a session delivered by both APIs once, reads it only from the list, and commits its transactional twin unread", async () => {
    const [sim] = sims;
    const { userId, polarUserId, db, sync, uploads } = await setUp(sim, "maria", 6);
    const since = await requestCount(sim);
    const first = await sync();
    expect(first.status).toBe("succeeded");

    const expected = uploads();
    expect(expected.length).toBeGreaterThan(5);
    const rows = readRows(db, userId);
    expect(rows).toHaveLength(expected.length);
    for (const upload of expected) {
      const row = rows.find((r) => r.polar_hashed_id === upload.hashedId);
      // Both provenances on the one row: the list's hashed id and the transaction that also delivered it. Its
      // item was not read (every unknown item was a listed twin), so the int64 id is not known.
      expect(row?.polar_exercise_id).toBeNull();
      expect(row?.transaction_id).toEqual(db.select().from(polarTransactions).where(eq(polarTransactions.kind, "exercise")).get()?.transactionId);
      expect(row?.endpoint).toContain("/v3/exercises?");
      expect(row?.device_id).toBe(deviceOf(sim, polarUserId, upload));
    }
    expect(first.counts.exercise?.new).toBe(expected.length);
    // The summaries, then every new session with samples in one more list request; no transactional item is read.
    expect(await countRequests(sim, /^\/v3\/exercises$/, since)).toBe(1);
    expect(await countRequests(sim, /^\/v3\/exercises\?samples=true&zones=true(&route=true)?$/, since)).toBe(1);
    expect(await countRequests(sim, /\/exercise-transactions\/\d+\/exercises\//, since)).toBe(0);
    expect(await countRequests(sim, /\/exercise-transactions\/\d+$/, since)).toBe(2);
    expect(new Set(db.select().from(polarTransactions).all().map((t) => t.status))).toEqual(new Set(["committed"]));

    // Again: the list re-serves every session; nothing is new, nothing rewritten, the transactions are empty.
    const before = snapshotAthlete(db, userId, { withProvenance: true });
    const sinceSecond = await requestCount(sim);
    const second = await sync();
    expect(await countRequests(sim, /^\/v3\/exercises/, sinceSecond)).toBe(1);
    expect(second.counts.exercise).toEqual({ new: 0, updated: 0, unchanged: expected.length, quarantined: 0 });
    expect(snapshotAthlete(db, userId, { withProvenance: true })).toEqual(before);
  });

  it("gets a device's sessions from the transactions while the list never shows them, and links the ids when it does", async () => {
    const [sim] = sims;
    const { userId, polarUserId, db, sync, uploads } = await setUp(sim, "aino", 4);
    const deviceId = deviceOf(sim, polarUserId, uploads()[0]);
    sim.admin.setSwitches({ exerciseListHiddenDevices: [deviceId] });
    expect((await sync()).status).toBe("succeeded");
    const expected = uploads();
    const viaTransactions = readRows(db, userId);
    expect(viaTransactions.map((r) => r.polar_exercise_id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(viaTransactions.every((r) => r.polar_hashed_id === null && /exercise-transactions/.test(r.endpoint))).toBe(true);
    const samplesBefore = readContent(db, userId);
    expect(samplesBefore.samples.length).toBeGreaterThan(expected.length);

    // The list starts showing the device: the same sessions under their hashed ids, not a second copy each.
    sim.admin.setSwitches({ exerciseListHiddenDevices: [] });
    const linked = await sync();
    expect(linked.counts.exercise?.new).toBe(0);
    const rows = readRows(db, userId);
    expect(rows).toHaveLength(expected.length);
    for (const upload of expected) {
      expect(rows.find((r) => r.polar_exercise_id === upload.id)?.polar_hashed_id).toBe(upload.hashedId);
    }
    expect(readContent(db, userId)).toEqual(samplesBefore);
  });

  it("stores an old session uploaded late, whichever API brings it", async () => {
    const [sim] = sims;
    const { userId, polarUserId, db, sync } = await setUp(sim, "aino", 2);
    expect((await sync()).status).toBe("succeeded");
    const countBefore = readRows(db, userId).length;
    const late = (ageDays: number): ExerciseUpload => {
      const uploads = sim.admin.upload(polarUserId, { exercises: 1, exerciseAgeDays: ageDays });
      const upload = uploads.find((u): u is ExerciseUpload => u.kind === "exercise");
      if (!upload) throw new Error("no session uploaded");
      return upload;
    };
    // 35 days old, beyond the 30 days both APIs look back by upload time: listed, because it was uploaded now.
    const listed = late(35);
    sim.clock.advance(60_000);
    await sync();
    // Another one, from a device the list never shows: only the transactions bring it.
    const hiddenDevice = deviceOf(sim, polarUserId, listed);
    sim.admin.setSwitches({ exerciseListHiddenDevices: [hiddenDevice] });
    const viaTransactions = late(40);
    sim.clock.advance(60_000);
    await sync();

    const rows = readRows(db, userId);
    expect(rows).toHaveLength(countBefore + 2);
    const listedRow = rows.find((r) => r.polar_hashed_id === listed.hashedId);
    const transactionalRow = rows.find((r) => r.polar_exercise_id === viaTransactions.id);
    // The listed one's twin was the transaction's only unknown item: committed unread. The other was read.
    expect(listedRow?.transaction_id).toEqual(expect.any(Number));
    expect(transactionalRow?.polar_hashed_id).toBeNull();
    for (const [row, upload, age] of [[listedRow, listed, 35], [transactionalRow, viaTransactions, 40]] as const) {
      expect(row?.local_date).toBe(upload.date);
      expect(sim.clock.now() - (row?.start_utc_ms ?? 0)).toBeGreaterThan(age * DAY_MS);
    }
  });

  it("reads the transaction's items when a listed session waiting for its twin is old enough for the twin to be gone", async () => {
    const [sim] = sims;
    const { userId, polarUserId, db, sync } = await setUp(sim, "aino", 2);
    expect((await sync()).status).toBe("succeeded");
    const upload = (ageDays: number): ExerciseUpload => {
      const uploads = sim.admin.upload(polarUserId, { exercises: 1, exerciseAgeDays: ageDays });
      const found = uploads.find((u): u is ExerciseUpload => u.kind === "exercise");
      if (!found) throw new Error("no session uploaded");
      return found;
    };
    const listed = upload(1);
    sim.clock.advance(60_000);
    await sync();
    // Its twin was committed long ago, as if Polar's look-back had dropped it: the row still waits for one, and
    // was uploaded 29 days ago (inside the 30-day look-back, past the 27 days a twin is surely still offered).
    const listedRow = readRows(db, userId).find((r) => r.polar_hashed_id === listed.hashedId);
    expect(listedRow).toBeDefined();
    db.$client
      .prepare("UPDATE exercise SET transaction_id = NULL, upload_time = ? WHERE athlete_id = ? AND polar_hashed_id = ?")
      .run(sim.clock.now() - 29 * DAY_MS, userId, listed.hashedId);
    // The first session of a device the list never shows: one unknown item against one waiting listed session.
    sim.admin.setSwitches({ exerciseListHiddenDevices: [deviceOf(sim, polarUserId, listed)] });
    const hidden = upload(1);
    sim.clock.advance(60_000);
    const since = await requestCount(sim);
    await sync();

    expect(readRows(db, userId).find((r) => r.polar_exercise_id === hidden.id)).toBeDefined();
    expect(await countRequests(sim, /\/exercise-transactions\/\d+\/exercises\/\d+$/, since)).toBe(1);
  });

  it("derives the same samples, zones and TRIMP from the list as from the transactions for the same sessions", async () => {
    const [viaList, viaTransactions] = await Promise.all(
      sims.map(async (sim, index) => {
        const setup = await setUp(sim, "mikko", 5);
        if (index === 1) {
          const first = setup.uploads()[0];
          sim.admin.setSwitches({ exerciseListHiddenDevices: [deviceOf(sim, setup.polarUserId, first)] });
        }
        expect((await setup.sync()).status).toBe("succeeded");
        return setup;
      }),
    );
    const listRows = readRows(viaList.db, viaList.userId);
    expect(listRows.every((r) => r.endpoint.includes("/v3/exercises?"))).toBe(true);
    expect(readRows(viaTransactions.db, viaTransactions.userId).every((r) => r.endpoint.includes("/exercise-transactions/"))).toBe(true);
    const fromList = readContent(viaList.db, viaList.userId);
    const fromTransactions = readContent(viaTransactions.db, viaTransactions.userId);
    expect(fromList.sessions.length).toBeGreaterThan(3);
    expect(fromList.samples.length).toBeGreaterThan(fromList.sessions.length);
    expect(fromList.zones.length).toBeGreaterThan(fromList.sessions.length);
    expect(fromList).toEqual(fromTransactions);
  });

  it("syncs the session an EXERCISE webhook announces through /v3/exercises, under its entity_id", async () => {
    const [sim] = sims;
    const { userId, polarUserId, db, deps, sync } = await setUp(sim, "priya", 2);
    await sync();
    const uploads = sim.admin.upload(polarUserId, { exercises: 1 });
    const session = uploads.find((u): u is ExerciseUpload => u.kind === "exercise");
    if (!session) throw new Error("no session uploaded");
    // What the receiver records for the delivery (lib/sync/webhook-receiver.ts), then the debounced dispatch.
    db.insert(webhookEvents)
      .values({
        eventKey: `EXERCISE:${polarUserId}:${session.hashedId}:test`,
        event: "EXERCISE",
        polarUserId,
        athleteId: userId,
        entity: session.hashedId,
        receivedAt: sim.clock.now(),
        status: "pending",
      })
      .run();
    const since = await requestCount(sim);
    const runner = createInProcessRunner(() => deps);
    const [dispatched] = dispatchDueWebhookEvents({ db, runner }, sim.clock.now() + WEBHOOK_MAX_DELAY_MS);
    const result = await runner.waitFor(dispatched?.runId ?? "");
    expect(result?.counts.exercise?.new).toBe(1);
    const row = readRows(db, userId).find((r) => r.polar_hashed_id === session.hashedId);
    expect(row?.transaction_id).toEqual(expect.any(Number));
    expect(await countRequests(sim, /\/exercise-transactions\/\d+\/exercises\//, since)).toBe(0);
    // The new session is read by the hashed id the webhook carried, samples and zones inline.
    expect(await countRequests(sim, new RegExp(`^/v3/exercises/${session.hashedId}\\?samples=true&zones=true(&route=true)?$`), since)).toBe(1);
    expect(await countRequests(sim, /\/exercises\/\d+\/samples/, since)).toBe(0);
  });

  it("sets a malformed list element aside under its hashed id, and re-ingests it once it reads", async () => {
    const [sim] = sims;
    const { userId, polarUserId, db, sync, uploads } = await setUp(sim, "aino", 3);
    sim.admin.setSwitches({ exerciseListHiddenDevices: [] });
    await fetch(`${sim.url}/__admin/faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ malformed: { userId: polarUserId, kind: "exercise" } }),
    });
    const result = await sync();
    await fetch(`${sim.url}/__admin/faults`, { method: "DELETE" });
    expect(result.status).toBe("partial");
    const bad = uploads().find((u) => !readRows(db, userId).some((r) => r.polar_hashed_id === u.hashedId));
    if (!bad) throw new Error("no session was set aside");
    const key = `/v3/exercises/${bad.hashedId}`;
    const entry = db.select().from(syncQuarantine).where(eq(syncQuarantine.itemKey, key)).get();
    expect(entry?.endpoint).toContain("/v3/exercises");
    expect(JSON.parse(entry?.rawJson ?? "{}")).toMatchObject({ id: bad.hashedId, duration: 12 });

    // A parser that reads it now (here: the payload as Polar serves it today) stores it with its hashed id.
    const fixed = sim.dataset.athlete(polarUserId)?.exerciseByHash(bad.hashedId, { samples: true, zones: true, route: false });
    db.update(syncQuarantine).set({ rawJson: JSON.stringify(fixed) }).where(eq(syncQuarantine.itemKey, key)).run();
    const reparse = reparseQuarantine(db, { athleteId: userId, now: sim.clock.now() });
    expect(reparse.reparsed).toBe(1);
    const row = readRows(db, userId).find((r) => r.polar_hashed_id === bad.hashedId);
    expect(row?.start_utc_ms).toEqual(expect.any(Number));
    const samples = db.$client
      .prepare("SELECT COUNT(*) FROM exercise_sample s JOIN exercise e ON e.id = s.exercise_id WHERE e.polar_hashed_id = ?")
      .pluck()
      .get(bad.hashedId);
    expect(samples).toBeGreaterThan(0);
  });

  it("re-derives listed sessions stored before the athlete's physical info arrived, while Polar still serves them", async () => {
    const [sim] = sims;
    const { userId, db, deps, sync, uploads } = await setUp(sim, "aino", 3);
    // A run that reads sessions before any physical info is stored (as after a transaction left open at Polar).
    const early = await syncAthlete(deps, userId, { trigger: "webhook", now: sim.clock.now(), resources: ["exercise"] });
    expect(early.counts.exercise?.new).toBe(uploads().length);
    // Progress counts each session once, though both APIs delivered it ("Training: 3 of 3 sessions").
    const run = db.select().from(syncRuns).where(eq(syncRuns.id, early.runId)).get();
    expect([run?.itemsDone, run?.itemsTotal]).toEqual([uploads().length, uploads().length]);
    const sources = () => db.$client.prepare("SELECT DISTINCT hr_max_source FROM exercise WHERE athlete_id = ?").pluck().all(userId);
    expect(sources()).toEqual(["age-fallback"]);

    const full = await sync();
    expect(full.counts.exercise?.updated).toBe(uploads().length);
    expect(sources()).toEqual(["physical-info"]);
    const again = await sync();
    expect(again.counts.exercise).toMatchObject({ new: 0, updated: 0 });
  });
});
