import { type startSimulator } from "@/lib/polar-sim";
import { createPolarClient, createRateGovernor, type PolarClient } from "@/lib/polar";
import { CLIENT_ID, CLIENT_SECRET } from "../../sync/support/harness";

export type Sim = Awaited<ReturnType<typeof startSimulator>>;

/** A client on a virtual clock: rate-limit waits pass at once (the simulator's clock is frozen). */
export function createFastClient(simUrl: string): PolarClient {
  let skipped = 0;
  return createPolarClient({
    apiBaseUrl: simUrl,
    tokenUrl: `${simUrl}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    maxRetries: 5,
    maxRateLimitRetries: 10,
    sleep: async () => undefined,
    governor: createRateGovernor({
      now: () => Date.now() + skipped,
      sleep: async (ms) => {
        skipped += ms;
      },
    }),
  });
}

export async function postAdmin<T>(sim: Sim, path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sim.url}/__admin${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The athlete's archive as of the simulator's clock, written by the simulator's admin endpoint. */
export async function exportFromSim(sim: Sim, polarUserId: number, historyDaysBefore: number, format: "current" | "legacy" = "current"): Promise<string> {
  const result = await postAdmin<{ path: string }>(sim, `/athletes/${polarUserId}/export`, { format, historyDaysBefore });
  return result.path;
}

export const LIFTED_LIMITS = { rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 };
export const TEST_IMPORT_LIMITS = { maxUncompressedBytes: 4 * 1024 ** 3, maxEntries: 100_000, maxRatio: 200 };
