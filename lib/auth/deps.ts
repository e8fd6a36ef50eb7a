import "server-only";
import { getDb } from "@/db";
import { getEnv } from "@/lib/env";
import { createAthletePolarApi } from "@/lib/auth/polar-api";
import type { PolarIdentityDeps } from "@/lib/auth/registration";

/** The app's identity deps (database, key, AccessLink client), built on use so `next build` needs no env. */
export function getPolarIdentityDeps(): PolarIdentityDeps {
  const env = getEnv();
  return { db: getDb(), keyHex: env.TOKEN_ENCRYPTION_KEY, polar: createAthletePolarApi(env), now: Date.now };
}
