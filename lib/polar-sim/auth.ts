import type { SimRequest } from "@/lib/polar-sim/http";
import { readHeader } from "@/lib/polar-sim/http";
import type { AccessToken, SimClientConfig, SimContext } from "@/lib/polar-sim/state";
import { findClient } from "@/lib/polar-sim/state";

/** Polar reports `expires_in: 31535999` (one second short of 365 days); enforced only with switch U4. */
export const TOKEN_EXPIRES_IN_SECONDS = 31_535_999;

export function parseBasicCredentials(request: SimRequest): { clientId: string; clientSecret: string } | null {
  const header = readHeader(request, "authorization");
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
}

/** The client named by valid Basic credentials, or null. */
export function authenticateBasic(ctx: SimContext, request: SimRequest): SimClientConfig | null {
  const credentials = parseBasicCredentials(request);
  if (!credentials) return null;
  const client = findClient(ctx.state, credentials.clientId);
  return client && client.clientSecret === credentials.clientSecret ? client : null;
}

export function readBearerToken(request: SimRequest): string | null {
  const header = readHeader(request, "authorization");
  if (!header || !/^bearer /i.test(header)) return null;
  const token = header.slice(7).trim();
  return token === "" ? null : token;
}

/** A usable access token, or null (missing, unknown, revoked, or — with U4 — expired): every such call is 401. */
export function authenticateBearer(ctx: SimContext, request: SimRequest): AccessToken | null {
  const value = readBearerToken(request);
  if (!value) return null;
  const token = ctx.state.tokens.get(value);
  if (!token || token.revoked) return null;
  const flags = ctx.state.athletes.get(token.userId);
  if (!flags || flags.revoked) return null;
  if (ctx.state.switches.enforceTokenExpiry && ctx.clock.now() >= token.issuedAt + TOKEN_EXPIRES_IN_SECONDS * 1000) return null;
  return token;
}

/** The client a request is attributed to for rate limiting, without validating anything. */
export function identifyClientId(ctx: SimContext, request: SimRequest): { clientId: string; basic: boolean } | null {
  const bearer = readBearerToken(request);
  if (bearer) {
    const token = ctx.state.tokens.get(bearer);
    return token ? { clientId: token.clientId, basic: false } : null;
  }
  const basic = parseBasicCredentials(request);
  if (basic && findClient(ctx.state, basic.clientId)) return { clientId: basic.clientId, basic: true };
  return null;
}
