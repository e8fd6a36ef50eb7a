import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { consumeRequestLimit, readClientAddress, type LimitVerdict } from "./request-limits";

/**
 * Spends one sign-in start of this client's address (the sign-in server action calls it before going to Polar;
 * POST /api/auth/signin/* is counted by proxy.ts against the same counters).
 */
export async function consumeSignInStart(): Promise<LimitVerdict> {
  return consumeRequestLimit(getEnv(), "signin", { address: readClientAddress(await headers()), sessionToken: null });
}
