import { TOKEN_EXPIRES_IN_SECONDS, parseBasicCredentials } from "@/lib/polar-sim/auth";
import type { JsonObject } from "@/lib/polar-sim/contract";
import type { SimRequest, SimResponse } from "@/lib/polar-sim/http";
import { escapeHtml, readHeader, respondHtml, respondJson, respondRedirect } from "@/lib/polar-sim/http";
import type { SimClientConfig, SimContext } from "@/lib/polar-sim/state";
import { createOpaqueId, findClient } from "@/lib/polar-sim/state";

/** OAuth2 authorization-code flow of polar-accesslink.md §2: the login page and the token endpoint. */

export const CODE_TTL_MS = 600_000;
const SCOPE = "accesslink.read_all";

export type AuthorizeParams = {
  clientId: string | null;
  /** As sent; null when the parameter was absent (the echo rule needs to know). */
  redirectUri: string | null;
  responseType: string | null;
  scope: string | null;
  state: string | null;
};

/** Either a redirect (success or a redirectable error) or an error shown on the page itself. */
export type AuthorizeOutcome = { kind: "redirect"; location: string } | { kind: "page-error"; status: number; message: string };

function appendQuery(base: string, params: [string, string][]): string {
  const url = new URL(base);
  for (const [key, value] of params) url.searchParams.append(key, value);
  return url.toString();
}

type Checked = { ok: true; client: SimClientConfig; redirect: string } | { ok: false; outcome: AuthorizeOutcome };

/** Validation order: client and redirect URL first (never redirect to an unvetted URL), then the rest. */
function checkAuthorizeParams(ctx: SimContext, params: AuthorizeParams): Checked {
  const client = params.clientId ? findClient(ctx.state, params.clientId) : undefined;
  if (!client) return { ok: false, outcome: { kind: "page-error", status: 400, message: "Unknown client_id." } };
  const defaultRedirect = client.redirectUris[0];
  if (!defaultRedirect) return { ok: false, outcome: { kind: "page-error", status: 400, message: "The client has no redirect URL." } };
  if (params.redirectUri !== null && !client.redirectUris.includes(params.redirectUri)) {
    return { ok: false, outcome: { kind: "page-error", status: 400, message: "The redirect_uri is not registered for this client." } };
  }
  const fail = (error: string): Checked => ({
    ok: false,
    outcome: { kind: "redirect", location: redirectWithError(defaultRedirect, error, params.state) },
  });
  if (params.responseType !== "code") return fail("unsupported_response_type");
  if (params.scope !== null && !params.scope.split(/[ +]/).every((s) => s === SCOPE)) return fail("invalid_scope");
  return { ok: true, client, redirect: params.redirectUri ?? defaultRedirect };
}

function redirectWithError(base: string, error: string, state: string | null): string {
  return appendQuery(base, state === null ? [["error", error]] : [["error", error], ["state", state]]);
}

/** Issues a code for `login` (or the access_denied redirect for `deny`). Shared by the page, `&login=` and admin. */
export function authorizeAthlete(ctx: SimContext, params: AuthorizeParams, choice: { login: string } | { deny: true }): AuthorizeOutcome {
  const checked = checkAuthorizeParams(ctx, params);
  if (!checked.ok) return checked.outcome;
  const defaultRedirect = checked.client.redirectUris[0] ?? checked.redirect;
  if ("deny" in choice) return { kind: "redirect", location: redirectWithError(defaultRedirect, "access_denied", params.state) };
  const athlete = ctx.state.dataset.athletes.find((a) => a.profile.login === choice.login);
  if (!athlete) return { kind: "page-error", status: 400, message: `Unknown Polar account "${choice.login}".` };
  const code = createOpaqueId(ctx.state, "code");
  ctx.state.codes.set(code, {
    code,
    clientId: checked.client.clientId,
    userId: athlete.profile.userId,
    redirectUri: params.redirectUri,
    issuedAt: ctx.clock.now(),
    used: false,
    tokens: [],
  });
  const query: [string, string][] = [["code", code]];
  if (params.state !== null) query.push(["state", params.state]);
  return { kind: "redirect", location: appendQuery(checked.redirect, query) };
}

function readAuthorizeParams(source: URLSearchParams): AuthorizeParams {
  return {
    clientId: source.get("client_id"),
    redirectUri: source.get("redirect_uri"),
    responseType: source.get("response_type"),
    scope: source.get("scope"),
    state: source.get("state"),
  };
}

function renderOutcome(outcome: AuthorizeOutcome): SimResponse {
  if (outcome.kind === "redirect") return respondRedirect(outcome.location);
  return respondHtml(
    outcome.status,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Polar Flow (simulated) — error</title></head>` +
      `<body><main><h1>Authorization error</h1><p role="alert" data-testid="oauth-error">${escapeHtml(outcome.message)}</p></main></body></html>`,
  );
}

function renderPage(ctx: SimContext, params: AuthorizeParams): SimResponse {
  const hidden = (name: string, value: string | null): string =>
    value === null ? "" : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const fields =
    hidden("client_id", params.clientId) +
    hidden("redirect_uri", params.redirectUri) +
    hidden("response_type", params.responseType) +
    hidden("scope", params.scope) +
    hidden("state", params.state);
  const accounts = ctx.state.dataset.athletes
    .map((athlete) => {
      const p = athlete.profile;
      const name = `${p.firstName} ${p.lastName}`;
      return (
        `<li><form method="post" action="/oauth2/authorization">${fields}` +
        `<p><strong>${escapeHtml(name)}</strong> <code>${escapeHtml(p.login)}</code> — ${escapeHtml(p.story)}</p>` +
        `<button type="submit" name="login" value="${escapeHtml(p.login)}">Authorize as ${escapeHtml(name)}</button></form></li>`
      );
    })
    .join("");
  return respondHtml(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Polar Flow (simulated) — authorize</title></head>` +
      `<body><main><h1>Polar Flow (simulated)</h1><p>Choose the Polar account that grants access to <code>${escapeHtml(params.clientId ?? "")}</code>.</p>` +
      `<ul>${accounts}</ul><form method="post" action="/oauth2/authorization">${fields}` +
      `<button type="submit" name="deny" value="1">Deny</button></form></main></body></html>`,
  );
}

/** `GET /oauth2/authorization`: the page, or an immediate redirect with `&login=` (automation). */
export function handleAuthorizePage(ctx: SimContext, request: SimRequest): SimResponse {
  const params = readAuthorizeParams(request.query);
  const checked = checkAuthorizeParams(ctx, params);
  if (!checked.ok) return renderOutcome(checked.outcome);
  const login = request.query.get("login");
  if (login !== null) return renderOutcome(authorizeAthlete(ctx, params, { login }));
  return renderPage(ctx, params);
}

/** `POST /oauth2/authorization`: the page's buttons. */
export function handleAuthorizeForm(ctx: SimContext, request: SimRequest): SimResponse {
  const form = new URLSearchParams(request.body.toString("utf8"));
  const params = readAuthorizeParams(form);
  const login = form.get("login");
  if (form.get("deny") !== null) return renderOutcome(authorizeAthlete(ctx, params, { deny: true }));
  if (login === null) return renderOutcome({ kind: "page-error", status: 400, message: "No account chosen." });
  return renderOutcome(authorizeAthlete(ctx, params, { login }));
}

/** `POST /v2/oauth2/token` (§2.3). */
export function handleToken(ctx: SimContext, request: SimRequest): SimResponse {
  const switches = ctx.state.switches;
  const oauthError = (error: string, description: string, status = 400): SimResponse => {
    const body: JsonObject = { error };
    if (switches.oauthErrorDescription) body.error_description = description;
    return respondJson(status, body, { "cache-control": "no-store" });
  };
  const contentType = readHeader(request, "content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
    return oauthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
  }
  const form = new URLSearchParams(request.body.toString("utf8"));
  let credentials = parseBasicCredentials(request);
  if (!credentials) {
    const bodyId = form.get("client_id");
    const bodySecret = form.get("client_secret");
    if (bodyId === null || bodySecret === null) return oauthError("invalid_client", "Client authentication (HTTP Basic) is required.");
    if (switches.tokenBodyCredentials === "reject-400") return oauthError("invalid_client", "Client credentials must be sent with HTTP Basic.");
    if (switches.tokenBodyCredentials === "reject-401") return oauthError("invalid_client", "Client credentials must be sent with HTTP Basic.", 401);
    credentials = { clientId: bodyId, clientSecret: bodySecret };
  }
  const client = findClient(ctx.state, credentials.clientId);
  if (!client || client.clientSecret !== credentials.clientSecret) return oauthError("invalid_client", "Bad client credentials.");
  if (form.get("grant_type") !== "authorization_code") return oauthError("unsupported_grant_type", "Only authorization_code is supported.");
  const codeValue = form.get("code");
  if (codeValue === null || codeValue === "") return oauthError("invalid_request", "code is required.");
  const code = ctx.state.codes.get(codeValue);
  if (!code || code.clientId !== client.clientId) return oauthError("invalid_grant", "Unknown code.");
  if (code.used) {
    // A replayed code deletes every token already issued from it (§2.2): a blind retry logs the athlete out.
    for (const token of code.tokens) {
      const issued = ctx.state.tokens.get(token);
      if (issued) issued.revoked = true;
    }
    return oauthError("invalid_grant", "The code was already used.");
  }
  if (ctx.clock.now() - code.issuedAt > CODE_TTL_MS) return oauthError("invalid_grant", "The code has expired.");
  // The echo rule, by exact string equality: http://localhost:3000 and http://127.0.0.1:3000 differ.
  const redirectUri = form.get("redirect_uri");
  if (redirectUri !== code.redirectUri) return oauthError("invalid_grant", "redirect_uri does not match the authorization request.");
  code.used = true;
  const token = createOpaqueId(ctx.state, "token");
  const now = ctx.clock.now();
  ctx.state.tokens.set(token, { token, clientId: client.clientId, userId: code.userId, issuedAt: now, revoked: false, deregistered: false });
  code.tokens.push(token);
  const profile = ctx.state.dataset.athlete(code.userId)?.profile;
  const flags = ctx.state.athletes.get(code.userId);
  // Re-authorizing reconnects an athlete revoked through admin; a "starts revoked" athlete stays revoked.
  if (flags && profile && !profile.startsRevoked) flags.revoked = false;
  return respondJson(
    200,
    { access_token: token, token_type: "bearer", expires_in: TOKEN_EXPIRES_IN_SECONDS, x_user_id: code.userId },
    { "cache-control": "no-store" },
  );
}
