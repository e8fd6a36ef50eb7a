import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncRuns } from "@/db/schema/sync";
import type { Viewer } from "@/lib/auth/session";
import { getCoachOverview } from "@/lib/dal/overview/coach";
import { getOverview } from "@/lib/dal/overview/overview";
import { getRoster } from "@/lib/dal/roster/roster";
import { getSleepNight } from "@/lib/dal/sleep/night";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import { createTestDb, insertAthlete, seedHistory, storePhysiology, storeSession, type TestDb } from "./fixtures";

// 12:00 UTC on 31 March: the seeded athletes' (UTC+1) local today is 31 March.
const NOW = Date.UTC(2026, 2, 31, 12);
const coach: Viewer = { userId: "coach", polarUserId: 9100, name: "Coach" };
const viewerOf = (id: string): Viewer => ({ userId: id, polarUserId: null, name: null });
let t: TestDb;
let teamId = "";

/** The seeded athletes: current, a watch three days behind, a session today after no night, a newcomer. */
const ATHLETES = [
  { id: "fresh", lastDate: "2026-03-31", days: 90 },
  { id: "stale", lastDate: "2026-03-28", days: 90 },
  { id: "no-night", lastDate: "2026-03-30", days: 60 },
  { id: "newcomer", lastDate: "2026-03-31", days: 4 },
] as const;

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, "coach", 9100);
  teamId = createTeam(t.db, coach, { name: "Agree" }, { now: NOW }).teamId;
  const link = createInvitation(t.db, coach, teamId, { scopes: ["training", "sleep", "recovery", "body"] }, { now: NOW });
  ATHLETES.forEach((athlete, i) => {
    insertAthlete(t.db, athlete.id, 9200 + i);
    storePhysiology(t.db, athlete.id, 190, 50);
    seedHistory(t.db, athlete.id, { lastDate: athlete.lastDate, days: athlete.days, seed: 31 + i });
    t.db.insert(syncRuns).values({ id: `run-${athlete.id}`, athleteId: athlete.id, trigger: "click", status: "succeeded", step: "Done", startedAt: NOW - 60_000, finishedAt: NOW }).run();
    acceptInvitation(t.db, viewerOf(athlete.id), link.token, {}, { now: NOW });
  });
  // A session today, but no night ends today.
  storeSession(t.db, "no-night", { id: 99_001, start: "2026-03-31T07:00:00", cardioLoad: 120 });
}, 120_000);

afterAll(() => t.close());

describe("the overview and the roster agree", () => {
  it.each(ATHLETES.map((athlete) => athlete.id))("on every number both show for %s", (id) => {
    const overview = getOverview(t.db, viewerOf(id), "me", { now: NOW });
    const row = getRoster(t.db, coach, teamId, { now: NOW }).rows.find((item) => item.athleteId === id);
    expect(row).toBeDefined();
    if (!row) return;
    const { recent } = overview;
    expect(row.today).toBe(overview.today);
    expect(row.dataThrough).toBe(recent.dataThrough);
    // "Last night" on the overview is the night the roster names.
    expect(row.lastNight).toBe(overview.lastNight?.date ?? null);
    expect(row.load7).toEqual({ shared: true, value: overview.week.points.reduce((sum, point) => sum + point.load.value, 0) });
    expect(row.acwr).toEqual({ shared: true, value: { value: overview.todayPoint?.acwr.ewma ?? null, band: overview.todayPoint?.acwr.band ?? null } });
    expect(row.tsb).toEqual({ shared: true, value: overview.todayPoint?.pmc.tsb ?? null });
    const { date: rhrDate, ...rhr } = recent.rhr;
    expect(row.rhr).toEqual({ shared: true, value: rhr });
    expect(rhr.value).toBe(overview.week.points.find((point) => point.date === rhrDate)?.restingHr.rhr ?? null);
    expect(row.hrv).toEqual({ shared: true, value: recent.hrv });
    expect(row.hrv.shared && row.hrv.value.rolling7).toBe(overview.todayPoint?.hrv.rolling7 ?? null);
    expect(row.sleep7).toEqual({ shared: true, value: recent.sleep7 });
    // Why last night is missing: the same case on both pages, each worded for its reader.
    expect(row.gap?.reason ?? null).toBe(overview.lastNightGap?.reason ?? null);
    expect(row.gap?.latestDeviceDay ?? null).toBe(overview.lastNightGap?.latestDeviceDay ?? null);
    // The coach's own page about the athlete shows the same figures.
    expect(getCoachOverview(t.db, coach, id, { now: NOW }).recent).toEqual(recent);
  });

  it("names the stale athlete's watch and the missing night, as the overview does", () => {
    const rows = getRoster(t.db, coach, teamId, { now: NOW }).rows;
    const stale = rows.find((row) => row.athleteId === "stale");
    expect(stale).toMatchObject({ dataThrough: "2026-03-28", lastNight: "2026-03-28" });
    expect(stale?.gap).toMatchObject({
      reason: "device_not_synced",
      message: "The athlete's watch has not synced with Polar since 2026-03-28. This day appears after it does.",
      link: null,
    });
    expect(getOverview(t.db, viewerOf("stale"), "me", { now: NOW }).lastNightGap?.message).toBe(
      "Your watch has not synced with Polar since 2026-03-28. This day appears after it does.",
    );
    const noNight = rows.find((row) => row.athleteId === "no-night");
    expect(noNight).toMatchObject({ dataThrough: "2026-03-31", lastNight: "2026-03-30", gap: { reason: "device_not_synced", latestDeviceDay: "2026-03-30" } });
    expect(rows.find((row) => row.athleteId === "fresh")?.gap).toBeNull();
    // The coach's Sleep page explains the missing night about the athlete, the athlete's own about "your watch".
    expect(getSleepNight(t.db, coach, "stale", null, { now: NOW }).gap?.message).toBe(stale?.gap?.message);
    expect(getSleepNight(t.db, viewerOf("stale"), "me", null, { now: NOW }).gap?.message).toMatch(/^Your watch/);
  });

  it("explains the empty rows in the same number of statements for one athlete as for three", () => {
    const count = (team: string) => {
      const client = t.db.$client;
      const original = client.prepare.bind(client);
      let statements = 0;
      client.prepare = ((source: string) => {
        statements += 1;
        return original(source);
      }) as typeof client.prepare;
      try {
        const rows = getRoster(t.db, coach, team, { now: NOW }).rows;
        return { statements, gaps: rows.filter((row) => row.gap !== null).length };
      } finally {
        client.prepare = original as typeof client.prepare;
      }
    };
    const one = createTeam(t.db, coach, { name: "One" }, { now: NOW }).teamId;
    const three = createTeam(t.db, coach, { name: "Three" }, { now: NOW }).teamId;
    for (const [team, ids] of [[one, ["stale"]], [three, ["stale", "no-night", "fresh"]]] as const) {
      const link = createInvitation(t.db, coach, team, { scopes: ["training", "sleep", "recovery"] }, { now: NOW });
      for (const id of ids) acceptInvitation(t.db, viewerOf(id), link.token, {}, { now: NOW });
    }
    // Warm the series memo, so both counts are of the explainer and the roster's own reads.
    count(one);
    count(three);
    const small = count(one);
    const large = count(three);
    expect(small.gaps).toBe(1);
    expect(large.gaps).toBe(2);
    expect(large.statements).toBe(small.statements);
  });
});
