import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { webhookEvents } from "@/db/schema/webhooks";
import { PolarError, type PolarClient } from "@/lib/polar";
import { createInProcessRunner } from "@/lib/sync/runner";
import { finishRun } from "@/lib/sync/runs";
import {
  dispatchDueWebhookEvents,
  nextWebhookDueAt,
  toWebhookResources,
  WEBHOOK_DEBOUNCE_MS,
  WEBHOOK_MAX_DELAY_MS,
} from "@/lib/sync/webhook-dispatch";
import { handlePolarWebhook, toWebhookEventKey } from "@/lib/sync/webhook-receiver";
import { getStoredWebhook, readWebhookSecret, saveStoredWebhook } from "@/lib/sync/webhook-registration";
import { computeWebhookSignature, verifyWebhookSignature } from "@/lib/sync/webhook-signature";
import { addAthlete, countRuns, createRecordingRunner, createTestDb, TOKEN_KEY, type TestDb } from "./support";

// §7.3 test vectors.
const SECRET = "6c1f0d7e-4b2a-11ef-9d3c-0242ac120002";
const VECTOR_BODY =
  '{"event":"EXERCISE","user_id":48213977,"entity_id":"bN7xQ2","timestamp":"2024-05-02T16:21:40Z","url":"https://www.polaraccesslink.com/v3/exercises/bN7xQ2"}';
const VECTOR_SIGNATURE = "51d24b7920e63477a21486c43f9cff38de4c9b45f267b2b456d2d696ea510e73";
const PING_BODY = '{"timestamp":"2024-05-01T08:00:00.00Z","event":"PING"}';
const PING_SIGNATURE = "4b49155fa9876743ef0168f21923a9272acdaa4471d9dd93d8323019c6c2878e";
const AINO = 48213977;
const T0 = Date.UTC(2026, 2, 1, 8, 0, 0);

const bytes = (text: string) => new TextEncoder().encode(text);

function delivery(body: string, headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/webhooks/polar", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

function signed(body: string, event: string, options: { secret?: string; header?: string } = {}): Request {
  return delivery(body, {
    "polar-webhook-event": event,
    [options.header ?? "polar-webhook-signature"]: computeWebhookSignature(bytes(body), options.secret ?? SECRET),
  });
}

function sleepEvent(date: string, timestamp = `${date}T04:10:02Z`, userId = AINO): string {
  return JSON.stringify({ event: "SLEEP", user_id: userId, date, timestamp, url: `https://www.polaraccesslink.com/v3/users/sleep/${date}` });
}

describe("signature (§7.3)", () => {
  it("reproduces the test vectors", () => {
    expect(computeWebhookSignature(bytes(VECTOR_BODY), SECRET)).toBe(VECTOR_SIGNATURE);
    expect(computeWebhookSignature(bytes(PING_BODY), SECRET)).toBe(PING_SIGNATURE);
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), VECTOR_SIGNATURE, SECRET)).toBe(true);
  });

  it("compares case-insensitively and rejects anything else", () => {
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), VECTOR_SIGNATURE.toUpperCase(), SECRET)).toBe(true);
    expect(verifyWebhookSignature(bytes(`${VECTOR_BODY}\n`), VECTOR_SIGNATURE, SECRET)).toBe(false);
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), VECTOR_SIGNATURE, `${SECRET}x`)).toBe(false);
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), VECTOR_SIGNATURE.slice(0, 62), SECRET)).toBe(false);
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), `${VECTOR_SIGNATURE}00`, SECRET)).toBe(false);
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), `${VECTOR_SIGNATURE.slice(0, 63)}g`, SECRET)).toBe(false);
    expect(verifyWebhookSignature(bytes(VECTOR_BODY), null, SECRET)).toBe(false);
  });
});

describe("POST /api/webhooks/polar", () => {
  let unit: TestDb;
  let now = T0;
  let accepted = 0;
  const logs: string[] = [];
  const receive = (request: Request) =>
    handlePolarWebhook(request, {
      db: unit.db,
      tokenKey: TOKEN_KEY,
      now: () => now,
      onAccepted: () => {
        accepted += 1;
      },
      log: (message) => logs.push(message),
    });

  beforeEach(() => {
    unit = createTestDb();
    now = T0;
    accepted = 0;
    logs.length = 0;
    addAthlete(unit.db, { id: "aino", polarUserId: AINO });
    saveStoredWebhook(unit.db, { id: "e3c9a1", url: "http://localhost:3000/api/webhooks/polar", events: ["EXERCISE", "SLEEP"], signatureSecretKey: SECRET }, TOKEN_KEY, T0);
  });

  afterEach(() => unit.close());

  it("stores the secret encrypted and reads it back", () => {
    const raw = unit.db.$client.prepare("select secret_encrypted from polar_webhook").get() as { secret_encrypted: string };
    expect(raw.secret_encrypted).not.toContain(SECRET);
    expect(readWebhookSecret(unit.db, TOKEN_KEY)).toBe(SECRET);
    expect(getStoredWebhook(unit.db)).toMatchObject({ id: "e3c9a1", events: ["EXERCISE", "SLEEP"], activeAtPolar: true });
  });

  it("accepts the §7.3 vector delivery and records one pending event", async () => {
    const response = await receive(delivery(VECTOR_BODY, { "polar-webhook-event": "EXERCISE", "polar-webhook-signature": VECTOR_SIGNATURE }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "accepted" });
    const rows = unit.db.select().from(webhookEvents).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ event: "EXERCISE", athleteId: "aino", entity: "bN7xQ2", status: "pending", receivedAt: T0 });
    expect(accepted).toBe(1);
  });

  it("answers a forged signature with 401 and records nothing", async () => {
    const forged = delivery(VECTOR_BODY, { "polar-webhook-event": "EXERCISE", "polar-webhook-signature": computeWebhookSignature(bytes(VECTOR_BODY), "not-the-secret") });
    expect((await receive(forged)).status).toBe(401);
    expect((await receive(delivery(VECTOR_BODY, { "polar-webhook-event": "EXERCISE" }))).status).toBe(401);
    expect(unit.db.select().from(webhookEvents).all()).toHaveLength(0);
    expect(accepted).toBe(0);
    now = T0 + WEBHOOK_MAX_DELAY_MS;
    expect(dispatchDueWebhookEvents({ db: unit.db, runner: createRecordingRunner(unit.db, () => now) }, now)).toEqual([]);
    expect(countRuns(unit.db)).toBe(0);
    expect(logs.join("\n")).not.toContain(SECRET);
  });

  it("refuses every data event while no secret is stored", async () => {
    unit.db.delete((await import("@/db/schema/webhooks")).polarWebhooks).run();
    expect((await receive(signed(VECTOR_BODY, "EXERCISE"))).status).toBe(401);
    expect(unit.db.select().from(webhookEvents).all()).toHaveLength(0);
  });

  it("answers PING with 200 without a signature and without acting", async () => {
    const unsigned = await receive(delivery(PING_BODY, { "polar-webhook-event": "PING" }));
    expect(unsigned.status).toBe(200);
    expect(await unsigned.json()).toEqual({ status: "pong" });
    const wronglySigned = await receive(delivery(PING_BODY, { "polar-webhook-event": "PING", "polar-webhook-signature": "00".repeat(32) }));
    expect(wronglySigned.status).toBe(200);
    expect(unit.db.select().from(webhookEvents).all()).toHaveLength(0);
    expect(accepted).toBe(0);
  });

  it("accepts the signature under the X- spelling", async () => {
    const response = await receive(signed(sleepEvent("2026-03-01"), "SLEEP", { header: "x-polar-webhook-signature" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "accepted" });
  });

  it("answers malformed JSON after a valid signature with 400 and records nothing", async () => {
    expect((await receive(signed('{"event":"SLEEP",', "SLEEP"))).status).toBe(400);
    expect((await receive(signed('{"event":"SLEEP","user_id":"abc"}', "SLEEP"))).status).toBe(400);
    expect((await receive(signed('{"event":"SLEEP","date":"2026-03-01"}', "SLEEP"))).status).toBe(400);
    expect(unit.db.select().from(webhookEvents).all()).toHaveLength(0);
  });

  it("ignores events of unknown Polar users with 200", async () => {
    const response = await receive(signed(sleepEvent("2026-03-01", "2026-03-01T04:10:02Z", 11111111), "SLEEP"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ignored" });
    expect(unit.db.select().from(webhookEvents).all()).toHaveLength(0);
    expect(logs.some((line) => line.includes("not connected here"))).toBe(true);
  });

  it("turns the same event delivered twice into one run", async () => {
    const body = sleepEvent("2026-03-01");
    expect(await (await receive(signed(body, "SLEEP"))).json()).toEqual({ status: "accepted" });
    now = T0 + 300;
    expect(await (await receive(signed(body, "SLEEP"))).json()).toEqual({ status: "duplicate" });
    expect(unit.db.select().from(webhookEvents).all()).toHaveLength(1);

    const runner = createRecordingRunner(unit.db, () => now);
    now = T0 + 300 + WEBHOOK_DEBOUNCE_MS;
    const dispatched = dispatchDueWebhookEvents({ db: unit.db, runner }, now);
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]).toMatchObject({ athleteId: "aino", joined: false, events: 1 });
    // A replay after the run: still the same key, still nothing new.
    now += 60_000;
    expect(await (await receive(signed(body, "SLEEP"))).json()).toEqual({ status: "duplicate" });
    expect(dispatchDueWebhookEvents({ db: unit.db, runner }, now + WEBHOOK_MAX_DELAY_MS)).toEqual([]);
    expect(countRuns(unit.db, "aino")).toBe(1);
    expect(runner.starts).toEqual([{ athleteId: "aino", trigger: "webhook", joined: false, resources: ["sleep", "nightly-recharge", "cardio-load"] }]);
  });

  it("debounces a burst of different events into one run after the quiet window", async () => {
    const runner = createRecordingRunner(unit.db, () => now);
    await receive(signed(sleepEvent("2026-03-01"), "SLEEP"));
    now = T0 + 6_000;
    await receive(signed(VECTOR_BODY, "EXERCISE"));
    expect(nextWebhookDueAt(unit.db)).toBe(T0 + 6_000 + WEBHOOK_DEBOUNCE_MS);
    now = T0 + WEBHOOK_DEBOUNCE_MS;
    expect(dispatchDueWebhookEvents({ db: unit.db, runner }, now)).toEqual([]);
    now = T0 + 6_000 + WEBHOOK_DEBOUNCE_MS;
    const dispatched = dispatchDueWebhookEvents({ db: unit.db, runner }, now);
    expect(dispatched).toEqual([{ athleteId: "aino", runId: dispatched[0]?.runId, joined: false, events: 2 }]);
    expect(nextWebhookDueAt(unit.db)).toBeNull();
    expect(countRuns(unit.db)).toBe(1);
    const rows = unit.db.select().from(webhookEvents).all();
    expect(rows.map((row) => [row.status, row.runId])).toEqual([
      ["dispatched", dispatched[0]?.runId],
      ["dispatched", dispatched[0]?.runId],
    ]);
  });

  it("starts a run of exercise and cardio load for an EXERCISE event", async () => {
    const runner = createRecordingRunner(unit.db, () => now);
    expect(await (await receive(signed(VECTOR_BODY, "EXERCISE"))).json()).toEqual({ status: "accepted" });
    now = T0 + WEBHOOK_DEBOUNCE_MS;
    const dispatched = dispatchDueWebhookEvents({ db: unit.db, runner }, now);
    expect(dispatched).toEqual([{ athleteId: "aino", runId: dispatched[0]?.runId, joined: false, events: 1 }]);
    expect(runner.starts).toEqual([{ athleteId: "aino", trigger: "webhook", joined: false, resources: ["exercise", "cardio-load"] }]);
  });

  it("merges EXERCISE and SLEEP within the debounce window into one run of their union", async () => {
    const runner = createRecordingRunner(unit.db, () => now);
    await receive(signed(VECTOR_BODY, "EXERCISE"));
    now = T0 + WEBHOOK_DEBOUNCE_MS - 1;
    await receive(signed(sleepEvent("2026-03-01"), "SLEEP"));
    // The doubled SLEEP adds nothing: one event, one run.
    expect(await (await receive(signed(sleepEvent("2026-03-01"), "SLEEP"))).json()).toEqual({ status: "duplicate" });
    expect(dispatchDueWebhookEvents({ db: unit.db, runner }, T0 + WEBHOOK_DEBOUNCE_MS)).toEqual([]);
    now = T0 + 2 * WEBHOOK_DEBOUNCE_MS - 1;
    const dispatched = dispatchDueWebhookEvents({ db: unit.db, runner }, now);
    expect(dispatched).toEqual([{ athleteId: "aino", runId: dispatched[0]?.runId, joined: false, events: 2 }]);
    expect(runner.starts).toEqual([
      { athleteId: "aino", trigger: "webhook", joined: false, resources: ["exercise", "sleep", "nightly-recharge", "cardio-load"] },
    ]);
    expect(dispatchDueWebhookEvents({ db: unit.db, runner }, now + WEBHOOK_MAX_DELAY_MS)).toEqual([]);
    expect(countRuns(unit.db, "aino")).toBe(1);
  });

  it("records SleepWise events without starting a run", async () => {
    const runner = createRecordingRunner(unit.db, () => now);
    const body = JSON.stringify({ event: "SLEEP_WISE_ALERTNESS", user_id: AINO, from: "2026-02-27", to: "2026-03-01", timestamp: "2026-03-01T07:00:00Z" });
    expect(await (await receive(signed(body, "SLEEP_WISE_ALERTNESS"))).json()).toEqual({ status: "accepted" });
    now = T0 + WEBHOOK_DEBOUNCE_MS;
    expect(dispatchDueWebhookEvents({ db: unit.db, runner }, now)).toEqual([]);
    expect(runner.starts).toEqual([]);
    expect(countRuns(unit.db)).toBe(0);
    expect(unit.db.select().from(webhookEvents).all().map((row) => [row.event, row.status, row.runId, row.dispatchedAt])).toEqual([
      ["SLEEP_WISE_ALERTNESS", "skipped", null, now],
    ]);
    expect(nextWebhookDueAt(unit.db)).toBeNull();
  });

  it("holds events that fall due while a run is going, then gives them their own run once it has ended", async () => {
    const runner = createRecordingRunner(unit.db, () => now);
    const click = runner.start("aino", "click");
    await receive(signed(sleepEvent("2026-03-01"), "SLEEP"));
    now = T0 + WEBHOOK_DEBOUNCE_MS;
    // The click's run may have read sleep before this night was announced: joining it could miss the night.
    expect(dispatchDueWebhookEvents({ db: unit.db, runner }, now)).toEqual([]);
    expect(unit.db.select().from(webhookEvents).all().map((row) => [row.status, row.runId])).toEqual([["pending", null]]);
    expect(nextWebhookDueAt(unit.db)).toBe(T0 + WEBHOOK_DEBOUNCE_MS);

    now = T0 + WEBHOOK_DEBOUNCE_MS + 5_000;
    finishRun(unit.db, "aino", click.runId, "succeeded", { step: "Done", itemsDone: 0, itemsTotal: 0, counts: {}, errors: [], requestCount: 0 }, now);
    const dispatched = dispatchDueWebhookEvents({ db: unit.db, runner }, now);
    expect(dispatched).toEqual([{ athleteId: "aino", runId: dispatched[0]?.runId, joined: false, events: 1 }]);
    expect(dispatched[0]?.runId).not.toBe(click.runId);
    expect(runner.starts.at(-1)).toEqual({ athleteId: "aino", trigger: "webhook", joined: false, resources: ["sleep", "nightly-recharge", "cardio-load"] });
    expect(countRuns(unit.db)).toBe(2);
    expect(nextWebhookDueAt(unit.db)).toBeNull();
  });

  it("keeps events of an athlete who must reconnect without scheduling a sync", async () => {
    addAthlete(unit.db, { id: "revoked", polarUserId: 77777777, state: "reconnect_needed" });
    const response = await receive(signed(sleepEvent("2026-03-01", "2026-03-01T04:10:02Z", 77777777), "SLEEP"));
    expect(await response.json()).toEqual({ status: "skipped" });
    expect(accepted).toBe(0);
    expect(dispatchDueWebhookEvents({ db: unit.db, runner: createRecordingRunner(unit.db, () => now) }, T0 + WEBHOOK_MAX_DELAY_MS)).toEqual([]);
  });

  it("keys events by event, user, entity or date and Polar's timestamp", () => {
    expect(toWebhookEventKey({ event: "EXERCISE", user_id: 1, entity_id: "bN7xQ2", timestamp: "2024-05-02T16:21:40Z" })).toBe(
      "EXERCISE|1|bN7xQ2|2024-05-02T16:21:40Z",
    );
    expect(toWebhookEventKey({ event: "SLEEP_WISE_ALERTNESS", user_id: 1, from: "2024-05-01", to: "2024-05-03" })).toBe(
      "SLEEP_WISE_ALERTNESS|1|2024-05-01..2024-05-03|",
    );
  });
});

describe("event → resources", () => {
  it("maps each Polar event to the data types it changed", () => {
    expect(toWebhookResources(["EXERCISE"])).toEqual(["exercise", "cardio-load"]);
    expect(toWebhookResources(["SLEEP"])).toEqual(["sleep", "nightly-recharge", "cardio-load"]);
    expect(toWebhookResources(["CONTINUOUS_HEART_RATE"])).toEqual(["continuous-hr"]);
    expect(toWebhookResources(["ACTIVITY_SUMMARY"])).toEqual(["activity"]);
    expect(toWebhookResources(["PHYSICAL_INFORMATION"])).toEqual(["physical-info"]);
    expect(toWebhookResources(["SLEEP_WISE_CIRCADIAN_BEDTIME", "SLEEP_WISE_ALERTNESS"])).toEqual([]);
    expect(toWebhookResources(["SOMETHING_NEW"])).toEqual([]);
  });

  it("returns the union in run order, each resource once", () => {
    expect(toWebhookResources(["ACTIVITY_SUMMARY", "EXERCISE", "PHYSICAL_INFORMATION", "EXERCISE", "SLEEP_WISE_ALERTNESS"])).toEqual([
      "physical-info",
      "exercise",
      "activity",
      "cardio-load",
    ]);
  });
});

describe("two clicks", () => {
  it("start one run: the second joins the first", async () => {
    const unit = createTestDb();
    try {
      addAthlete(unit.db, { id: "aino", polarUserId: AINO });
      // Every Polar call waits until the test releases it, so the first run is still going at the second click.
      const waiting: (() => void)[] = [];
      const pending = () =>
        new Promise<never>((_resolve, reject) => {
          waiting.push(() => reject(new PolarError("upstream", "released by the test", { status: 503 })));
        });
      const user = new Proxy({}, { get: () => pending });
      const polar = { forUser: () => user } as unknown as PolarClient;
      const runner = createInProcessRunner(() => ({ db: unit.db, polar, tokenKey: TOKEN_KEY }));
      const first = runner.start("aino", "click");
      const second = runner.start("aino", "click");
      expect(first.joined).toBe(false);
      expect(second).toEqual({ runId: first.runId, joined: true });
      expect(countRuns(unit.db)).toBe(1);
      let settled = false;
      const finished = runner.waitFor(first.runId).finally(() => {
        settled = true;
      });
      while (!settled) {
        waiting.shift()?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      const result = await finished;
      expect(result?.status).toBe("failed");
      expect(result?.runId).toBe(first.runId);
      expect(countRuns(unit.db)).toBe(1);
    } finally {
      unit.close();
    }
  });
});
