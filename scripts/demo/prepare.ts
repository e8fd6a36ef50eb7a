/**
 * Prepares a Threshold database the honest way: every simulated athlete signs in through the simulator's OAuth
 * flow (authorization code → token exchange → the same sign-in code the app runs), is registered at the
 * simulated AccessLink, and then the REAL sync runs again and again while the simulator's clock moves forward
 * through the athletes' history. No data row is ever inserted directly: an athlete who brings her history in
 * Polar's archive has it imported by the real importer when she connects (./import.ts).
 *
 * Used by `npm run demo` and by the browser tests that need months of history.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, users } from "@/db/schema";
import { completePolarSignIn } from "@/lib/auth/config";
import { createPolarClient, type PolarClient } from "@/lib/polar";
import { getImportLimits } from "@/lib/import";
import type { ImportLimits } from "@/lib/import/zip";
import { syncAthlete, type SyncRunResult } from "@/lib/sync";
import { importSimulatedArchive } from "./import";

export type DemoSimulator = {
  url: string;
  clock: { now(): number; set(ms: number): void };
};

export type PrepareOptions = {
  db: Db;
  sim: DemoSimulator;
  clientId: string;
  clientSecret: string;
  /** The redirect URI registered for the client at the simulator (the app's callback URL). */
  redirectUri: string;
  tokenKey: string;
  /** Logins of the simulated Polar accounts to sign in. */
  logins: string[];
  /** First and last instant of simulated time to sync through (epoch ms). */
  fromMs: number;
  toMs: number;
  /** Simulated time between two syncs. */
  stepMs: number;
  /** Athletes (among `logins`) who connect later than `fromMs`: at this instant, with their history before it. */
  connectAt?: Record<string, number>;
  /**
   * Athletes (among `logins`) who import Polar's archive right after they connect, before their first sync:
   * the archive covers this many days back from that instant.
   */
  importOnConnect?: Record<string, { coverDays: number }>;
  /** The importer's zip guards (default: this instance's `IMPORT_MAX_*`). */
  importLimits?: ImportLimits;
  log?: (line: string) => void;
};

export type PreparedAthlete = { login: string; userId: string; polarUserId: number; state: string };

const DAY_MS = 86_400_000;

/** Signs one simulated account in exactly as a browser sign-in would end, returning our user id. */
export async function signInSimulatedAthlete(
  options: Pick<PrepareOptions, "db" | "sim" | "clientId" | "clientSecret" | "redirectUri" | "tokenKey">,
  polar: PolarClient,
  login: string,
): Promise<{ userId: string; polarUserId: number }> {
  const authorize = await fetch(`${options.sim.url}/__admin/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, clientId: options.clientId, redirectUri: options.redirectUri, state: "demo" }),
  });
  if (!authorize.ok) {
    throw new Error(`The simulator refused to authorize ${login}: HTTP ${authorize.status}`);
  }
  const { redirect } = (await authorize.json()) as { redirect: string };
  const code = new URL(redirect).searchParams.get("code");
  if (!code) throw new Error(`The simulator's redirect for ${login} carries no code`);
  const token = await polar.exchangeCode(code, options.redirectUri);

  // What Auth.js does on a first sign-in: a user plus a `polar` account keyed by the Polar user id
  // (providerAccountId), so a later browser sign-in as the same Polar account lands on this user.
  const providerAccountId = String(token.userId);
  const existing = options.db
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.provider, "polar"), eq(accounts.providerAccountId, providerAccountId)))
    .get();
  let userId = existing?.userId;
  if (!userId) {
    const created = options.db.insert(users).values({}).returning({ id: users.id }).get();
    userId = created.id;
    options.db
      .insert(accounts)
      .values({ userId, type: "oauth", provider: "polar", providerAccountId, token_type: "bearer" })
      .run();
  }
  await completePolarSignIn(
    { db: options.db, keyHex: options.tokenKey, polar, now: () => options.sim.clock.now() },
    userId,
    { access_token: token.accessToken, expires_in: token.expiresIn, x_user_id: token.userId, token_type: "bearer" },
  );
  return { userId, polarUserId: token.userId };
}

export async function prepareDemoData(options: PrepareOptions): Promise<PreparedAthlete[]> {
  const log = options.log ?? (() => undefined);
  const polar = createPolarClient({
    apiBaseUrl: options.sim.url,
    tokenUrl: `${options.sim.url}/v2/oauth2/token`,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
  });

  options.sim.clock.set(options.fromMs);
  const athletes: PreparedAthlete[] = [];
  const waiting = options.logins.filter((login) => (options.connectAt?.[login] ?? options.fromMs) > options.fromMs);
  const signIn = async (login: string) => {
    const { userId, polarUserId } = await signInSimulatedAthlete(options, polar, login);
    athletes.push({ login, userId, polarUserId, state: "signed-in" });
    const archive = options.importOnConnect?.[login];
    if (archive) {
      const importing = { db: options.db, simUrl: options.sim.url, limits: options.importLimits ?? getImportLimits(), now: () => options.sim.clock.now() };
      const view = await importSimulatedArchive(importing, { userId, polarUserId, login }, archive.coverDays);
      log(`  ${login} imported Polar's archive (${archive.coverDays} days): ${view.summary.types.sessions.imported} sessions, ${view.summary.types.activity.imported} days of activity`);
    }
  };
  for (const login of options.logins) if (!waiting.includes(login)) await signIn(login);
  log(`Signed in ${athletes.length} simulated athletes through the simulator's OAuth flow`);

  const deps = { db: options.db, polar, tokenKey: options.tokenKey, now: () => options.sim.clock.now() };
  let steps = 0;
  for (let at = options.fromMs; ; at = Math.min(at + options.stepMs, options.toMs)) {
    options.sim.clock.set(at);
    for (const login of waiting.filter((candidate) => (options.connectAt?.[candidate] ?? 0) <= at)) {
      waiting.splice(waiting.indexOf(login), 1);
      await signIn(login);
      log(`  ${login} connected; the first sync backfills the history Polar still keeps`);
    }
    for (const athlete of athletes) {
      const result: SyncRunResult = await syncAthlete(deps, athlete.userId, { trigger: "demo", now: at });
      athlete.state = result.status;
    }
    steps += 1;
    if (steps % 10 === 0 || at === options.toMs) {
      log(`  synced through ${new Date(at).toISOString().slice(0, 10)} (${steps} rounds)`);
    }
    if (at >= options.toMs) break;
  }
  return athletes;
}

export function daysBefore(ms: number, days: number): number {
  return ms - days * DAY_MS;
}
