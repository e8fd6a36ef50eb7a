import type { NextAuthConfig } from "next-auth";
import type { Env } from "@/lib/env";
import { createAuthAdapter } from "@/lib/auth/adapter";
import { storePolarSignIn, getConnectionSummary } from "@/lib/auth/connection";
import { createPolarProvider, readPolarUserId } from "@/lib/auth/provider";
import { checkPolarConnection, registerAthlete, type PolarIdentityDeps } from "@/lib/auth/registration";
import { authLogger } from "@/lib/auth/sign-in-errors";

export type AuthConfigDeps = PolarIdentityDeps & {
  env: Pick<Env, "AUTH_SECRET" | "POLAR_CLIENT_ID" | "POLAR_CLIENT_SECRET" | "POLAR_AUTH_URL" | "POLAR_TOKEN_URL">;
};

/**
 * Auth.js configuration: the Polar provider, database sessions in SQLite, and the sign-in event that stores
 * the token (encrypted) and registers the athlete at AccessLink. Built from injected deps so tests run the
 * real flow against the simulator with a fresh database.
 */
export function createAuthConfig(deps: AuthConfigDeps): NextAuthConfig {
  return {
    secret: deps.env.AUTH_SECRET,
    // The app sits behind its own origin (APP_URL/AUTH_URL); the Host header is trusted for self-hosting.
    trustHost: true,
    adapter: createAuthAdapter(deps.db),
    session: { strategy: "database" },
    providers: [
      createPolarProvider({
        clientId: deps.env.POLAR_CLIENT_ID,
        clientSecret: deps.env.POLAR_CLIENT_SECRET,
        authorizationUrl: deps.env.POLAR_AUTH_URL,
        tokenUrl: deps.env.POLAR_TOKEN_URL,
      }),
    ],
    pages: { signIn: "/signin", error: "/signin" },
    logger: authLogger,
    callbacks: {
      // Only the user id and name reach the session (and /api/auth/session); never a token.
      session({ session, user }) {
        return { expires: session.expires, user: { id: user.id, name: user.name ?? null } };
      },
    },
    events: {
      async signIn({ user, account }) {
        if (!account || account.provider !== "polar" || !user.id) return;
        await completePolarSignIn(deps, user.id, account);
      },
    },
  };
}

/**
 * Runs after every Polar sign-in (first or repeat): stores the fresh token encrypted, marks the link connected
 * and registers the athlete if that has not succeeded yet. Registration failures are recorded on the
 * connection (shown with a Retry button), never thrown: the athlete stays signed in and sees what happened.
 */
export async function completePolarSignIn(
  deps: PolarIdentityDeps,
  userId: string,
  tokens: Record<string, unknown>,
): Promise<void> {
  const accessToken = tokens.access_token;
  if (typeof accessToken !== "string" || accessToken.length === 0) {
    throw new Error("Polar token response has no access_token");
  }
  const expiresIn = typeof tokens.expires_in === "number" && Number.isFinite(tokens.expires_in) ? tokens.expires_in : null;
  // A sign-in over a refused link is a reconnect: ask Polar whether it accepts the new token, so the page the
  // athlete lands on tells the truth ("Polar still refuses access") instead of a hopeful "connected".
  const before = getConnectionSummary(deps.db, userId);
  const isReconnect = before !== null && before.state !== "connected";
  storePolarSignIn(
    deps.db,
    { userId, polarUserId: readPolarUserId(tokens), accessToken, expiresInSeconds: expiresIn, now: deps.now() },
    deps.keyHex,
  );
  if (getConnectionSummary(deps.db, userId)?.registrationStatus !== "registered") {
    await registerAthlete(deps, userId);
  } else if (isReconnect) {
    await checkPolarConnection(deps, userId);
  }
}
