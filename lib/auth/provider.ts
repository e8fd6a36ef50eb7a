import type { OAuthConfig } from "next-auth/providers";

/** What our userinfo step yields: Polar has no profile endpoint for OAuth, only the id in the token response. */
export type PolarOAuthProfile = { id: string };

export type PolarProviderOptions = {
  clientId: string;
  clientSecret: string;
  /** POLAR_AUTH_URL, e.g. https://flow.polar.com/oauth2/authorization */
  authorizationUrl: string;
  /** POLAR_TOKEN_URL, e.g. https://polarremote.com/v2/oauth2/token */
  tokenUrl: string;
};

/**
 * Reads the Polar user id from a token response. Polar sends it as an int64 `x_user_id` (polar-accesslink.md
 * §2.3); it is the only identity Polar gives us.
 */
export function readPolarUserId(tokens: Record<string, unknown>): number {
  const raw = tokens.x_user_id;
  const id = typeof raw === "string" && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0) {
    throw new Error("Polar token response has no valid x_user_id");
  }
  return id;
}

/**
 * The Polar AccessLink OAuth provider for Auth.js. Authorization code flow with a `state` check (Polar has no
 * PKCE), client credentials in the Basic header (§2.3), one scope. Polar returns no e-mail, profile or id
 * token, so `userinfo.request` answers from the token response itself.
 *
 * `account()` keeps no token fields: Auth.js would otherwise write the access token in plain text into the
 * `account` table. The token is stored encrypted in `polar_connection` by the sign-in event instead.
 */
export function createPolarProvider(options: PolarProviderOptions): OAuthConfig<PolarOAuthProfile> {
  return {
    id: "polar",
    name: "Polar",
    type: "oauth",
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    checks: ["state"],
    client: { token_endpoint_auth_method: "client_secret_basic" },
    authorization: { url: options.authorizationUrl, params: { scope: "accesslink.read_all" } },
    token: { url: options.tokenUrl },
    userinfo: {
      // Never called over HTTP: `request` takes precedence. Auth.js needs a URL to skip OIDC discovery.
      url: options.tokenUrl,
      request: async ({ tokens }: { tokens: Record<string, unknown> }) => ({ id: String(readPolarUserId(tokens)) }),
    },
    profile: (profile) => ({ id: profile.id, name: null, email: null, image: null }),
    account: () => undefined,
  };
}
