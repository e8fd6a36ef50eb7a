import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import { getAthleteToday } from "@/lib/dal/series/clock";
import { getDailySeries } from "@/lib/dal/series/read";
import { getRoster } from "@/lib/dal/roster/roster";
import { getSharedDailySeries } from "@/lib/dal/series/read";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import { createTestDb, insertAthlete, seedHistory, storeNight, storeSession, type TestDb } from "./fixtures";

// 15:00 UTC: 16:00 on 2026-03-31 at +01:00, but 01:00 on 2026-04-01 at +10:00.
const NOW = Date.UTC(2026, 2, 31, 15, 0, 0);
const coach: Viewer = { userId: "coach", polarUserId: 7000, name: "Coach" };
const athlete: Viewer = { userId: "k1", polarUserId: 7001, name: null };
const RANGE = { from: "2026-03-20", to: "2026-03-31" };
let t: TestDb;
let teamId = "";

beforeAll(() => {
  t = createTestDb();
  insertAthlete(t.db, "coach", 7000);
  insertAthlete(t.db, "k1", 7001);
  seedHistory(t.db, "k1", { lastDate: "2026-03-30", days: 120, seed: 11 });
  teamId = createTeam(t.db, coach, { name: "Squad" }, { now: NOW }).teamId;
  const link = createInvitation(t.db, coach, teamId, { scopes: ["training", "recovery"] }, { now: NOW });
  acceptInvitation(t.db, athlete, link.token, {}, { now: NOW });
});

afterAll(() => t.close());

describe("the coach's view of one athlete", () => {
  it("uses the athlete's clock: the newest record by its UTC instant decides the offset", () => {
    expect(getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW }).today).toBe("2026-03-31");
    // A session after the last night, recorded at +10:00 (10:00 UTC): the athlete's today moves to 1 April.
    storeSession(t.db, "k1", { id: 90_001, start: "2026-03-31T20:00:00", offsetMinutes: 600, cardioLoad: 60 });
    expect(getAthleteToday(t.db, "k1", NOW)).toBe("2026-04-01");
    expect(getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW }).today).toBe("2026-04-01");
    expect(getRoster(t.db, coach, teamId, { now: NOW }).rows[0].today).toBe("2026-04-01");
    // A later night back at +01:00 is the newest record again.
    storeNight(t.db, "k1", "2026-04-01");
    expect(getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW }).today).toBe("2026-03-31");
  });

  it("cuts exactly the asked range out of the memoised series, with the athlete's own numbers for shared scopes", () => {
    const shared = getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW });
    const own = getDailySeries(t.db, athlete, "me", RANGE, { now: NOW });
    expect(shared.points.map((point) => point.date)).toEqual(own.points.map((point) => point.date));
    expect(shared.points[0].date).toBe("2026-03-20");
    expect(shared.points.at(-1)?.date).toBe("2026-03-31");
    expect(shared.points.map((point) => point.load.value)).toEqual(own.points.map((point) => point.load.value));
    expect(shared.points.map((point) => point.pmc.ctl)).toEqual(own.points.map((point) => point.pmc.ctl));
    // Sleep is not shared: no sleep number in the coach's series.
    expect(shared.points.every((point) => point.sleep.night === null)).toBe(true);
  });

  it("serves a repeated view from memory and recomputes after the athlete's data changes", () => {
    const first = getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW });
    expect(getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW }).points[0]).toBe(first.points[0]);
    // 31 March has no Polar daily cardio load, so the day's load is the sum of its sessions' loads.
    storeSession(t.db, "k1", { id: 90_002, start: "2026-03-31T07:00:00", cardioLoad: 300 });
    const after = getSharedDailySeries(t.db, coach, "k1", "training", () => RANGE, { now: NOW });
    const day = (series: typeof first) => series.points.find((point) => point.date === "2026-03-31")?.load.value;
    expect(day(first)).toBe(60);
    expect(day(after)).toBe(360);
  });
});
