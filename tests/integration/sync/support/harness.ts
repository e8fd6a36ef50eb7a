import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/auth";
import { storePolarSignIn } from "@/lib/auth/connection";
import { registerAthlete } from "@/lib/auth/registration";
import { createPolarClient, type PolarClient } from "@/lib/polar";

/** Shared by the integration tests, the crash child and the bench. */
export const TEST_TOKEN_KEY = "3c1f9a7be2d54c6081f2a9d3b7e4c5f60718293a4b5c6d7e8f90a1b2c3d4e5f6";
export const CLIENT_ID = "threshold-demo";
export const CLIENT_SECRET = "threshold-demo-secret";
export const REDIRECT_URI = "http://localhost:3000/api/auth/callback/polar";
export const DAY_MS = 86_400_000;

/** A client against the simulator with fast retries (the simulator's faults are instantaneous). */
export function createSimClient(simUrl: string, options: { fetch?: typeof fetch } = {}): PolarClient {
  return createPolarClient({
    apiBaseUrl: simUrl,
    tokenUrl: `${simUrl}/v2/oauth2/token`,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: options.fetch,
    maxRetries: 5,
    timeoutMs: 10_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 5))),
  });
}

export { createTestDb, type TestDb } from "@/tests/fixtures/db";

/**
 * Signs an athlete in through the simulator's OAuth (automation shortcut → code → token exchange), stores the
 * encrypted token the way the app does, and registers the athlete at AccessLink.
 */
export async function connectAthlete(
  simUrl: string,
  polar: PolarClient,
  db: Db,
  login: string,
  now: number,
): Promise<{ userId: string; polarUserId: number }> {
  const response = await fetch(`${simUrl}/__admin/oauth/authorize`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, clientId: CLIENT_ID, redirectUri: REDIRECT_URI }),
  });
  if (!response.ok) throw new Error(`authorize failed: ${response.status}`);
  const { redirect } = (await response.json()) as { redirect: string };
  const code = new URL(redirect).searchParams.get("code");
  if (!code) throw new Error(`no code in ${redirect}`);
  const token = await polar.exchangeCode(code, REDIRECT_URI);
  const userId = randomUUID();
  db.insert(users).values({ id: userId, name: login }).run();
  storePolarSignIn(
    db,
    { userId, polarUserId: token.userId, accessToken: token.accessToken, expiresInSeconds: token.expiresIn, now },
    TEST_TOKEN_KEY,
  );
  const registration = await registerAthlete({ db, keyHex: TEST_TOKEN_KEY, polar, now: () => now }, userId);
  if (registration.status !== "registered") throw new Error(`registration failed: ${JSON.stringify(registration)}`);
  return { userId, polarUserId: token.userId };
}

/** Data tables and their natural order; ids, provenance and fetch times are left out of the content. */
const CONTENT_QUERIES: Record<string, string> = {
  exercise: "SELECT * FROM exercise WHERE athlete_id = ? ORDER BY start_utc_ms, device_id",
  exercise_sample:
    "SELECT e.start_utc_ms AS session_start, s.* FROM exercise_sample s JOIN exercise e ON e.id = s.exercise_id WHERE s.athlete_id = ? ORDER BY e.start_utc_ms, e.device_id, s.sample_type",
  exercise_hr_zone:
    "SELECT e.start_utc_ms AS session_start, z.* FROM exercise_hr_zone z JOIN exercise e ON e.id = z.exercise_id WHERE z.athlete_id = ? ORDER BY e.start_utc_ms, e.device_id, z.zone_index",
  daily_activity: "SELECT * FROM daily_activity WHERE athlete_id = ? ORDER BY local_date",
  daily_activity_extra: "SELECT * FROM daily_activity_extra WHERE athlete_id = ? ORDER BY local_date",
  daily_activity_met: "SELECT * FROM daily_activity_met WHERE athlete_id = ? ORDER BY local_date",
  physical_info: "SELECT * FROM physical_info WHERE athlete_id = ? ORDER BY polar_physical_info_id",
  sleep: "SELECT * FROM sleep WHERE athlete_id = ? ORDER BY local_date",
  nightly_recharge: "SELECT * FROM nightly_recharge WHERE athlete_id = ? ORDER BY local_date",
  continuous_heart_rate: "SELECT * FROM continuous_heart_rate WHERE athlete_id = ? ORDER BY local_date",
  cardio_load: "SELECT * FROM cardio_load WHERE athlete_id = ? ORDER BY local_date",
};

/**
 * `content_hash` hashes the raw JSON as served, simulator address included: a cache key, not content. A
 * session's int64 id is known only when its transactional summary was read, which depends on the path.
 */
const NON_CONTENT_COLUMNS = new Set(["id", "exercise_id", "athlete_id", "fetched_at", "endpoint", "transaction_id", "content_hash", "polar_exercise_id"]);

export type DbSnapshot = { counts: Record<string, number>; hash: string; hashes: Record<string, string> };

/**
 * Row counts and a content hash per data table for one athlete. `withProvenance` keeps fetch times and
 * endpoints in (idempotence: a repeated sync must not even rewrite them).
 */
export function snapshotAthlete(db: Db, athleteId: string, options: { withProvenance?: boolean } = {}): DbSnapshot {
  const counts: Record<string, number> = {};
  const hashes: Record<string, string> = {};
  const all = createHash("sha256");
  for (const [table, sql] of Object.entries(CONTENT_QUERIES)) {
    const rows = db.$client.prepare(sql).all(athleteId) as Record<string, unknown>[];
    counts[table] = rows.length;
    const hash = createHash("sha256");
    for (const row of rows) {
      const content = Object.entries(row)
        .filter(([key]) => (options.withProvenance ? key !== "id" && key !== "exercise_id" && key !== "athlete_id" : !NON_CONTENT_COLUMNS.has(key)))
        .map(([key, value]) => [key, key === "raw_json" && !options.withProvenance ? normalizeRaw(value) : value]);
      hash.update(JSON.stringify(content));
    }
    hashes[table] = hash.digest("hex");
    all.update(hashes[table]);
  }
  return { counts, hash: all.digest("hex"), hashes };
}

/** Raw JSON without provenance: the transaction id, and the simulator's address inside absolute URLs. */
function normalizeRaw(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return JSON.stringify(JSON.parse(value), (key: string, inner: unknown) => (key === "transaction-id" ? undefined : inner)).replace(
    /http:\/\/127\.0\.0\.1:\d+/g,
    "SIM",
  );
}
