import "server-only";
import NextAuth from "next-auth";
import { getEnv } from "@/lib/env";
import { createAuthConfig } from "@/lib/auth/config";
import { getPolarIdentityDeps } from "@/lib/auth/deps";

export { getPolarIdentityDeps };

// Lazy config: evaluated per request, so importing this module never reads the environment or opens the DB.
export const { handlers, auth, signIn, signOut } = NextAuth(() =>
  createAuthConfig({ ...getPolarIdentityDeps(), env: getEnv() }),
);
