import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { setApiSecurityHeaders } from "@/lib/http/security-headers";
import { getAppWebhookDispatcher } from "@/lib/sync/scheduler";
import { handlePolarWebhook } from "@/lib/sync/webhook-receiver";

/**
 * POST /api/webhooks/polar — Polar's deliveries (polar-accesslink.md §7.3). The signature is checked on the raw
 * body before anything is parsed; accepted events become one debounced sync per athlete. Never awaits a sync.
 */
export async function POST(request: Request): Promise<Response> {
  const dispatcher = await getAppWebhookDispatcher();
  const env = getEnv();
  const response = await handlePolarWebhook(request, {
    db: getDb(),
    tokenKey: env.TOKEN_ENCRYPTION_KEY,
    onAccepted: () => dispatcher.notify(),
  });
  // proxy.ts skips this route (so that nothing buffers the body before the cap): the API headers are set here.
  setApiSecurityHeaders(response.headers, { isHttps: env.APP_URL.startsWith("https:") });
  return response;
}
