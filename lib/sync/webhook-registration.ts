import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { polarWebhooks } from "@/db/schema/webhooks";
import { decryptSecret, encryptSecret } from "@/lib/auth/token-crypto";
import { POLAR_WEBHOOK_EVENTS, type PolarWebhookEvent } from "@/lib/polar/schemas/webhooks";
import type { PolarClient } from "@/lib/polar";

/**
 * The client's one Polar webhook (polar-accesslink.md §7): its stored row with the signature secret encrypted
 * at rest, and the management calls the `npm run webhook` script and the admin settings page use.
 */

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
