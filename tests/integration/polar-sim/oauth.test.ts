import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Sim } from "./helpers";
import { CLIENT, REDIRECT, authorizeCode, basicHeader, callApi, exchangeCode, postAdmin, startTestSimulator } from "./helpers";

/** polar-accesslink.md §13 "OAuth and identity": the authorization page and the token endpoint. */

const EXTRA_REDIRECT = "http://localhost:3000/callback?tenant=7";
const ALT_CLIENT = { clientId: "other-app", clientSecret: "other-secret", redirectUris: [REDIRECT, EXTRA_REDIRECT] };

let sim: Sim;
beforeAll(async () => {
  sim = await startTestSimulator({ clients: [CLIENT, ALT_CLIENT] });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await postAdmin(sim, "/reset");
});

function authorizeUrl(params: Record<string, string>): string {
  return `${sim.url}/oauth2/authorization?${new URLSearchParams(params)}`;
}

async function submitForm(fields: Record<string, string>): Promise<Response> {
  return fetch(`${sim.url}/oauth2/authorization`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

describe("authorization page", () => {
  it("lists every simulated account with an Authorize button and a Deny button", async () => {
    const response = await fetch(authorizeUrl({ response_type: "code", client_id: CLIENT.clientId, redirect_uri: REDIRECT, state: "s1" }));
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const athlete of sim.dataset.athletes) {
      const { firstName, lastName, story } = athlete.profile;
      expect(html).toContain(`Authorize as ${firstName} ${lastName}`);
      expect(html).toContain(story.replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
    }
    expect(html).toContain(">Deny</button>");
    expect(html).toContain('name="state" value="s1"');
  });

  it("clicking Authorize redirects with code and state; without state none is added; existing query is kept", async () => {
    const clicked = await submitForm({ response_type: "code", client_id: CLIENT.clientId, redirect_uri: REDIRECT, state: "xyz", login: "aino" });
    expect(clicked.status).toBe(302);
    const location = new URL(clicked.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.get("code")).toMatch(/^[0-9a-f]{32}$/);

    const noState = await submitForm({ response_type: "code", client_id: CLIENT.clientId, login: "aino" });
    const noStateUrl = new URL(noState.headers.get("location") ?? "");
    expect(noStateUrl.searchParams.has("state")).toBe(false);
    expect(noStateUrl.searchParams.has("code")).toBe(true);

    const withQuery = await fetch(
      authorizeUrl({ response_type: "code", client_id: ALT_CLIENT.clientId, redirect_uri: EXTRA_REDIRECT, login: "mikko", state: "q" }),
      { redirect: "manual" },
    );
    const kept = new URL(withQuery.headers.get("location") ?? "");
    expect(kept.searchParams.get("tenant")).toBe("7");
    expect(kept.searchParams.get("state")).toBe("q");
  });

  it("shows unknown client_id and unregistered redirect_uri on the page, never redirecting", async () => {
    const unknownClient = await fetch(authorizeUrl({ response_type: "code", client_id: "nope", redirect_uri: REDIRECT }), { redirect: "manual" });
    expect(unknownClient.status).toBe(400);
    expect(unknownClient.headers.get("location")).toBeNull();
    expect(await unknownClient.text()).toContain("Unknown client_id");

    const badRedirect = await fetch(
      authorizeUrl({ response_type: "code", client_id: CLIENT.clientId, redirect_uri: "http://evil.example/cb", login: "aino" }),
      { redirect: "manual" },
    );
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get("location")).toBeNull();
  });

  it("redirects access_denied, bad response_type and bad scope to the client's default URL with state", async () => {
    const denied = await submitForm({ response_type: "code", client_id: ALT_CLIENT.clientId, redirect_uri: EXTRA_REDIRECT, state: "d", deny: "1" });
    const deniedUrl = new URL(denied.headers.get("location") ?? "");
    // The default (first) URL, not the one requested.
    expect(`${deniedUrl.origin}${deniedUrl.pathname}`).toBe(REDIRECT);
    expect(deniedUrl.searchParams.get("error")).toBe("access_denied");
    expect(deniedUrl.searchParams.get("state")).toBe("d");

    const badType = await fetch(authorizeUrl({ response_type: "token", client_id: CLIENT.clientId, state: "t" }), { redirect: "manual" });
    expect(badType.status).toBe(302);
    const badTypeUrl = new URL(badType.headers.get("location") ?? "");
    expect(badTypeUrl.searchParams.get("error")).toBe("unsupported_response_type");
    expect(badTypeUrl.searchParams.get("state")).toBe("t");

    const badScope = await fetch(authorizeUrl({ response_type: "code", client_id: CLIENT.clientId, scope: "openid" }), { redirect: "manual" });
    const badScopeUrl = new URL(badScope.headers.get("location") ?? "");
    expect(badScopeUrl.searchParams.get("error")).toBe("invalid_scope");
    expect(badScopeUrl.searchParams.has("state")).toBe(false);
  });

  it("offers the same shortcut through the admin API", async () => {
    const response = await postAdmin(sim, "/oauth/authorize", { login: "priya", clientId: CLIENT.clientId, redirectUri: REDIRECT, state: "a" });
    const { redirect } = (await response.json()) as { redirect: string };
    const code = new URL(redirect).searchParams.get("code") ?? "";
    const token = await exchangeCode(sim, code);
    expect(((await token.json()) as { x_user_id: number }).x_user_id).toBe(39028815);
  });
});

describe("token endpoint", () => {
  it("answers the documented token response, with no refresh token", async () => {
    const response = await exchangeCode(sim, await authorizeCode(sim, "aino"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "expires_in", "token_type", "x_user_id"]);
    expect(body).toMatchObject({ token_type: "bearer", expires_in: 31535999, x_user_id: 48213977 });
    expect(body.access_token).toMatch(/^[0-9a-f]{32}$/);
  });

  it("requires Basic auth: body-only credentials are invalid_client (U5), bad secrets too", async () => {
    const code = await authorizeCode(sim, "aino");
    const bodyOnly = await fetch(`${sim.url}/v2/oauth2/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT,
        client_id: CLIENT.clientId,
        client_secret: CLIENT.clientSecret,
      }).toString(),
    });
    expect(bodyOnly.status).toBe(400);
    expect(await bodyOnly.text()).toBe('{"error":"invalid_client"}');
    const wrongSecret = await exchangeCode(sim, code, REDIRECT, basicHeader(CLIENT.clientId, "wrong"));
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.json()).toEqual({ error: "invalid_client" });
    // The code survived both refusals.
    expect((await exchangeCode(sim, code)).status).toBe(200);
  });

  it("requires a form body and grant_type=authorization_code", async () => {
    const code = await authorizeCode(sim, "aino");
    const asJson = await fetch(`${sim.url}/v2/oauth2/token`, {
      method: "POST",
      headers: { authorization: basicHeader(), "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "authorization_code", code, redirect_uri: REDIRECT }),
    });
    expect(asJson.status).toBe(400);
    expect(await asJson.json()).toEqual({ error: "invalid_request" });
    const refresh = await fetch(`${sim.url}/v2/oauth2/token`, {
      method: "POST",
      headers: { authorization: basicHeader(), "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", code }).toString(),
    });
    expect(await refresh.json()).toEqual({ error: "unsupported_grant_type" });
  });

  it("enforces the redirect_uri echo rule by exact string (localhost is not 127.0.0.1)", async () => {
    const code = await authorizeCode(sim, "aino", REDIRECT);
    for (const sent of [null, REDIRECT.replace("localhost", "127.0.0.1"), `${REDIRECT}/`]) {
      const response = await exchangeCode(sim, code, sent);
      expect(response.status).toBe(400);
      expect(await response.text()).toBe('{"error":"invalid_grant"}');
    }
    // Authorized without redirect_uri: the exchange must not send one.
    const bare = await authorizeCode(sim, "mikko", null);
    expect((await exchangeCode(sim, bare, REDIRECT)).status).toBe(400);
    expect((await exchangeCode(sim, bare, null)).status).toBe(200);
  });

  it("accepts a code for 600 s of simulator time only", async () => {
    const fresh = await authorizeCode(sim, "aino");
    sim.clock.advance(600_000);
    expect((await exchangeCode(sim, fresh)).status).toBe(200);
    const stale = await authorizeCode(sim, "aino");
    sim.clock.advance(600_001);
    const response = await exchangeCode(sim, stale);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_grant" });
  });

  it("rejects a reused code and revokes every token issued from it", async () => {
    const code = await authorizeCode(sim, "aino");
    const first = (await (await exchangeCode(sim, code)).json()) as { access_token: string };
    const other = (await (await exchangeCode(sim, await authorizeCode(sim, "aino"))).json()) as { access_token: string };
    expect((await callApi(sim, first.access_token, "/v3/users/48213977")).status).toBe(204);
    const replay = await exchangeCode(sim, code);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toBe('{"error":"invalid_grant"}');
    expect((await callApi(sim, first.access_token, "/v3/users/48213977")).status).toBe(401);
    // A token from another code is untouched.
    expect((await callApi(sim, other.access_token, "/v3/users/48213977")).status).toBe(204);
  });

  it("adds error_description only with switch U6", async () => {
    await postAdmin(sim, "/switches", { oauthErrorDescription: true });
    const response = await exchangeCode(sim, "no-such-code");
    const body = (await response.json()) as { error: string; error_description?: string };
    expect(body.error).toBe("invalid_grant");
    expect(typeof body.error_description).toBe("string");
  });
});
