// npm run webhook -- status | create [--url <url>] | activate | delete
// Manages the Polar client's one webhook (polar-accesslink.md §7.1). `create` stores the signature secret
// encrypted (TOKEN_ENCRYPTION_KEY) in DATABASE_PATH at once: Polar shows it only in that response.
import "./load-env";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db/client";
import { getEnv } from "@/lib/env";
import { createPolarClient, isPolarError } from "@/lib/polar";
import {
  activateInstanceWebhook,
  createInstanceWebhook,
  deleteInstanceWebhook,
  getInstanceWebhookStatus,
  toWebhookUrl,
  type WebhookStatus,
} from "@/lib/sync/webhook-registration";

const USAGE = "Usage: npm run webhook -- status | create [--url <https://…/api/webhooks/polar>] | activate | delete";

const { values, positionals } = parseArgs({
  options: { url: { type: "string" } },
  allowPositionals: true,
});

function printStatus(status: WebhookStatus): void {
  const polar = status.atPolar;
  console.log(`receiver URL of this instance: ${status.expectedUrl}`);
  if (!polar) {
    console.log("at Polar: no webhook");
  } else {
    console.log(`at Polar: ${polar.id} ${polar.active ? "ACTIVE" : "INACTIVE"} -> ${polar.url}`);
    console.log(`  events: ${polar.events.join(", ")}`);
    if (polar.url !== status.expectedUrl) console.log("  note: Polar delivers to a different URL than APP_URL implies");
  }
  console.log(
    `signature secret: ${status.secretMatches ? "stored (encrypted)" : status.stored ? "stored for another webhook id: delete and create again" : "not stored: deliveries will be refused"}`,
  );
}

async function main(): Promise<void> {
  const command = positionals[0];
  if (!command || !["status", "create", "activate", "delete"].includes(command)) {
    console.error(USAGE);
    process.exit(2);
  }
  const env = getEnv();
  const db = openDatabase(env.DATABASE_PATH);
  const deps = {
    db,
    tokenKey: env.TOKEN_ENCRYPTION_KEY,
    now: Date.now,
    polar: createPolarClient({
      apiBaseUrl: env.POLAR_API_URL,
      tokenUrl: env.POLAR_TOKEN_URL,
      clientId: env.POLAR_CLIENT_ID,
      clientSecret: env.POLAR_CLIENT_SECRET,
    }),
  };
  const url = values.url ?? toWebhookUrl(env.APP_URL);
  try {
    if (command === "status") {
      printStatus(await getInstanceWebhookStatus(deps, url));
    } else if (command === "create") {
      console.log(`creating the webhook for ${url} (Polar PINGs it first; it must answer 200)…`);
      printStatus(await createInstanceWebhook(deps, url));
    } else if (command === "activate") {
      const { activated, status } = await activateInstanceWebhook(deps, url);
      console.log(activated ? "Polar activated the webhook." : "Polar has no webhook for this client: run `npm run webhook -- create`.");
      printStatus(status);
    } else {
      const { deleted } = await deleteInstanceWebhook(deps);
      console.log(deleted.length > 0 ? `deleted at Polar: ${deleted.join(", ")}` : "Polar had no webhook.");
      console.log("stored secret removed");
    }
  } catch (error) {
    if (isPolarError(error)) {
      const hint =
        error.code === "conflict"
          ? " — Polar already has a webhook for this client; `npm run webhook -- delete` first"
          : error.code === "bad_request"
            ? ` — Polar's PING to ${url} failed; the URL must be reachable from Polar and answer 200`
            : "";
      console.error(`Polar refused: ${error.code}${error.status ? ` (${error.status})` : ""}${hint}`);
    } else {
      console.error(`webhook ${command} failed:`, error instanceof Error ? error.message : typeof error);
    }
    process.exitCode = 1;
  } finally {
    db.$client.close();
  }
}

void main();
