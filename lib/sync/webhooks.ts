import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { polarConnections } from "@/db/schema/auth";
import { polarWebhooks, webhookEvents } from "@/db/schema/webhooks";
import { decryptSecret, encryptSecret } from "@/lib/auth/token-crypto";
import { POLAR_WEBHOOK_EVENTS, PolarWebhookPayloadSchema, type PolarWebhookEvent, type PolarWebhookPayload } from "@/lib/polar/schemas/webhooks";
import type { PolarClient } from "@/lib/polar";
import type { SyncJobRunner } from "./runner";
import { findLiveRun } from "./runs";
import { SYNC_RESOURCES, type SyncResource } from "./types";

/**
 * Polar webhooks (polar-accesslink.md §7, design §3). The receiver verifies the HMAC-SHA256 signature over the
 * raw body before it parses anything, answers PING without acting, and records each data event once (unique
 * event key). Recorded events become ONE debounced sync run per athlete; events that fall due while a run is
 * going wait for it to end and then get their own run (the running one may be past what they announce).
 * Polling (the scheduler) stays the fallback: webhooks can be late, doubled, missing or silently deactivated.
 */

/** An athlete's events are dispatched once none has arrived for this long (one watch sync = a burst of events). */
export const WEBHOOK_DEBOUNCE_MS = 10_000;
/** …but never later than this after the first pending one, so a steady trickle cannot postpone the sync forever. */
export const WEBHOOK_MAX_DELAY_MS = 60_000;
/** Due events of an athlete whose run is still going are looked at again this often. */
export const WEBHOOK_BUSY_RETRY_MS = 1_000;
/** Polar's payloads are a few hundred bytes; anything far larger is not Polar. */
export const WEBHOOK_MAX_BODY_BYTES = 64 * 1024;

const SIGNATURE_HEADERS = ["polar-webhook-signature", "x-polar-webhook-signature"] as const;

// ── signature ──

/** Lowercase hex HMAC-SHA256 of the raw body bytes, keyed with the UTF-8 bytes of the secret (§7.3). */
export function computeWebhookSignature(body: Uint8Array, secret: string): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest("hex");
}

/**
 * Constant-time check of a `Polar-Webhook-Signature` value. Hex is compared as bytes (so case does not matter)
 * and only when both sides are 32 bytes: timingSafeEqual needs equal lengths and a length mismatch says nothing
 * about the secret.
 */
export function verifyWebhookSignature(body: Uint8Array, signature: string | null, secret: string): boolean {
  if (signature === null) return false;
  const trimmed = signature.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(trimmed)) return false;
  const given = Buffer.from(trimmed, "hex");
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signature under either spelling seen in the wild (§7.3: the docs' name, and an integrator's `X-` one). */
export function readSignatureHeader(headers: Headers): string | null {
  for (const name of SIGNATURE_HEADERS) {
    const value = headers.get(name);
    if (value !== null) return value;
  }
  return null;
}

// ── the stored webhook (one per Polar client) ──

export type StoredWebhook = {
  id: string;
  url: string;
  events: string[];
  createdAt: number;
  checkedAt: number | null;
  activeAtPolar: boolean | null;
};

const eventsJsonSchema = z.array(z.string());

export function getStoredWebhook(db: Db): StoredWebhook | null {
  const row = db.select().from(polarWebhooks).limit(1).get();
  if (!row) return null;
  return {
    id: row.id,
    url: row.url,
    events: eventsJsonSchema.parse(JSON.parse(row.eventsJson)),
    createdAt: row.createdAt,
    checkedAt: row.checkedAt,
    activeAtPolar: row.activeAtPolar,
  };
}

/** The decrypted signature secret, or null when no webhook is stored (then every data event is refused). */
export function readWebhookSecret(db: Db, tokenKey: string): string | null {
  const row = db.select({ secretEncrypted: polarWebhooks.secretEncrypted }).from(polarWebhooks).limit(1).get();
  return row ? decryptSecret(row.secretEncrypted, tokenKey) : null;
}

/** Replaces the stored webhook: Polar keeps one per client, so a new one makes any older row meaningless. */
export function saveStoredWebhook(
  db: Db,
  created: { id: string; url: string; events: string[]; signatureSecretKey: string },
  tokenKey: string,
  now: number,
): void {
  db.transaction((tx) => {
    tx.delete(polarWebhooks).run();
    tx.insert(polarWebhooks)
      .values({
        id: created.id,
        url: created.url,
        eventsJson: JSON.stringify(created.events),
        secretEncrypted: encryptSecret(created.signatureSecretKey, tokenKey),
        createdAt: now,
        checkedAt: now,
        activeAtPolar: true,
      })
      .run();
  });
}

// ── management (the script and the admin settings call these) ──

export type WebhookAdminDeps = { db: Db; polar: PolarClient; tokenKey: string; now: () => number };

export type WebhookStatus = {
  /** What Polar reports (null: Polar has no webhook for this client). */
  atPolar: { id: string; url: string; events: string[]; active: boolean } | null;
  /** What this instance stored (null: no secret here, so data events cannot be verified). */
  stored: StoredWebhook | null;
  /** The stored secret belongs to the webhook Polar reports. */
  secretMatches: boolean;
  expectedUrl: string;
};

/** Everything a Threshold instance can use; PING is implicit and cannot be subscribed to (§7.2). */
export const WEBHOOK_EVENTS: PolarWebhookEvent[] = [...POLAR_WEBHOOK_EVENTS];

export function toWebhookUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/webhooks/polar`;
}

/**
 * Creates the client's webhook and stores its secret encrypted at once (Polar shows it only now). Polar PINGs
 * the URL first, so the app must be reachable from Polar. 409 (one already exists) surfaces as PolarError.
 */
export async function createInstanceWebhook(deps: WebhookAdminDeps, url: string): Promise<WebhookStatus> {
  const created = await deps.polar.webhooks.create({ url, events: WEBHOOK_EVENTS });
  saveStoredWebhook(deps.db, created, deps.tokenKey, deps.now());
  return getInstanceWebhookStatus(deps, url);
}

/** Asks Polar for the webhook (is it still active? auto-deactivation after 7 days of failures) and records it. */
export async function getInstanceWebhookStatus(deps: WebhookAdminDeps, expectedUrl: string): Promise<WebhookStatus> {
  const list = await deps.polar.webhooks.list();
  const atPolar = list[0] ?? null;
  const stored = getStoredWebhook(deps.db);
  if (stored) {
    deps.db
      .update(polarWebhooks)
      .set({ checkedAt: deps.now(), activeAtPolar: atPolar && atPolar.id === stored.id ? atPolar.active : null })
      .where(eq(polarWebhooks.id, stored.id))
      .run();
  }
  return {
    atPolar,
    stored: getStoredWebhook(deps.db),
    secretMatches: stored !== null && atPolar !== null && atPolar.id === stored.id,
    expectedUrl,
  };
}

/** `POST /v3/webhooks/activate` (Polar PINGs again); false when Polar has no webhook. */
export async function activateInstanceWebhook(deps: WebhookAdminDeps, expectedUrl: string): Promise<{ activated: boolean; status: WebhookStatus }> {
  const activated = await deps.polar.webhooks.activate();
  return { activated, status: await getInstanceWebhookStatus(deps, expectedUrl) };
}

/** Deletes the webhook at Polar (every one listed: there is at most one) and the stored secret. */
export async function deleteInstanceWebhook(deps: WebhookAdminDeps): Promise<{ deleted: string[] }> {
  const list = await deps.polar.webhooks.list();
  for (const webhook of list) await deps.polar.webhooks.remove(webhook.id);
  deps.db.delete(polarWebhooks).run();
  return { deleted: list.map((webhook) => webhook.id) };
}

// ── receiving ──

export type WebhookReceiverDeps = {
  db: Db;
  tokenKey: string;
  now?: () => number;
  /** Called after an event was recorded as pending (the app arms its debounce timer here). */
  onAccepted?: () => void;
  /** Operational log; never given secrets, signatures or bodies. */
  log?: (message: string) => void;
};

export type WebhookOutcome = "pong" | "accepted" | "duplicate" | "ignored" | "skipped";

/** The identity of one notification: event, user, entity/date/range and Polar's own timestamp. */
export function toWebhookEventKey(payload: PolarWebhookPayload & { user_id: number }): string {
  return [payload.event, payload.user_id, toEntity(payload) ?? "", payload.timestamp ?? ""].join("|");
}

function toEntity(payload: PolarWebhookPayload): string | null {
  if (payload.entity_id) return payload.entity_id;
  if (payload.date) return payload.date;
  if (payload.from || payload.to) return `${payload.from ?? ""}..${payload.to ?? ""}`;
  return null;
}

function reply(status: number, body: Record<string, string>): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

const KNOWN_EVENTS = new Set<string>(POLAR_WEBHOOK_EVENTS);

/**
 * `POST /api/webhooks/polar`. Answers fast and never awaits a sync: Polar counts slow answers as failures and
 * deactivates a webhook after 7 days of them.
 * - PING (by the `Polar-Webhook-Event` header) → 200 without a signature and without acting: the first PING
 *   comes before the create response has handed us the secret (§7.3, gotcha 8).
 * - Missing or wrong signature → 401, nothing recorded. Valid signature, bad JSON or shape → 400.
 * - Unknown Polar user or event type → 200 and ignored.
 */
export async function handlePolarWebhook(request: Request, deps: WebhookReceiverDeps): Promise<Response> {
  const log = deps.log ?? ((message: string) => console.info(message));
  const body = new Uint8Array(await request.arrayBuffer());
  if (request.headers.get("polar-webhook-event")?.trim().toUpperCase() === "PING") {
    return reply(200, { status: "pong" });
  }
  if (body.byteLength > WEBHOOK_MAX_BODY_BYTES) {
    return reply(413, { error: "payload_too_large" });
  }

  const signature = readSignatureHeader(request.headers);
  let secret: string | null;
  try {
    secret = readWebhookSecret(deps.db, deps.tokenKey);
  } catch {
    // Stored under another TOKEN_ENCRYPTION_KEY: nothing can be verified until the webhook is created again.
    log("webhook refused: the stored webhook secret cannot be decrypted (TOKEN_ENCRYPTION_KEY changed?)");
    return reply(401, { error: "invalid_signature" });
  }
  if (secret === null || !verifyWebhookSignature(body, signature, secret)) {
    log(
      secret === null
        ? "webhook refused: no webhook secret is stored (create the webhook with `npm run webhook -- create`)"
        : `webhook refused: ${signature === null ? "missing" : "invalid"} signature`,
    );
    return reply(401, { error: "invalid_signature" });
  }

  let parsedJson: unknown;
  try {
    parsedJson = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    return reply(400, { error: "malformed_json" });
  }
  const parsed = PolarWebhookPayloadSchema.safeParse(parsedJson);
  if (!parsed.success) return reply(400, { error: "malformed_payload" });
  const payload = parsed.data;
  if (payload.event === "PING") return reply(200, { status: "pong" });
  if (!KNOWN_EVENTS.has(payload.event)) {
    log(`webhook ignored: unknown event type ${payload.event.slice(0, 40)}`);
    return reply(200, { status: "ignored" });
  }
  if (payload.user_id === null || payload.user_id === undefined) return reply(400, { error: "malformed_payload" });
  const userId = payload.user_id;

  const connection = deps.db
    .select({ athleteId: polarConnections.userId, state: polarConnections.state })
    .from(polarConnections)
    .where(eq(polarConnections.polarUserId, userId))
    .get();
  if (!connection) {
    log(`webhook ignored: ${payload.event} for a Polar user not connected here`);
    return reply(200, { status: "ignored" });
  }

  const now = (deps.now ?? Date.now)();
  // A revoked token cannot read anything: only a new sign-in fixes it, so the event is kept but not synced.
  const status = connection.state === "reconnect_needed" || connection.state === "disconnected" ? "skipped" : "pending";
  const inserted = deps.db
    .insert(webhookEvents)
    .values({
      eventKey: toWebhookEventKey({ ...payload, user_id: userId }),
      event: payload.event,
      polarUserId: userId,
      athleteId: connection.athleteId,
      entity: toEntity(payload),
      receivedAt: now,
      status,
    })
    .onConflictDoNothing({ target: webhookEvents.eventKey })
    .returning({ id: webhookEvents.id })
    .all();
  if (inserted.length === 0) return reply(200, { status: "duplicate" });
  if (status === "skipped") return reply(200, { status: "skipped" });
  deps.onAccepted?.();
  return reply(200, { status: "accepted" });
}

// ── dispatching (debounce) ──

/**
 * The resources each event says changed (polar-accesslink.md §7.2). Polar sends no Nightly Recharge event: the
 * recharge arrives with the night, so SLEEP brings it. SleepWise has nothing AccessLink lets us sync: such
 * events are recorded and ignored.
 */
const EVENT_RESOURCES: Record<PolarWebhookEvent, readonly SyncResource[]> = {
  EXERCISE: ["exercise"],
  SLEEP: ["sleep", "nightly-recharge"],
  CONTINUOUS_HEART_RATE: ["continuous-hr"],
  ACTIVITY_SUMMARY: ["activity"],
  PHYSICAL_INFORMATION: ["physical-info"],
  SLEEP_WISE_CIRCADIAN_BEDTIME: [],
  SLEEP_WISE_ALERTNESS: [],
};

function isPolarWebhookEvent(event: string): event is PolarWebhookEvent {
  return KNOWN_EVENTS.has(event);
}

/**
 * The union of the resources a set of recorded events affects, in run order. Cardio load has no event of its
 * own: Polar recomputes it from training sessions and nights, so it follows exercise and sleep.
 */
export function toWebhookResources(events: readonly string[]): SyncResource[] {
  const wanted = new Set<SyncResource>();
  for (const event of events) {
    if (!isPolarWebhookEvent(event)) continue;
    for (const resource of EVENT_RESOURCES[event]) wanted.add(resource);
  }
  if (wanted.has("exercise") || wanted.has("sleep")) wanted.add("cardio-load");
  return SYNC_RESOURCES.filter((resource) => wanted.has(resource));
}

export type WebhookDispatchDeps = {
  db: Db;
  runner: Pick<SyncJobRunner, "start">;
  debounceMs?: number;
  maxDelayMs?: number;
};

export type DispatchedRun = { athleteId: string; runId: string; joined: boolean; events: number };

type PendingGroup = { athleteId: string; first: number; last: number };

function listPendingGroups(db: Db): PendingGroup[] {
  return db
    .select({
      athleteId: webhookEvents.athleteId,
      first: sql<number>`min(${webhookEvents.receivedAt})`,
      last: sql<number>`max(${webhookEvents.receivedAt})`,
    })
    .from(webhookEvents)
    .where(eq(webhookEvents.status, "pending"))
    .groupBy(webhookEvents.athleteId)
    .all();
}

function dueAt(group: PendingGroup, debounceMs: number, maxDelayMs: number): number {
  return Math.min(group.last + debounceMs, group.first + maxDelayMs);
}

/**
 * Starts one run per athlete whose pending events are due (quiet for the debounce window, or waiting for the
 * maximum delay), limited to the union of the resources those events affect. Events that affect nothing
 * syncable (SleepWise) start no run and are marked skipped. While a run is going for the athlete their events
 * stay pending: that run may have read exercises before this new one was announced, so joining it could leave
 * the announced data to the next scheduled sync. They are dispatched once it has ended.
 */
export function dispatchDueWebhookEvents(deps: WebhookDispatchDeps, now: number): DispatchedRun[] {
  const debounceMs = deps.debounceMs ?? WEBHOOK_DEBOUNCE_MS;
  const maxDelayMs = deps.maxDelayMs ?? WEBHOOK_MAX_DELAY_MS;
  const due = listPendingGroups(deps.db).filter((group) => dueAt(group, debounceMs, maxDelayMs) <= now);
  const dispatched: DispatchedRun[] = [];
  for (const group of due) {
    const events = deps.db
      .select({ id: webhookEvents.id, event: webhookEvents.event })
      .from(webhookEvents)
      .where(
        and(eq(webhookEvents.athleteId, group.athleteId), eq(webhookEvents.status, "pending"), lte(webhookEvents.receivedAt, now)),
      )
      .all();
    if (events.length === 0) continue;
    const ids = events.map((event) => event.id);
    const resources = toWebhookResources(events.map((event) => event.event));
    if (resources.length > 0 && findLiveRun(deps.db, group.athleteId, now) !== null) continue;
    if (resources.length === 0) {
      deps.db
        .update(webhookEvents)
        .set({ status: "skipped", dispatchedAt: now })
        .where(and(inArray(webhookEvents.id, ids), eq(webhookEvents.status, "pending")))
        .run();
      continue;
    }
    const begun = deps.runner.start(group.athleteId, "webhook", { resources });
    const updated = deps.db
      .update(webhookEvents)
      .set({ status: "dispatched", runId: begun.runId, dispatchedAt: now })
      .where(and(inArray(webhookEvents.id, ids), eq(webhookEvents.status, "pending")))
      .returning({ id: webhookEvents.id })
      .all();
    dispatched.push({ athleteId: group.athleteId, runId: begun.runId, joined: begun.joined, events: updated.length });
  }
  return dispatched;
}

/** When the next pending group becomes due (epoch ms), or null when nothing waits. */
export function nextWebhookDueAt(db: Db, debounceMs = WEBHOOK_DEBOUNCE_MS, maxDelayMs = WEBHOOK_MAX_DELAY_MS): number | null {
  const groups = listPendingGroups(db);
  if (groups.length === 0) return null;
  return Math.min(...groups.map((group) => dueAt(group, debounceMs, maxDelayMs)));
}

export type WebhookDispatcher = {
  /** An event was recorded: make sure a timer will dispatch it. */
  notify(): void;
  stop(): void;
};

/**
 * The in-process timer behind the debounce. Pending events live in SQLite, so a restart loses nothing: the
 * scheduler tick dispatches whatever a stopped process left pending.
 */
export function createWebhookDispatcher(options: {
  getDeps: () => WebhookDispatchDeps;
  now?: () => number;
  onError?: (error: unknown) => void;
}): WebhookDispatcher {
  const now = options.now ?? Date.now;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  function arm(delayMs: number): void {
    if (stopped || timer !== null) return;
    timer = setTimeout(fire, Math.max(0, delayMs));
    timer.unref();
  }

  function fire(): void {
    timer = null;
    try {
      const deps = options.getDeps();
      dispatchDueWebhookEvents(deps, now());
      const next = nextWebhookDueAt(deps.db, deps.debounceMs, deps.maxDelayMs);
      // Still due after dispatching: those athletes have a run going; look again shortly, not in a busy loop.
      if (next !== null) arm(next <= now() ? WEBHOOK_BUSY_RETRY_MS : next - now());
    } catch (error) {
      options.onError?.(error);
    }
  }

  return {
    notify() {
      const deps = options.getDeps();
      arm((deps.debounceMs ?? WEBHOOK_DEBOUNCE_MS) + 50);
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** How many recorded notifications each run absorbed (the history page shows it). */
export function countWebhookEventsByRun(db: Db, runIds: string[]): Map<string, number> {
  if (runIds.length === 0) return new Map();
  const rows = db
    .select({ runId: webhookEvents.runId, count: sql<number>`count(*)` })
    .from(webhookEvents)
    .where(inArray(webhookEvents.runId, runIds))
    .groupBy(webhookEvents.runId)
    .all();
  return new Map(rows.flatMap((row) => (row.runId === null ? [] : [[row.runId, row.count] as [string, number]])));
}
