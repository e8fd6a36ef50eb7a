import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { exercises } from "@/db/schema/polar-data";
import { syncRuns } from "@/db/schema/sync";
import { webhookEvents } from "@/db/schema/webhooks";
import { createPolarClient, createRateGovernor, type PolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import { createInProcessRunner } from "@/lib/sync/runner";
import { runSchedulerTick } from "@/lib/sync/scheduler";
import { dispatchDueWebhookEvents, WEBHOOK_MAX_DELAY_MS } from "@/lib/sync/webhook-dispatch";
import { handlePolarWebhook } from "@/lib/sync/webhook-receiver";
import {
  createInstanceWebhook,
  deleteInstanceWebhook,
  getInstanceWebhookStatus,
} from "@/lib/sync/webhook-registration";
import { computeWebhookSignature } from "@/lib/sync/webhook-signature";
import { CLIENT_ID, CLIENT_SECRET, connectAthlete, createTestDb, DAY_MS, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

let sim: Sim;
let testDb: TestDb | null = null;
let receiver: http.Server | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});

afterAll(async () => {
  await sim.close();
});

afterEach(async () => {
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
  receiver = null;
  testDb?.close();
  testDb = null;
  sim.admin.reset();
});

/** A client whose rate-limit waits pass at once (the simulator's clock is frozen). */
function createClient(): PolarClient {
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

/** A tiny node:http receiver that hands each request to the route's handler, as Next would. */
async function startReceiver(db: TestDb["db"]): Promise<string> {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
      const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, { method: req.method, headers, body: Buffer.concat(chunks) });
      void handlePolarWebhook(request, { db, tokenKey: TEST_TOKEN_KEY, now: () => sim.clock.now(), log: () => undefined }).then(async (response) => {
        res.writeHead(response.status, { "content-type": "application/json" });
        res.end(Buffer.from(await response.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => receiver?.listen(0, "127.0.0.1", resolve));
  const address = receiver.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}/api/webhooks/polar`;
}

async function setUp(login: string) {
  sim.admin.setSwitches({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 });
  testDb = createTestDb("webhooks");
  const { db } = testDb;
  const polar = createClient();
  const athlete = await connectAthlete(sim.url, polar, db, login, sim.clock.now());
  sim.clock.advance(3 * DAY_MS);
  const runner = createInProcessRunner(() => ({ db, polar, tokenKey: TEST_TOKEN_KEY, now: () => sim.clock.now() }));
  const url = await startReceiver(db);
  const adminDeps = { db, polar, tokenKey: TEST_TOKEN_KEY, now: () => sim.clock.now() };
  return { ...athlete, db, polar, runner, url, adminDeps };
}

function countExercises(db: TestDb["db"], athleteId: string): number {
  return db.select({ id: exercises.id }).from(exercises).where(eq(exercises.athleteId, athleteId)).all().length;
}

describe("webhooks against the simulator", () => {
  it("registers through the client (PING answered), then stores uploaded data without any click", async () => {
    const { userId, polarUserId, db, runner, url, adminDeps } = await setUp("aino");
    const status = await createInstanceWebhook(adminDeps, url);
    expect(status.atPolar).toMatchObject({ url, active: true });
    expect(status.secretMatches).toBe(true);

    // Baseline: a scheduled sync takes what was there before the upload.
    const tick = await runSchedulerTick({ db, runner, intervalMinutes: 60, maxConcurrentRuns: 5 }, sim.clock.now());
    expect(tick.started.map((started) => started.athleteId)).toEqual([userId]);
    await runner.waitFor(tick.started[0]?.runId ?? "");
    const before = countExercises(db, userId);

    sim.admin.upload(polarUserId, { exercises: 2, sleep: true });
    await sim.admin.waitForDeliveries();
    const deliveries = sim.admin.listDeliveries();
    expect(deliveries.map((delivery) => [delivery.event, delivery.status])).toEqual(
      expect.arrayContaining([
        ["EXERCISE", 200],
        ["SLEEP", 200],
      ]),
    );
    expect(deliveries.every((delivery) => delivery.ok)).toBe(true);
    const pending = db.select().from(webhookEvents).where(eq(webhookEvents.status, "pending")).all();
    expect(pending.length).toBe(deliveries.length);

    const dispatched = dispatchDueWebhookEvents({ db, runner }, sim.clock.now() + WEBHOOK_MAX_DELAY_MS);
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]).toMatchObject({ athleteId: userId, joined: false, events: deliveries.length });
    const result = await runner.waitFor(dispatched[0]?.runId ?? "");
    expect(result?.status).toBe("succeeded");
    expect(result?.counts.exercise?.new).toBe(2);
    expect(countExercises(db, userId)).toBe(before + 2);
    const runs = db.select({ trigger: syncRuns.trigger }).from(syncRuns).where(eq(syncRuns.athleteId, userId)).all();
    expect(runs.map((run) => run.trigger).sort()).toEqual(["schedule", "webhook"]);
  });

  it("turns doubled deliveries into one run and refuses a forged one", async () => {
    const { userId, polarUserId, db, runner, url, adminDeps } = await setUp("priya");
    await createInstanceWebhook(adminDeps, url);
    sim.admin.setSwitches({ webhookDuplicateProbability: 1, signatureHeader: "X-Polar-Webhook-Signature" });
    sim.admin.upload(polarUserId, { exercises: 1 });
    await sim.admin.waitForDeliveries();
    const deliveries = sim.admin.listDeliveries();
    expect(deliveries.filter((delivery) => delivery.event === "EXERCISE")).toHaveLength(2);
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
    expect(db.select().from(webhookEvents).all()).toHaveLength(1);

    const body = JSON.stringify({ event: "SLEEP", user_id: polarUserId, date: "2026-01-08", timestamp: "2026-01-08T06:00:00Z", url: `${sim.url}/v3/users/sleep/2026-01-08` });
    const forged = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "polar-webhook-event": "SLEEP", "polar-webhook-signature": computeWebhookSignature(new TextEncoder().encode(body), "guessed-secret") },
      body,
    });
    expect(forged.status).toBe(401);
    expect(db.select().from(webhookEvents).all()).toHaveLength(1);

    const dispatched = dispatchDueWebhookEvents({ db, runner }, sim.clock.now() + WEBHOOK_MAX_DELAY_MS);
    expect(dispatched).toHaveLength(1);
    await runner.waitFor(dispatched[0]?.runId ?? "");
    expect(db.select().from(syncRuns).where(eq(syncRuns.athleteId, userId)).all()).toHaveLength(1);
  });

  it("reports Polar's view of the webhook and deletes it with the stored secret", async () => {
    const { url, adminDeps } = await setUp("aino");
    await createInstanceWebhook(adminDeps, url);
    await sim.admin.waitForDeliveries();
    expect((await getInstanceWebhookStatus(adminDeps, url)).atPolar?.active).toBe(true);
    const { deleted } = await deleteInstanceWebhook(adminDeps);
    expect(deleted).toHaveLength(1);
    const after = await getInstanceWebhookStatus(adminDeps, url);
    expect(after).toMatchObject({ atPolar: null, stored: null, secretMatches: false });
  });
});
