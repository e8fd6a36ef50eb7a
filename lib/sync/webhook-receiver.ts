import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { polarConnections } from "@/db/schema/auth";
import { webhookEvents } from "@/db/schema/webhooks";
import { readCappedBody } from "@/lib/http/capped-body";
import { POLAR_WEBHOOK_EVENTS, PolarWebhookPayloadSchema, type PolarWebhookPayload } from "@/lib/polar/schemas/webhooks";
import { readWebhookSecret } from "./webhook-registration";
import { readSignatureHeader, verifyWebhookSignature } from "./webhook-signature";

/**
 * Receiving Polar webhooks (polar-accesslink.md §7, design §3). The body is read through a cap, the HMAC-SHA256
 * signature is verified over the raw bytes before anything is parsed, PING is answered without acting, and each
 * data event is recorded once (unique event key) for webhook-dispatch.ts to turn into a debounced sync.
 * Polling (the scheduler) stays the fallback: webhooks can be late, doubled, missing or silently deactivated.
 */

/** Polar's payloads are a few hundred bytes; anything far larger is not Polar. */
export const WEBHOOK_MAX_BODY_BYTES = 64 * 1024;

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
 * - A body over WEBHOOK_MAX_BODY_BYTES → 413: refused from its Content-Length before reading, or cut off by the
 *   capped read when it has none. PING included: nothing unbounded is read for anyone.
 * - PING (by the `Polar-Webhook-Event` header) → 200 without a signature and without acting: the first PING
 *   comes before the create response has handed us the secret (§7.3, gotcha 8).
 * - Missing or wrong signature → 401, nothing recorded. Valid signature, bad JSON or shape → 400.
 * - Unknown Polar user or event type → 200 and ignored.
 */
export async function handlePolarWebhook(request: Request, deps: WebhookReceiverDeps): Promise<Response> {
  const log = deps.log ?? ((message: string) => console.info(message));
  const read = await readCappedBody(request, WEBHOOK_MAX_BODY_BYTES);
  if (!read.ok) {
    return read.reason === "too_large" ? reply(413, { error: "payload_too_large" }) : reply(400, { error: "bad_content_length" });
  }
  const body = read.bytes;
  if (request.headers.get("polar-webhook-event")?.trim().toUpperCase() === "PING") {
    return reply(200, { status: "pong" });
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

