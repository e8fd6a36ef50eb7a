import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exercises } from "@/db/schema/polar-data";
import { syncRuns } from "@/db/schema/sync";
import { computeAthleteDailySeries, getHistoryStart } from "@/lib/dal/series/read";
import { startSimulator, type Simulator } from "@/lib/polar-sim";
import { DEMO_IMPORT_LOGIN } from "@/scripts/demo/import";
import { prepareDemoData, type PreparedAthlete } from "@/scripts/demo/prepare";
import { CLIENT_ID, CLIENT_SECRET, createTestDb, DAY_MS, REDIRECT_URI, TEST_TOKEN_KEY, type TestDb } from "../sync/support/harness";
import { TEST_IMPORT_LIMITS } from "../import/support/harness";

/**
 * The demo's athlete with imported history, prepared as `npm run demo` prepares her (shorter spans): she signs
 * in through the simulator's OAuth, the simulator writes her "Download your data" archive, the real importer
 * reads it before her first sync, and the real sync runs on. On her first day her PMC already reaches back
 * before anything the API serves, and the import is the first run of her sync log.
 */

const START = "2026-01-05";
const COVER_DAYS = 60;
let sim: Simulator;
let t: TestDb;
let elena: PreparedAthlete;
const fromMs = Date.parse(`${START}T00:00:00Z`) + 20 * DAY_MS;

beforeAll(async () => {
  t = createTestDb("demo-import");
  sim = await startSimulator({ startDate: START, days: 40, importAthlete: true, clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }] });
  [elena] = await prepareDemoData({
    db: t.db,
    sim,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUri: REDIRECT_URI,
    tokenKey: TEST_TOKEN_KEY,
    logins: [DEMO_IMPORT_LOGIN],
    fromMs,
    toMs: fromMs + 10 * DAY_MS,
    stepMs: 5 * DAY_MS,
    importOnConnect: { [DEMO_IMPORT_LOGIN]: { coverDays: COVER_DAYS } },
    importLimits: TEST_IMPORT_LIMITS,
  });
}, 180_000);

afterAll(async () => {
  await sim?.close();
  t?.close();
});

describe("the demo athlete with imported history", () => {
  it("is the simulator's import athlete, and her sync log opens with the import run", () => {
    expect(sim.dataset.athletes.map((athlete) => athlete.profile.login)).toContain(DEMO_IMPORT_LOGIN);
    expect(elena.state).not.toBe("failed");
    const runs = t.db.select().from(syncRuns).where(eq(syncRuns.athleteId, elena.userId)).orderBy(asc(syncRuns.startedAt)).all();
    expect(runs[0]).toMatchObject({ kind: "import", status: "succeeded" });
    expect(runs.slice(1).length).toBeGreaterThan(0);
    expect(runs.slice(1).every((run) => run.kind === "sync")).toBe(true);
  });

  it("has sessions from the archive before anything the API serves, and a PMC from them on her first day", () => {
    const imported = t.db
      .select({ localDate: exercises.localDate })
      .from(exercises)
      .where(and(eq(exercises.athleteId, elena.userId), eq(exercises.source, "export")))
      .orderBy(asc(exercises.localDate))
      .all();
    expect(imported.filter((row) => row.localDate < START).length).toBeGreaterThan(10);
    const historyStart = getHistoryStart(t.db, elena.userId);
    expect(historyStart).not.toBeNull();
    expect((historyStart ?? "") <= imported[0].localDate).toBe(true);
    const firstDay = new Date(fromMs).toISOString().slice(0, 10);
    const series = computeAthleteDailySeries(t.db, elena.userId, { from: historyStart ?? START, to: firstDay }, { now: fromMs + 10 * DAY_MS });
    expect(series.points.filter((point) => point.date < START && point.load.value > 0).length).toBeGreaterThan(10);
  });
});
