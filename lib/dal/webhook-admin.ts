import "server-only";
import { getDb } from "@/db";
import { getViewer, requireViewer, type Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createPolarClient, isPolarError } from "@/lib/polar";
import {
  activateInstanceWebhook,
  createInstanceWebhook,
  deleteInstanceWebhook,
  getInstanceWebhookStatus,
  toWebhookUrl,
  type WebhookAdminDeps,
  type WebhookStatus,
} from "@/lib/sync/webhook-registration";

/**
 * The instance owner's management of the Polar client's one webhook (settings → Webhook). Only viewers whose
 * Polar user id is in ADMIN_POLAR_USER_IDS may read or change it; anyone else gets not_found, so the page
 * does not even admit it exists.
 */

export type WebhookAdminView = { status: WebhookStatus | null; error: string | null };

function isAdmin(viewer: Viewer | null): boolean {
  return viewer !== null && viewer.polarUserId !== null && getEnv().ADMIN_POLAR_USER_IDS.includes(viewer.polarUserId);
}

/** For the settings link: true only for the instance owner. */
export async function isViewerWebhookAdmin(): Promise<boolean> {
  return isAdmin(await getViewer());
}

async function requireWebhookAdmin(): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!isAdmin(viewer)) throw new AppError("not_found", "This page does not exist.");
  return viewer;
}

function buildDeps(): WebhookAdminDeps {
  const env = getEnv();
  return {
    db: getDb(),
    tokenKey: env.TOKEN_ENCRYPTION_KEY,
    now: Date.now,
    polar: createPolarClient({
      apiBaseUrl: env.POLAR_API_URL,
      tokenUrl: env.POLAR_TOKEN_URL,
      clientId: env.POLAR_CLIENT_ID,
      clientSecret: env.POLAR_CLIENT_SECRET,
    }),
  };
}

export function expectedWebhookUrl(): string {
  return toWebhookUrl(getEnv().APP_URL);
}

/** Stable outcome codes: the page turns them into words (a URL never carries free text to display). */
export type WebhookOutcomeCode =
  | "created"
  | "activated"
  | "no_webhook"
  | "deleted"
  | "nothing_to_delete"
  | "conflict"
  | "ping_failed"
  | "bad_credentials"
  | "rate_limited"
  | "polar_unavailable"
  | "polar_error";

export function toFailureCode(error: unknown): WebhookOutcomeCode {
  if (!isPolarError(error)) return "polar_error";
  switch (error.code) {
    case "conflict":
      return "conflict";
    case "bad_request":
      return "ping_failed";
    case "unauthorized":
      return "bad_credentials";
    case "rate_limited":
      return "rate_limited";
    case "upstream":
      return "polar_unavailable";
    case "not_found":
      return "no_webhook";
    default:
      return "polar_error";
  }
}

/** Words an operator can act on. Never includes credentials or the secret. */
export function describeWebhookOutcome(code: WebhookOutcomeCode, url: string): { ok: boolean; message: string } {
  switch (code) {
    case "created":
      return { ok: true, message: `Webhook created for ${url}; its signature secret is stored encrypted.` };
    case "activated":
      return { ok: true, message: "Polar activated the webhook (after a successful PING)." };
    case "deleted":
      return { ok: true, message: "Webhook deleted at Polar; scheduled polling keeps data coming." };
    case "nothing_to_delete":
      return { ok: true, message: "Polar had no webhook; any stored secret was removed." };
    case "no_webhook":
      return { ok: false, message: "Polar has no webhook for this client: create one first." };
    case "conflict":
      return { ok: false, message: "Polar already has a webhook for this client. Delete it first (its secret is not stored here), then create it again." };
    case "ping_failed":
      return { ok: false, message: `Polar could not PING ${url}. The URL must be reachable from Polar's servers and answer 200.` };
    case "bad_credentials":
      return { ok: false, message: "Polar rejected the client credentials (POLAR_CLIENT_ID / POLAR_CLIENT_SECRET)." };
    case "rate_limited":
      return { ok: false, message: "Polar's request limit was reached; try again in a few minutes." };
    case "polar_unavailable":
      return { ok: false, message: "Polar did not answer properly; try again later." };
    case "polar_error":
      return { ok: false, message: "Polar answered with an unexpected error; try again later." };
  }
}

export const WEBHOOK_OUTCOME_CODES: readonly WebhookOutcomeCode[] = [
  "created",
  "activated",
  "no_webhook",
  "deleted",
  "nothing_to_delete",
  "conflict",
  "ping_failed",
  "bad_credentials",
  "rate_limited",
  "polar_unavailable",
  "polar_error",
];

export async function getWebhookAdminView(): Promise<WebhookAdminView> {
  await requireWebhookAdmin();
  const url = expectedWebhookUrl();
  try {
    return { status: await getInstanceWebhookStatus(buildDeps(), url), error: null };
  } catch (error) {
    return { status: null, error: describeWebhookOutcome(toFailureCode(error), url).message };
  }
}

async function runAdminAction(action: (deps: WebhookAdminDeps, url: string) => Promise<WebhookOutcomeCode>): Promise<WebhookOutcomeCode> {
  await requireWebhookAdmin();
  try {
    return await action(buildDeps(), expectedWebhookUrl());
  } catch (error) {
    return toFailureCode(error);
  }
}

export function createWebhookAsAdmin(): Promise<WebhookOutcomeCode> {
  return runAdminAction(async (deps, url) => {
    await createInstanceWebhook(deps, url);
    return "created";
  });
}

export function activateWebhookAsAdmin(): Promise<WebhookOutcomeCode> {
  return runAdminAction(async (deps, url) => ((await activateInstanceWebhook(deps, url)).activated ? "activated" : "no_webhook"));
}

export function deleteWebhookAsAdmin(): Promise<WebhookOutcomeCode> {
  return runAdminAction(async (deps) => ((await deleteInstanceWebhook(deps)).deleted.length > 0 ? "deleted" : "nothing_to_delete"));
}
