import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signWebhookBody } from "@/lib/polar-sim";
import type { Sim } from "./helpers";
import { DAY_MS, basicHeader, connectAthlete, postAdmin, startTestSimulator } from "./helpers";

/** §13 "Webhooks": management, PINGs, signed deliveries, failure tracking, U16. */

type Received = { path: string; event: string; signature: string | undefined; body: string };

/** A webhook receiver whose answer per event type the test chooses. */
function startReceiver(): Promise<{ url: string; received: Received[]; statusFor: Map<string, number>; close(): Promise<void> }> {
  const received: Received[] = [];
  const statusFor = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const event = String(req.headers["polar-webhook-event"] ?? "");
      const signature = req.headers["polar-webhook-signature"] ?? req.headers["x-polar-webhook-signature"];
      received.push({ path: req.url ?? "", event, signature: Array.isArray(signature) ? signature[0] : signature, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(statusFor.get(event) ?? statusFor.get("*") ?? 200);
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        statusFor,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

let sim: Sim;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  [sim, receiver] = await Promise.all([startTestSimulator(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([sim.close(), receiver.close()]);
});
beforeEach(async () => {
  await postAdmin(sim, "/reset");
  receiver.received.length = 0;
  receiver.statusFor.clear();
});

function webhooks(path = "", init: RequestInit = {}): Promise<Response> {
  return fetch(`${sim.url}/v3/webhooks${path}`, {
    ...init,
    headers: { authorization: basicHeader(), "content-type": "application/json", accept: "application/json" },
  });
}

const ALL_EVENTS = ["EXERCISE", "SLEEP", "CONTINUOUS_HEART_RATE", "ACTIVITY_SUMMARY", "PHYSICAL_INFORMATION"];

async function createWebhook(url = `${receiver.url}/hook`, events = ALL_EVENTS): Promise<{ id: string; signature_secret_key: string }> {
  const response = await webhooks("", { method: "POST", body: JSON.stringify({ events, url }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { data: { id: string; signature_secret_key: string } }).data;
}

describe("signature", () => {
  it("reproduces the test vectors of §7.3", () => {
    const secret = "6c1f0d7e-4b2a-11ef-9d3c-0242ac120002";
    const body =
      '{"event":"EXERCISE","user_id":48213977,"entity_id":"bN7xQ2","timestamp":"2024-05-02T16:21:40Z","url":"https://www.polaraccesslink.com/v3/exercises/bN7xQ2"}';
    expect(signWebhookBody(secret, body)).toBe("51d24b7920e63477a21486c43f9cff38de4c9b45f267b2b456d2d696ea510e73");
    expect(signWebhookBody(secret, '{"timestamp":"2024-05-01T08:00:00.00Z","event":"PING"}')).toBe(
      "4b49155fa9876743ef0168f21923a9272acdaa4471d9dd93d8323019c6c2878e",
    );
  });
});

describe("management", () => {
  it("requires Basic auth", async () => {
    expect((await fetch(`${sim.url}/v3/webhooks`)).status).toBe(401);
  });

  it("fails the create with the wrapped WebhookPingFailedException unless the PING gets 200", async () => {
    receiver.statusFor.set("PING", 400);
    const response = await webhooks("", { method: "POST", body: JSON.stringify({ events: ["EXERCISE"], url: `${receiver.url}/hook` }) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      status: 400,
      error_type: "WebhookPingFailedException",
      message: `Ping failed to URL ${receiver.url}/hook. Response code was [400]`,
    });
    expect(String(body.error.timestamp)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(Object.keys(body.error).sort()).toEqual(["corr_id", "error_type", "message", "status", "timestamp"]);
    expect(await (await webhooks()).json()).toEqual({ data: [] });
    const bad = await webhooks("", { method: "POST", body: "{oops" });
    expect(bad.status).toBe(400);
  });

  it("creates one webhook per client after a PING; the secret is shown only once", async () => {
    const created = await createWebhook();
    expect(created.signature_secret_key).toMatch(/^[0-9a-f-]{36}$/);
    const ping = receiver.received[0];
    expect(ping.event).toBe("PING");
    expect(JSON.parse(ping.body)).toEqual({ timestamp: "2026-01-05T06:00:00.00Z", event: "PING" });
    expect(ping.body).toBe('{"timestamp":"2026-01-05T06:00:00.00Z","event":"PING"}');
    expect(ping.signature).toBe(signWebhookBody(created.signature_secret_key, ping.body));

    const second = await webhooks("", { method: "POST", body: JSON.stringify({ events: ["SLEEP"], url: `${receiver.url}/other` }) });
    expect(second.status).toBe(409);
    const listed = await webhooks();
    expect(await listed.json()).toEqual({ data: [{ id: created.id, events: ALL_EVENTS, url: `${receiver.url}/hook`, active: true }] });
  });

  it("re-pings on a URL change, deletes, and activates/deactivates (204 without a webhook)", async () => {
    expect((await webhooks("/activate", { method: "POST" })).status).toBe(204);
    expect((await webhooks("/deactivate", { method: "POST" })).status).toBe(204);
    const created = await createWebhook();
    receiver.statusFor.set("PING", 500);
    const failed = await webhooks(`/${created.id}`, { method: "PATCH", body: JSON.stringify({ url: `${receiver.url}/moved` }) });
    expect(failed.status).toBe(400);
    receiver.statusFor.delete("PING");
    const pingsBefore = receiver.received.filter((r) => r.event === "PING").length;
    const moved = await webhooks(`/${created.id}`, { method: "PATCH", body: JSON.stringify({ url: `${receiver.url}/moved`, events: ["SLEEP"] }) });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({ data: [{ id: created.id, events: ["SLEEP"], url: `${receiver.url}/moved`, active: true }] });
    expect(receiver.received.filter((r) => r.event === "PING")).toHaveLength(pingsBefore + 1);
    expect(receiver.received[receiver.received.length - 1].path).toBe("/moved");

    expect((await webhooks("/deactivate", { method: "POST" })).status).toBe(200);
    expect(((await (await webhooks()).json()) as { data: { active: boolean }[] }).data[0].active).toBe(false);
    expect((await webhooks("/activate", { method: "POST" })).status).toBe(200);
    expect(receiver.received.filter((r) => r.event === "PING")).toHaveLength(pingsBefore + 2);
    expect((await webhooks("/nope", { method: "DELETE" })).status).toBe(404);
    expect((await webhooks(`/${created.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await webhooks(`/${created.id}`, { method: "DELETE" })).status).toBe(404);
    expect(await (await webhooks()).json()).toEqual({ data: [] });
  });
});

describe("deliveries", () => {
  it("posts a signed §7.4 payload for every upload that becomes visible, and for admin uploads at once", async () => {
    const secret = (await createWebhook()).signature_secret_key;
    const { userId } = await connectAthlete(sim, "aino");
    const start = sim.clock.now();
    sim.clock.advance(DAY_MS);
    await sim.admin.waitForDeliveries();
    const events = receiver.received.filter((r) => r.event !== "PING");
    const expected = (sim.dataset.athlete(userId)?.uploadsBetween(start, sim.clock.now() + 1) ?? []).filter((u) =>
      ["exercise", "sleep", "continuous-heart-rate", "daily-activity", "physical-info"].includes(u.kind),
    );
    expect(events).toHaveLength(expected.length);
    for (const delivery of events) expect(delivery.signature).toBe(signWebhookBody(secret, delivery.body));
    const exercise = expected.find((u) => u.kind === "exercise");
    if (!exercise || exercise.kind !== "exercise") throw new Error("no exercise on day 0");
    const exerciseBody = events.find((e) => e.event === "EXERCISE")?.body;
    expect(exerciseBody).toBe(
      JSON.stringify({
        event: "EXERCISE",
        user_id: userId,
        entity_id: exercise.hashedId,
        timestamp: new Date(exercise.uploadedAt).toISOString().replace(/\.000Z$/, "Z"),
        url: `${sim.url}/v3/exercises/${exercise.hashedId}`,
      }),
    );
    const sleep = JSON.parse(events.find((e) => e.event === "SLEEP")?.body ?? "{}") as Record<string, unknown>;
    expect(Object.keys(sleep)).toEqual(["event", "user_id", "date", "timestamp", "url"]);
    expect(sleep.url).toBe(`${sim.url}/v3/users/sleep/${String(sleep.date)}`);

    receiver.received.length = 0;
    await postAdmin(sim, `/athletes/${userId}/upload`, { exercises: 1 });
    await sim.admin.waitForDeliveries();
    expect(receiver.received.map((r) => r.event)).toEqual(["EXERCISE"]);
  });

  it("deactivates the webhook after 7 days of failed deliveries and survives a receiver that is down", async () => {
    await createWebhook();
    await connectAthlete(sim, "aino");
    receiver.statusFor.set("*", 500);
    receiver.statusFor.set("PING", 200);
    sim.clock.advance(DAY_MS);
    await sim.admin.waitForDeliveries();
    const state = async (): Promise<boolean> => ((await (await webhooks()).json()) as { data: { active: boolean }[] }).data[0].active;
    expect(await state()).toBe(true);
    sim.clock.advance(7 * DAY_MS);
    await sim.admin.waitForDeliveries();
    expect(await state()).toBe(false);
    const failures = ((await (await fetch(`${sim.url}/__admin/deliveries`)).json()) as { ok: boolean; status: number }[]).filter((d) => !d.ok);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures[0].status).toBe(500);

    // A receiver that goes down costs failed attempts, never the simulator.
    await postAdmin(sim, "/reset");
    const doomed = await startReceiver();
    await createWebhook(`${doomed.url}/hook`);
    await connectAthlete(sim, "mikko");
    await doomed.close();
    const since = ((await (await fetch(`${sim.url}/__admin/deliveries`)).json()) as unknown[]).length;
    sim.clock.advance(DAY_MS);
    await sim.admin.waitForDeliveries();
    const refused = (await (await fetch(`${sim.url}/__admin/deliveries?since=${since}`)).json()) as { ok: boolean; status: number | null }[];
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((d) => !d.ok && d.status === null)).toBe(true);
    expect((await fetch(`${sim.url}/__admin/clock`)).status).toBe(200);
    const moved = await webhooks(`/${((await (await webhooks()).json()) as { data: { id: string }[] }).data[0].id}`, {
      method: "PATCH",
      body: JSON.stringify({ url: `${doomed.url}/again` }),
    });
    expect(((await moved.json()) as { error: { message: string } }).error.message).toContain("Response code was [no response]");
  });

  it("duplicates and drops deliveries by switch (U16)", async () => {
    await createWebhook();
    const { userId } = await connectAthlete(sim, "aino");
    await postAdmin(sim, "/switches", { webhookDropEvents: ["SLEEP", "CONTINUOUS_HEART_RATE"], webhookDuplicateProbability: 1 });
    sim.clock.advance(DAY_MS);
    await sim.admin.waitForDeliveries();
    const events = receiver.received.filter((r) => r.event !== "PING");
    expect(events.some((e) => e.event === "SLEEP" || e.event === "CONTINUOUS_HEART_RATE")).toBe(false);
    const exercises = events.filter((e) => e.event === "EXERCISE");
    expect(exercises.length).toBeGreaterThan(0);
    expect(exercises.length % 2).toBe(0);
    expect(exercises[0].body).toBe(exercises[1].body);
    expect(JSON.parse(exercises[0].body)).toMatchObject({ event: "EXERCISE", user_id: userId });
  });
});
