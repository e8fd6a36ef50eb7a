import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { teamAthletes } from "@/db/schema/teams";
import { eq } from "drizzle-orm";
import type { Viewer } from "@/lib/auth/session";
import { getRoster } from "@/lib/dal/roster/roster";
import { createTeam, createInvitation, acceptInvitation } from "@/lib/dal/teams";
import { storeCardioLoad } from "@/lib/sync/store";
import { createTestDb, insertAthlete, PROV, seedHistory, type TestDb } from "../dal/fixtures";

// 2026-03-31 12:00 UTC: the athletes' (UTC+1) local today is 2026-03-31.
const NOW = Date.UTC(2026, 2, 31, 12);
let t: TestDb;
const coach: Viewer = { userId: "coach", polarUserId: 9000, name: "Coach" };
const viewerOf = (id: string): Viewer => ({ userId: id, polarUserId: null, name: null });

/** Counts every SQL statement prepared on the connection while `fn` runs (drizzle prepares per query). */
function countStatements<T>(fn: () => T): { result: T; statements: string[] } {
  const client = t.db.$client;
  const original = client.prepare.bind(client);
  const statements: string[] = [];
  client.prepare = ((source: string) => {
    statements.push(source);
    return original(source);
  }) as typeof client.prepare;
  try {
    return { result: fn(), statements };
  } finally {
    client.prepare = original as typeof client.prepare;
  }
}

let small = "";
let large = "";

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, "coach", 9000);
  for (let i = 0; i < 100; i += 1) {
    const id = `a${String(i).padStart(3, "0")}`;
    insertAthlete(t.db, id, 10_000 + i);
    // 21 days each: enough for 7-day windows; the roster reads the same tables for any history length.
    seedHistory(t.db, id, { lastDate: "2026-03-31", days: 21, seed: i + 1 });
  }
  small = createTeam(t.db, coach, { name: "Ten" }, { now: NOW }).teamId;
  large = createTeam(t.db, coach, { name: "Hundred" }, { now: NOW }).teamId;
  const smallLink = createInvitation(t.db, coach, small, { scopes: ["training", "recovery"] }, { now: NOW });
  const largeLink = createInvitation(t.db, coach, large, { scopes: ["training", "recovery"] }, { now: NOW });
  for (let i = 0; i < 100; i += 1) {
    const id = `a${String(i).padStart(3, "0")}`;
    if (i < 10) acceptInvitation(t.db, viewerOf(id), smallLink.token, {}, { now: NOW });
    acceptInvitation(t.db, viewerOf(id), largeLink.token, {}, { now: NOW });
  }
}, 300_000);

afterAll(() => t.close());

describe("roster query count", () => {
  it("runs the same number of SQL statements for 10 and for 100 athletes", () => {
    const ten = countStatements(() => getRoster(t.db, coach, small, { now: NOW }));
    const hundred = countStatements(() => getRoster(t.db, coach, large, { now: NOW }));
    expect(ten.result.rows).toHaveLength(10);
    expect(hundred.result.rows).toHaveLength(100);
    expect(hundred.statements.length).toBe(ten.statements.length);
    // Fixed and small: authorization, team, members, 1 clock, 1 data version, 1 history bounds, 1 stored-state
    // heads, 5 data, 3 to store the series state (clear, day, head; first view), 1 for the check-ins behind the
    // advice and 3 sync-health statements.
    expect(ten.statements.length).toBe(19);
    expect(t.db.select().from(teamAthletes).where(eq(teamAthletes.teamId, large)).all()).toHaveLength(100);
  });

  it("fills the shared columns with computed values and hides sleep", () => {
    const roster = getRoster(t.db, coach, small, { now: NOW });
    const row = roster.rows.find((item) => item.athleteId === "a000");
    expect(row?.today).toBe("2026-03-31");
    expect(row?.load7.shared).toBe(true);
    if (row?.load7.shared) expect(row.load7.value).toBeGreaterThan(0);
    expect(row?.rhr.shared && row.rhr.value.value).toBeGreaterThanOrEqual(48);
    expect(row?.sleep7).toEqual({ shared: false });
    expect(row?.risk.shared).toBe(true);
    expect(row?.sparkline.shared && row.sparkline.value).toHaveLength(28);
    expect(roster.rows.every((item) => item.sleep7.shared === false)).toBe(true);
  });

  it("recomputes an athlete's memoised row when new data is stored, and only then", () => {
    const before = getRoster(t.db, coach, small, { now: NOW }).rows.find((item) => item.athleteId === "a001");
    const again = getRoster(t.db, coach, small, { now: NOW }).rows.find((item) => item.athleteId === "a001");
    expect(again).toEqual(before);
    // A later sync re-reads today's cardio load with a new value (upsert by athlete + date, new fetchedAt).
    const day = { date: "2026-03-31", cardio_load_status: "PRODUCTIVE", cardio_load: 777, strain: 777, tolerance: 777, cardio_load_ratio: 1 };
    storeCardioLoad(t.db, "a001", day, day, { ...PROV, fetchedAt: PROV.fetchedAt + 60_000 });
    const after = getRoster(t.db, coach, small, { now: NOW }).rows.find((item) => item.athleteId === "a001");
    if (!before?.load7.shared || !after?.load7.shared || !before.sparkline.shared || !after.sparkline.shared) throw new Error("training should be shared");
    expect(after.sparkline.value.at(-1)).toBe(777);
    expect((after.load7.value ?? 0) - (before.load7.value ?? 0)).toBeCloseTo(777 - (before.sparkline.value.at(-1) ?? 0), 6);
  });
});
