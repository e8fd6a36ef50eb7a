import { Auth } from "@auth/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sessions } from "@/db/schema";
import { createAuthConfig } from "@/lib/auth/config";
import { deleteExpiredSessions, hashSessionToken } from "@/lib/auth/session-store";
import { createPolarClient } from "@/lib/polar";
import { startSimulator } from "@/lib/polar-sim";
import { runSchedulerTick } from "@/lib/sync/scheduler";
import { createTestDb, insertUser, readDatabaseBytes, TEST_KEY, type TestDb } from "../integration/auth/support";

/**
 * Finding 18.6: the session table held the cookie value itself, so a copy of the database file was a set of
 * live sessions. Sign-in runs here through Auth.js and the simulator's OAuth pages, in process.
 */

const APP = "http://localhost:3998";
const CLIENT = { clientId: "threshold-sessions", clientSecret: "threshold-sessions-secret" };
const COOKIE = "authjs.session-token";

type Sim = Awaited<ReturnType<typeof startSimulator>>;

/** The cookies a browser would keep across the redirects (name → value). */
function absorb(jar: Map<string, string>, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === "" || attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute))) jar.delete(name);
    else jar.set(name, value);
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

let sim: Sim;
let t: TestDb;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, clients: [{ ...CLIENT, redirectUris: [`${APP}/api/auth/callback/polar`] }] });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await fetch(`${sim.url}/__admin/reset`, { method: "POST" });
  t = createTestDb();
  const polar = createPolarClient({ apiBaseUrl: sim.url, tokenUrl: `${sim.url}/v2/oauth2/token`, ...CLIENT, sleep: async () => undefined });
  const env = {
    AUTH_SECRET: "sessions-test-auth-secret-0123456789abcdef",
    POLAR_CLIENT_ID: CLIENT.clientId,
    POLAR_CLIENT_SECRET: CLIENT.clientSecret,
    POLAR_AUTH_URL: `${sim.url}/oauth2/authorization`,
    POLAR_TOKEN_URL: `${sim.url}/v2/oauth2/token`,
  };
  const config = createAuthConfig({ db: t.db, keyHex: TEST_KEY, polar, now: Date.now, env });
  handle = (request) => Auth(request, { ...config, basePath: "/api/auth" });
});
afterEach(() => t.close());

async function signIn(login: string): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const csrf = await handle(new Request(`${APP}/api/auth/csrf`));
  absorb(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await handle(
    new Request(`${APP}/api/auth/signin/polar`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${APP}/dashboard` }),
    }),
  );
  absorb(jar, start);
  const authorize = new URL(start.headers.get("location") ?? "");
  authorize.searchParams.set("login", login);
  const polarAnswer = await fetch(authorize, { redirect: "manual" });
  const callback = await handle(new Request(polarAnswer.headers.get("location") ?? "", { headers: { cookie: cookieHeader(jar) } }));
  absorb(jar, callback);
  expect(callback.headers.get("location")).toBe(`${APP}/dashboard`);
  return jar;
}

async function sessionUser(cookie: string): Promise<string | null> {
  const response = await handle(new Request(`${APP}/api/auth/session`, { headers: { cookie } }));
  const body = (await response.json()) as { user?: { id?: string } } | null;
  return body?.user?.id ?? null;
}

describe("hashed sessions (18.6)", () => {
  it("stores only the SHA-256 of the cookie: the database file and its WAL hold no cookie value", async () => {
    const jar = await signIn("aino");
    const token = jar.get(COOKIE) ?? "";
    expect(token.length).toBeGreaterThan(20);

    const rows = t.db.select().from(sessions).all();
    expect(rows.map((row) => row.sessionToken)).toEqual([hashSessionToken(token)]);
    // Before a checkpoint (the recent writes are in the WAL) and after one (they are in the main file).
    expect(readDatabaseBytes(t.file).includes(Buffer.from(token))).toBe(false);
    t.db.$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(readDatabaseBytes(t.file).includes(Buffer.from(token))).toBe(false);

    // The hashed row still authenticates the cookie, and signing out removes it.
    expect(await sessionUser(`${COOKIE}=${token}`)).toBe(rows[0].userId);
    const csrf = await handle(new Request(`${APP}/api/auth/csrf`, { headers: { cookie: cookieHeader(jar) } }));
    absorb(jar, csrf);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    await handle(
      new Request(`${APP}/api/auth/signout`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
        body: new URLSearchParams({ csrfToken }),
      }),
    );
    expect(t.db.select().from(sessions).all()).toEqual([]);
  });

  it("a value read from the session table is not a working cookie", async () => {
    await signIn("aino");
    const stored = t.db.select().from(sessions).get();
    expect(stored).toBeDefined();
    expect(await sessionUser(`${COOKIE}=${stored?.sessionToken ?? ""}`)).toBeNull();
  });

  it("a row from before hashing (the plain cookie value as key) no longer signs anyone in", async () => {
    insertUser(t.db, { id: "u-old", name: "Old" });
    t.db.insert(sessions).values({ sessionToken: "plain-token-from-before", userId: "u-old", expires: new Date(Date.now() + 86_400_000) }).run();
    expect(await sessionUser(`${COOKIE}=plain-token-from-before`)).toBeNull();
  });

  it("deleteExpiredSessions removes expired sessions and keeps live ones", () => {
    insertUser(t.db, { id: "u-1" });
    const now = Date.parse("2026-12-01T12:00:00Z");
    t.db.insert(sessions).values([
      { sessionToken: hashSessionToken("expired"), userId: "u-1", expires: new Date(now - 1) },
      { sessionToken: hashSessionToken("live"), userId: "u-1", expires: new Date(now + 60_000) },
    ]).run();
    expect(deleteExpiredSessions(t.db, now)).toBe(1);
    expect(t.db.select({ token: sessions.sessionToken }).from(sessions).all()).toEqual([{ token: hashSessionToken("live") }]);
  });

  it("the scheduler tick deletes expired sessions", async () => {
    insertUser(t.db, { id: "u-2" });
    const now = Date.parse("2026-12-01T12:00:00Z");
    t.db.insert(sessions).values({ sessionToken: hashSessionToken("gone"), userId: "u-2", expires: new Date(now - 1) }).run();
    const runner = { start: () => ({ runId: "none", joined: false }) };
    await runSchedulerTick({ db: t.db, runner, intervalMinutes: 60, deleteExpiredSessions: (at) => deleteExpiredSessions(t.db, at) }, now);
    expect(t.db.select().from(sessions).all()).toEqual([]);
  });
});
