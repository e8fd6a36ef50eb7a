import { createHmac } from "node:crypto";
import { authenticateBasic } from "@/lib/polar-sim/auth";
import type { JsonObject, JsonValue, SimUpload } from "@/lib/polar-sim/contract";
import { DAY_MS, formatUtcMillis, formatUtcSeconds } from "@/lib/polar-sim/dates";
import { listDeliveredUploads } from "@/lib/polar-sim/habits";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { parseJsonBody, respondEmpty, respondJson } from "@/lib/polar-sim/http";
import type { SimContext, Webhook } from "@/lib/polar-sim/state";
import { createOpaqueId, createUuidLike } from "@/lib/polar-sim/state";

/** Webhooks (§7): management over Basic auth, PINGs, signed deliveries of new uploads, auto-deactivation. */

export const WEBHOOK_EVENTS = [
  "EXERCISE",
  "SLEEP",
  "CONTINUOUS_HEART_RATE",
  "SLEEP_WISE_CIRCADIAN_BEDTIME",
  "SLEEP_WISE_ALERTNESS",
  "ACTIVITY_SUMMARY",
  "PHYSICAL_INFORMATION",
];

/** A webhook failing for this long (sim clock) is deactivated (since 28.06.2023). */
export const WEBHOOK_FAILURE_DEACTIVATION_MS = 7 * DAY_MS;
const DELIVERY_TIMEOUT_MS = 10_000;

/** Lowercase hex HMAC-SHA256 of the exact body bytes, keyed with the UTF-8 bytes of the secret (§7.3). */
export function signWebhookBody(secret: string, body: Buffer | string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex");
}

type PostResult = { ok: boolean; status: number | null };

async function postJson(url: string, body: Buffer, headers: Record<string, string>): Promise<PostResult> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      redirect: "manual",
    });
    await response.arrayBuffer().catch(() => undefined);
    return { ok: response.status === 200, status: response.status };
  } catch {
    return { ok: false, status: null };
  }
}

/** `2024-05-01T08:00:00.00Z`: Polar's PING timestamp keeps two fractional digits. */
function formatPingTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/(\.\d{2})\dZ$/, "$1Z");
}

async function sendPing(ctx: SimContext, url: string, secret: string): Promise<PostResult> {
  const body = Buffer.from(JSON.stringify({ timestamp: formatPingTimestamp(ctx.clock.now()), event: "PING" }), "utf8");
  const switches = ctx.state.switches;
  const headers: Record<string, string> = { "Polar-Webhook-Event": "PING" };
  if (switches.pingSigned) headers[switches.signatureHeader] = signWebhookBody(secret, body);
  return postJson(url, body, headers);
}

/** The observed wrapped snake_case error body of the webhook API (§9.2); flat camelCase with U7 "spec". */
function respondWebhookError(ctx: SimContext, status: number, errorType: string, message: string): SimResponse {
  const timestamp = formatUtcMillis(ctx.clock.now());
  const corrId = createUuidLike(ctx.state, "corr");
  if (ctx.state.switches.errorBodyShape === "spec") {
    return respondJson(status, { timestamp: timestamp.replace(/\.\d{3}Z$/, "Z"), status, errorType, message, corrId });
  }
  return respondJson(status, { error: { timestamp: timestamp.replace(/Z$/, ""), status, error_type: errorType, message, corr_id: corrId } });
}

function pingFailed(ctx: SimContext, url: string, result: PostResult): SimResponse {
  const code = result.status === null ? "no response" : String(result.status);
  return respondWebhookError(ctx, 400, "WebhookPingFailedException", `Ping failed to URL ${url}. Response code was [${code}]`);
}

function toWebhookView(webhook: Webhook): JsonObject {
  return { id: webhook.id, events: [...webhook.events], url: webhook.url, active: webhook.active };
}

type WebhookInput = { events?: string[]; url?: string };

function parseWebhookInput(value: unknown): WebhookInput | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const out: WebhookInput = {};
  if (record.events !== undefined) {
    const events = record.events;
    if (!Array.isArray(events) || events.length === 0) return null;
    if (!events.every((event): event is string => typeof event === "string" && WEBHOOK_EVENTS.includes(event))) return null;
    out.events = [...new Set(events)];
  }
  if (record.url !== undefined) {
    if (typeof record.url !== "string" || !/^https?:\/\/\S+$/.test(record.url)) return null;
    out.url = record.url;
  }
  return out;
}

type Delivery = { webhook: Webhook; event: string; userId: number | null; body: Buffer };

/** Sequential, fire-and-forget deliveries: a receiver that is down costs a failed attempt, never the server. */
export type WebhookDispatcher = {
  /** Considers uploads visible up to now for every active webhook and queues their events. */
  scan(): void;
  /** Queues the events of freshly created uploads (admin upload). */
  deliverUploads(uploads: SimUpload[]): void;
  /** Resolves once every queued delivery has been attempted. */
  idle(): Promise<void>;
  /** Drops queued deliveries (reset, close). */
  clear(): void;
};

function mapUploadToEvent(ctx: SimContext, upload: SimUpload): { event: string; fields: JsonObject } | null {
  const base = ctx.url;
  switch (upload.kind) {
    case "exercise":
      return { event: "EXERCISE", fields: { entity_id: upload.hashedId, url: `${base}/v3/exercises/${upload.hashedId}` } };
    case "sleep":
      return { event: "SLEEP", fields: { date: upload.date, url: `${base}/v3/users/sleep/${upload.date}` } };
    case "continuous-heart-rate":
      return {
        event: "CONTINUOUS_HEART_RATE",
        fields: { date: upload.date, url: `${base}/v3/users/continuous-heart-rate/${upload.date}` },
      };
    case "daily-activity":
      return { event: "ACTIVITY_SUMMARY", fields: { date: upload.date, url: `${base}/v3/users/activities/${upload.date}` } };
    case "physical-info":
      return { event: "PHYSICAL_INFORMATION", fields: { url: `${base}/v3/users/physical-info` } };
    default:
      // Nightly Recharge, cardio load and the transactional activity summary have no event of their own.
      return null;
  }
}

/** Exact payload bytes in §7.4 key order: event, user_id, entity_id/date, timestamp, url. */
function buildPayload(event: string, userId: number, fields: JsonObject, timestampMs: number): Buffer {
  const { url, ...identity } = fields;
  const payload: Record<string, JsonValue> = { event, user_id: userId, ...identity, timestamp: formatUtcSeconds(timestampMs), url };
  return Buffer.from(JSON.stringify(payload), "utf8");
}

export function createWebhookDispatcher(ctx: SimContext): WebhookDispatcher {
  const queue: Delivery[] = [];
  let running: Promise<void> | null = null;
  let generation = 0;

  const isCurrent = (webhook: Webhook): boolean => ctx.state.webhooks.get(webhook.clientId) === webhook;

  const recordResult = (delivery: Delivery, result: PostResult): void => {
    const now = ctx.clock.now();
    ctx.state.deliveries.push({
      seq: ctx.state.deliveries.length + 1,
      event: delivery.event,
      userId: delivery.userId,
      url: delivery.webhook.url,
      status: result.status,
      ok: result.ok,
      at: formatUtcMillis(now),
    });
    const webhook = delivery.webhook;
    if (!isCurrent(webhook)) return;
    if (result.ok) {
      webhook.failingSince = null;
      return;
    }
    webhook.failingSince ??= now;
    if (now - webhook.failingSince >= WEBHOOK_FAILURE_DEACTIVATION_MS) webhook.active = false;
  };

  const drain = async (): Promise<void> => {
    const mine = generation;
    while (queue.length > 0 && mine === generation) {
      const delivery = queue.shift();
      if (!delivery || !isCurrent(delivery.webhook) || !delivery.webhook.active) continue;
      const switches = ctx.state.switches;
      const headers = {
        "Polar-Webhook-Event": delivery.event,
        [switches.signatureHeader]: signWebhookBody(delivery.webhook.secret, delivery.body),
      };
      const result = await postJson(delivery.webhook.url, delivery.body, headers);
      if (mine === generation) recordResult(delivery, result);
    }
  };

  const kick = (): void => {
    if (running) return;
    running = drain()
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (queue.length > 0) kick();
      });
  };

  const enqueueUpload = (webhook: Webhook, upload: SimUpload): void => {
    const mapped = mapUploadToEvent(ctx, upload);
    if (!mapped || !webhook.events.includes(mapped.event)) return;
    const switches = ctx.state.switches;
    if (switches.webhookDropEvents.includes(mapped.event)) return;
    const delivery: Delivery = {
      webhook,
      event: mapped.event,
      userId: upload.userId,
      body: buildPayload(mapped.event, upload.userId, mapped.fields, upload.uploadedAt),
    };
    queue.push(delivery);
    // U16: the same event twice, as observed for SLEEP.
    if (switches.webhookDuplicateProbability > 0 && ctx.state.webhookRandom() < switches.webhookDuplicateProbability) queue.push(delivery);
  };

  const registeredSince = (clientId: string, userId: number): number | null => {
    for (const registration of ctx.state.registrations.values()) {
      if (registration.clientId === clientId && registration.userId === userId) return registration.registeredAt;
    }
    return null;
  };

  return {
    scan(): void {
      const now = ctx.clock.now();
      for (const webhook of ctx.state.webhooks.values()) {
        if (webhook.failingSince !== null && now - webhook.failingSince >= WEBHOOK_FAILURE_DEACTIVATION_MS) webhook.active = false;
        if (!webhook.active) {
          webhook.scannedUntil = Math.max(webhook.scannedUntil, now);
          continue;
        }
        if (now <= webhook.scannedUntil) continue;
        const registrations = [...ctx.state.registrations.values()]
          .filter((registration) => registration.clientId === webhook.clientId)
          .sort((a, b) => a.userId - b.userId);
        const uploads: SimUpload[] = [];
        for (const registration of registrations) {
          const athlete = ctx.state.dataset.athlete(registration.userId);
          if (!athlete) continue;
          const from = Math.max(webhook.scannedUntil + 1, registration.registeredAt);
          uploads.push(...listDeliveredUploads(ctx, athlete, from, now + 1));
        }
        uploads.sort((a, b) => a.uploadedAt - b.uploadedAt || a.userId - b.userId);
        for (const upload of uploads) enqueueUpload(webhook, upload);
        webhook.scannedUntil = now;
      }
      if (queue.length > 0) kick();
    },
    deliverUploads(uploads: SimUpload[]): void {
      for (const webhook of ctx.state.webhooks.values()) {
        if (!webhook.active) continue;
        for (const upload of uploads) {
          const since = registeredSince(webhook.clientId, upload.userId);
          if (since !== null && upload.uploadedAt >= since) enqueueUpload(webhook, upload);
        }
      }
      if (queue.length > 0) kick();
    },
    async idle(): Promise<void> {
      while (running) await running;
    },
    clear(): void {
      generation += 1;
      queue.length = 0;
    },
  };
}

/** `/v3/webhooks[/…]` (Basic). */
export async function handleWebhooks(ctx: SimContext, request: SimRequest, segments: string[]): Promise<SimResponse> {
  const client = authenticateBasic(ctx, request);
  if (!client) return respondEmpty(401);
  const current = ctx.state.webhooks.get(client.clientId);
  const method = request.method;
  const [first, ...more] = segments;

  if (first === undefined) {
    if (method === "GET") return respondJson(200, { data: current ? [toWebhookView(current)] : [] });
    if (method !== "POST") return respondWebhookError(ctx, 405, "MethodNotAllowedException", "Method not allowed");
    if (current) return respondWebhookError(ctx, 409, "WebhookAlreadyExistsException", "Webhook already exists");
    const parsed = parseJsonBody(request);
    const input = parsed.ok ? parseWebhookInput(parsed.value) : null;
    if (!input || input.events === undefined || input.url === undefined) {
      return respondWebhookError(ctx, 400, "ValidationException", "Both events and url are required");
    }
    const secret = createUuidLike(ctx.state, "webhook-secret");
    // The PING goes out before the create answer hands the secret over (§7.3).
    const ping = await sendPing(ctx, input.url, secret);
    if (!ping.ok) return pingFailed(ctx, input.url, ping);
    if (ctx.state.webhooks.has(client.clientId)) return respondWebhookError(ctx, 409, "WebhookAlreadyExistsException", "Webhook already exists");
    const webhook: Webhook = {
      id: createOpaqueId(ctx.state, "webhook-id", 6),
      clientId: client.clientId,
      events: input.events,
      url: input.url,
      secret,
      active: true,
      failingSince: null,
      scannedUntil: ctx.clock.now(),
    };
    ctx.state.webhooks.set(client.clientId, webhook);
    return respondJson(201, { data: { id: webhook.id, events: [...webhook.events], url: webhook.url, signature_secret_key: secret } });
  }

  if ((first === "activate" || first === "deactivate") && more.length === 0) {
    if (method !== "POST") return respondWebhookError(ctx, 405, "MethodNotAllowedException", "Method not allowed");
    if (!current) return respondEmpty(204);
    if (first === "deactivate") {
      current.active = false;
      return respondEmpty(200);
    }
    const ping = await sendPing(ctx, current.url, current.secret);
    if (!ping.ok) return pingFailed(ctx, current.url, ping);
    current.active = true;
    current.failingSince = null;
    // Uploads made while inactive are not delivered afterwards.
    current.scannedUntil = Math.max(current.scannedUntil, ctx.clock.now());
    return respondEmpty(200);
  }

  if (more.length > 0 || !current || current.id !== first) return respondWebhookError(ctx, 404, "WebhookNotFoundException", "Webhook not found");
  if (method === "DELETE") {
    ctx.state.webhooks.delete(client.clientId);
    return respondEmpty(204);
  }
  if (method !== "PATCH") return respondWebhookError(ctx, 405, "MethodNotAllowedException", "Method not allowed");
  const parsed = parseJsonBody(request);
  const input = parsed.ok ? parseWebhookInput(parsed.value) : null;
  if (!input) return respondWebhookError(ctx, 400, "ValidationException", "Invalid events or url");
  if (input.url !== undefined && input.url !== current.url) {
    const ping = await sendPing(ctx, input.url, current.secret);
    if (!ping.ok) return pingFailed(ctx, input.url, ping);
    current.url = input.url;
  }
  if (input.events !== undefined) current.events = input.events;
  return respondJson(200, { data: [toWebhookView(current)] });
}
