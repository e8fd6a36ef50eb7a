import { createPolarClient, type PolarUserClient } from "@/lib/polar";
import type { Env } from "@/lib/env";

/**
 * The part of the AccessLink client that identity code uses: register, read and de-register one athlete.
 * Tests pass a client pointed at the simulator (or a fake with the same shape).
 */
export type AthletePolarApi = {
  forUser(polarUserId: number, accessToken: string): Pick<PolarUserClient, "registerUser" | "getUser" | "deleteUser">;
};

/** The app's AccessLink client, built from the validated environment. */
export function createAthletePolarApi(
  env: Pick<Env, "POLAR_API_URL" | "POLAR_TOKEN_URL" | "POLAR_CLIENT_ID" | "POLAR_CLIENT_SECRET">,
): AthletePolarApi {
  return createPolarClient({
    apiBaseUrl: env.POLAR_API_URL,
    tokenUrl: env.POLAR_TOKEN_URL,
    clientId: env.POLAR_CLIENT_ID,
    clientSecret: env.POLAR_CLIENT_SECRET,
  });
}
