import { Auth } from "@auth/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { accounts, polarConnections, sessions, users } from "@/db/schema";
import { createPolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import { createAuthConfig } from "@/lib/auth/config";
import { getConnectionSummary, getPolarCredentials } from "@/lib/auth/connection";
import { deleteAthleteAccount } from "@/lib/auth/deregistration";
import { checkPolarConnection, type PolarIdentityDeps } from "@/lib/auth/registration";
import { withSignInErrorCodes } from "@/lib/auth/sign-in-errors";
import { createTestDb, findRowsMentioning, readDatabaseBytes, TEST_KEY, type TestDb } from "./support";

// Route handlers are called in-process; the origin only has to match the redirect registered at the simulator.
const APP = "http://localhost:3999";
const CALLBACK = `${APP}/api/auth/callback/polar`;
const CLIENT = { clientId: "threshold-test", clientSecret: "threshold-test-secret" };
const AUTH_SECRET = "integration-auth-secret-0123456789abcdef0123";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

/** A browser's cookie store, enough for Auth.js's csrf, state, callback-url and session cookies. */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  absorb(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  has(name: string): boolean {
    return this.cookies.has(name);
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

describe("sign in with Polar through Auth.js against the simulator", () => {
  let sim: Sim;
  let t: TestDb;
  let deps: PolarIdentityDeps;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    sim = await startSimulator({
      port: 0,
      clients: [{ ...CLIENT, redirectUris: [CALLBACK] }],
    });
  });
  afterAll(async () => {
    await sim.close();
  });

  beforeEach(async () => {
    await fetch(`${sim.url}/__admin/reset`, { method: "POST" });
    t?.close();
    t = createTestDb();
    const polar = createPolarClient({
      apiBaseUrl: sim.url,
      tokenUrl: `${sim.url}/v2/oauth2/token`,
      ...CLIENT,
      sleep: async () => undefined,
    });
    deps = { db: t.db, keyHex: TEST_KEY, polar, now: () => Date.parse("2026-11-25T03:00:00Z") };
    const env = {
      AUTH_SECRET,
      POLAR_CLIENT_ID: CLIENT.clientId,
      POLAR_CLIENT_SECRET: CLIENT.clientSecret,
      POLAR_AUTH_URL: `${sim.url}/oauth2/authorization`,
      POLAR_TOKEN_URL: `${sim.url}/v2/oauth2/token`,
    };
    handle = withSignInErrorCodes((request: Request) =>
      Auth(request, { ...createAuthConfig({ ...deps, env }), basePath: "/api/auth" }),
    );
  });
  afterAll(() => t?.close());

  /** Clicks "Sign in with Polar": returns Polar's authorization URL (with the state Auth.js chose). */
  async function startSignIn(jar: CookieJar): Promise<URL> {
    const csrf = await handle(new Request(`${APP}/api/auth/csrf`, { headers: { cookie: jar.header() } }));
    jar.absorb(csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await handle(
      new Request(`${APP}/api/auth/signin/polar`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
        body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/dashboard` }),
      }),
    );
    jar.absorb(response);
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location") ?? "");
  }

  /** Picks an athlete on Polar's page: returns the callback URL Polar redirects the browser to. */
  async function authorizeAt(authorizeUrl: URL, login: string): Promise<URL> {
    const url = new URL(authorizeUrl);
    url.searchParams.set("login", login);
    const response = await fetch(url, { redirect: "manual" });
    expect(response.status).toBe(302);
    return new URL(response.headers.get("location") ?? "");
  }

  async function finishSignIn(jar: CookieJar, callbackUrl: URL): Promise<Response> {
    const response = await handle(new Request(callbackUrl, { headers: { cookie: jar.header() } }));
    jar.absorb(response);
    return response;
  }

  async function signInAs(login: string): Promise<{ jar: CookieJar; userId: string }> {
    const jar = new CookieJar();
    const callback = await authorizeAt(await startSignIn(jar), login);
    const done = await finishSignIn(jar, callback);
    expect(done.headers.get("location")).toBe(`${APP}/dashboard`);
    const session = await handle(new Request(`${APP}/api/auth/session`, { headers: { cookie: jar.header() } }));
    const body = (await session.json()) as { user: { id: string } };
    return { jar, userId: body.user.id };
  }

  it("sends Polar exactly the authorization request of §2.2", async () => {
    const url = await startSignIn(new CookieJar());
    expect(`${url.origin}${url.pathname}`).toBe(`${sim.url}/oauth2/authorization`);
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("client_id")).toBe(CLIENT.clientId);
    expect(url.searchParams.get("redirect_uri")).toBe(CALLBACK);
    expect(url.searchParams.get("scope")).toBe("accesslink.read_all");
    expect(url.searchParams.get("state")?.length).toBeGreaterThan(20);
    expect(url.searchParams.has("code_challenge")).toBe(false);
  });

  it("signs in, registers the athlete, keeps the token encrypted only, and exposes no token in the session", async () => {
    const { jar, userId } = await signInAs("aino");
    expect(jar.has("authjs.session-token")).toBe(true);

    const user = t.db.select().from(users).where(eq(users.id, userId)).get();
    expect(user).toMatchObject({ name: "Aino Virtanen", polarUserId: 48213977 });
    const account = t.db.select().from(accounts).where(eq(accounts.userId, userId)).get();
    expect(account).toMatchObject({ provider: "polar", providerAccountId: "48213977", access_token: null, refresh_token: null, id_token: null });
    expect(getConnectionSummary(t.db, userId)).toMatchObject({ registrationStatus: "registered", state: "connected", memberId: `thr-${userId}` });
    const athletes = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { userId: number; registered: boolean }[];
    expect(athletes.find((athlete) => athlete.userId === 48213977)?.registered).toBe(true);

    const credentials = getPolarCredentials(t.db, userId, TEST_KEY);
    expect(credentials?.polarUserId).toBe(48213977);
    const token = credentials?.accessToken ?? "";
    expect(token.length).toBeGreaterThan(8);
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(readDatabaseBytes(t.file).includes(Buffer.from(token))).toBe(false);
    expect(jar.header()).not.toContain(token);

    const session = await handle(new Request(`${APP}/api/auth/session`, { headers: { cookie: jar.header() } }));
    const text = await session.text();
    expect(JSON.parse(text)).toMatchObject({ user: { id: userId, name: "Aino Virtanen" } });
    expect(text).not.toContain(token);
  });

  it("a second sign-in reuses the user and replaces the token", async () => {
    const first = await signInAs("aino");
    const firstToken = getPolarCredentials(t.db, first.userId, TEST_KEY)?.accessToken;
    const second = await signInAs("aino");
    expect(second.userId).toBe(first.userId);
    expect(t.db.select().from(users).all()).toHaveLength(1);
    expect(getPolarCredentials(t.db, second.userId, TEST_KEY)?.accessToken).not.toBe(firstToken);
  });

  it("rejects a tampered state: no session, a state_mismatch error", async () => {
    const jar = new CookieJar();
    const callback = await authorizeAt(await startSignIn(jar), "aino");
    callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
    const response = await finishSignIn(jar, callback);
    expect(response.headers.get("location")).toBe(`${APP}/signin?error=state_mismatch`);
    expect(jar.has("authjs.session-token")).toBe(false);
    expect(t.db.select().from(sessions).all()).toEqual([]);
  });

  it("a reused authorization code is rejected with code_rejected", async () => {
    const jar = new CookieJar();
    const firstCallback = await authorizeAt(await startSignIn(jar), "priya");
    expect((await finishSignIn(jar, firstCallback)).headers.get("location")).toBe(`${APP}/dashboard`);

    // The same code again, with a fresh state from a new sign-in (a back button or a replayed redirect).
    const other = new CookieJar();
    const secondState = (await startSignIn(other)).searchParams.get("state") ?? "";
    const replay = new URL(firstCallback);
    replay.searchParams.set("state", secondState);
    const response = await finishSignIn(other, replay);
    expect(response.headers.get("location")).toBe(`${APP}/signin?error=code_rejected`);
    expect(other.has("authjs.session-token")).toBe(false);
  });

  it("a revoked token turns into reconnect_needed; signing in again reconnects", async () => {
    const { userId } = await signInAs("jordan");
    await fetch(`${sim.url}/__admin/athletes/47365120/revoke`, { method: "POST" });
    expect(await checkPolarConnection(deps, userId)).toMatchObject({ state: "failed", failure: { state: "reconnect_needed" } });
    expect(getConnectionSummary(t.db, userId)?.state).toBe("reconnect_needed");

    await signInAs("jordan");
    expect(getConnectionSummary(t.db, userId)?.state).toBe("connected");
    expect(await checkPolarConnection(deps, userId)).toMatchObject({ state: "connected" });
  });

  it("an athlete without consents is signed in with consents_needed and no registration", async () => {
    const { userId } = await signInAs("kenji");
    expect(getConnectionSummary(t.db, userId)).toMatchObject({ state: "consents_needed", registrationStatus: "failed" });
    expect(getPolarCredentials(t.db, userId, TEST_KEY)).toBeNull();
  });

  it("delete de-registers at the simulator and purges the athlete", async () => {
    const { userId } = await signInAs("maria");
    const result = await deleteAthleteAccount(deps, userId);
    expect(result.deregistration).toBe("deregistered");
    const athletes = (await (await fetch(`${sim.url}/__admin/athletes`)).json()) as { userId: number; registered: boolean }[];
    expect(athletes.find((athlete) => athlete.userId === 58649213)?.registered).toBe(false);
    expect(findRowsMentioning(t.db, [userId, 58649213])).toEqual([]);
    expect(t.db.select().from(polarConnections).all()).toEqual([]);
  });
});
