import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { getAppWebhookDispatcher } from "@/lib/sync/scheduler";
import { handlePolarWebhook } from "@/lib/sync/webhook-receiver";

/**
 * POST /api/webhooks/polar — Polar's deliveries (polar-accesslink.md §7.3). The signature is checked on the raw
 * body before anything is parsed; accepted events become one debounced sync per athlete. Never awaits a sync.
 */
export async function POST(request: Request): Promise<Response> {
  const dispatcher = await getAppWebhookDispatcher();
  return handlePolarWebhook(request, {
    db: getDb(),
    tokenKey: getEnv().TOKEN_ENCRYPTION_KEY,
    onAccepted: () => dispatcher.notify(),
  });
}
