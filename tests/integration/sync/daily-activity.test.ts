import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { startSimulator } from "@/lib/polar-sim";
import type { SimUpload } from "@/lib/polar-sim/contract";
import { syncAthlete, type SyncDeps } from "@/lib/sync";
import { connectAthlete, createSimClient, createTestDb, DAY_MS, snapshotAthlete, TEST_TOKEN_KEY, type TestDb } from "./support/harness";

/**
 * Daily activity (polar-accesslink.md §6.2, §5.3): the non-transactional list is the main path; the activity
 * transactions are committed, and read only while the list lacks a day they could bring. One day is one row.
 */

type Sim = Awaited<ReturnType<typeof startSimulator>>;
type Logged = { method: string; path: string };

let sim: Sim;
let testDb: TestDb | null = null;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
});

afterAll(async () => {
  await sim.close();
});

afterEach(async () => {
  testDb?.close();
  testDb = null;
  await fetch(`${sim.url}/__admin/reset`, { method: "POST" });
});

async function setSwitches(body: unknown): Promise<void> {
  const response = await fetch(`${sim.url}/__admin/switches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`switches: ${response.status}`);
}

async function readLog(since = 0): Promise<Logged[]> {
  return (await (await fetch(`${sim.url}/__admin/requests?since=${since}`)).json()) as Logged[];
}

async function setUp(login: string, days: number) {
  await setSwitches({ rateLimitShortBase: 1_000_000, rateLimitLongBase: 10_000_000 });
  testDb = createTestDb("daily-activity");
  const polar = createSimClient(sim.url);
  const registeredAt = sim.clock.now();
  const athlete = await connectAthlete(sim.url, polar, testDb.db, login, registeredAt);
  sim.clock.advance(days * DAY_MS);
  const deps: SyncDeps = { db: testDb.db, polar, tokenKey: TEST_TOKEN_KEY };
  const sync = () => syncAthlete(deps, athlete.userId, { trigger: "cli", now: sim.clock.now() });
  const summaries = () =>
    (sim.dataset.athlete(athlete.polarUserId)?.uploadsBetween(registeredAt, sim.clock.now() + 1) ?? []).filter(
      (u): u is Extract<SimUpload, { kind: "activity-summary" }> => u.kind === "activity-summary",
    );
  return { ...athlete, db: testDb.db, sync, summaries };
}

type ActivityRow = { local_date: string; polar_activity_id: number; endpoint: string; active_steps: number };

function readActivity(db: Db, athleteId: string): ActivityRow[] {
  return db.$client
    .prepare("SELECT local_date, polar_activity_id, endpoint, active_steps FROM daily_activity WHERE athlete_id = ? ORDER BY local_date")
    .all(athleteId) as ActivityRow[];
}

const isItemRead = (entry: Logged) => /\/activity-transactions\/\d+\/activities\//.test(entry.path);
const isSamplesRead = (entry: Logged) => /\/activity-transactions\/\d+\/activities\/\d+\/(step|zone)-samples$/.test(entry.path);

describe("daily activity: the list first, the transactions as the fallback", () => {
  it("stores a day only the transactions deliver from its newest summary, and takes the list's day once it shows it", async () => {
    const { userId, db, sync, summaries } = await setUp("aino", 8);
    const hidden = summaries()[6].date;
    await setSwitches({ activityListHiddenDates: [hidden] });
    const since = (await readLog()).length;
    expect((await sync()).status).toBe("succeeded");

    const rows = readActivity(db, userId);
    const dates = [...new Set(summaries().map((u) => u.date))].sort();
    expect(rows.map((row) => row.local_date)).toEqual(dates);
    const newest = summaries().filter((u) => u.date === hidden).at(-1);
    const fallback = rows.find((row) => row.local_date === hidden);
    expect(fallback?.polar_activity_id).toBe(newest?.id);
    expect(fallback?.endpoint).toMatch(/\/activity-transactions\/\d+\/activities\/\d+$/);
    expect(rows.filter((row) => row.local_date !== hidden).every((row) => row.endpoint.startsWith("/v3/users/activities?"))).toBe(true);
    // The list's gap makes the summaries worth reading; only the hidden day's samples are fetched.
    const log = await readLog(since);
    expect(log.filter(isItemRead).length).toBeGreaterThan(0);
    const hiddenItems = new Set(summaries().filter((u) => u.date === hidden).map((u) => String(u.id)));
    expect(log.filter(isSamplesRead).every((entry) => hiddenItems.has(entry.path.split("/")[7]))).toBe(true);
    expect(log.filter(isSamplesRead)).toHaveLength(2 * hiddenItems.size);

    // The list starts showing the day: its row becomes the list's day, still one row.
    await setSwitches({ activityListHiddenDates: [] });
    await sync();
    const after = readActivity(db, userId);
    expect(after.map((row) => row.local_date)).toEqual(dates);
    expect(after.find((row) => row.local_date === hidden)?.endpoint).toMatch(/^\/v3\/users\/activities\?/);
  });

  it("commits the new summaries of an up-to-date athlete without reading any of them", async () => {
    const { userId, db, sync } = await setUp("mikko", 6);
    expect((await sync()).status).toBe("succeeded");
    // A day later: the watch synced the new day (and yesterday's evening) to Polar; the transactions offer them.
    sim.clock.advance(DAY_MS);
    const since = (await readLog()).length;
    const result = await sync();
    expect(result.status).toBe("succeeded");
    const log = await readLog(since);
    expect(log.filter(isItemRead)).toEqual([]);
    expect(log.filter((entry) => entry.method === "PUT" && /\/activity-transactions\/\d+$/.test(entry.path))).toHaveLength(1);
    // The new and changed days came from the list: their samples in one request over just those days.
    expect(log.filter((entry) => entry.path.startsWith("/v3/users/activities")).map((entry) => /steps=true/.test(entry.path))).toEqual([false, true]);
    expect(result.counts.activity?.new).toBeGreaterThan(0);

    // Nothing new at Polar: no transaction, the list's totals only, nothing rewritten.
    const before = snapshotAthlete(db, userId, { withProvenance: true });
    const sinceQuiet = (await readLog()).length;
    await sync();
    const quiet = await readLog(sinceQuiet);
    expect(quiet.filter((entry) => /activit/.test(entry.path)).map((entry) => `${entry.method} ${entry.path.split("?")[0]}`)).toEqual([
      "GET /v3/users/activities",
      expect.stringMatching(/^POST \/v3\/users\/\d+\/activity-transactions$/),
    ]);
    expect(snapshotAthlete(db, userId, { withProvenance: true })).toEqual(before);
  });
});
