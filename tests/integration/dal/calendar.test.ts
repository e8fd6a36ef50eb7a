import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CalendarView } from "@/components/calendar/calendar-view";
import type { Viewer } from "@/lib/auth/session";
import { getCalendarMonth } from "@/lib/dal/calendar/calendar";
import { toLoadBand } from "@/lib/dal/calendar/month";
import { getDailySeries } from "@/lib/dal/series/read";
import { listSessions } from "@/lib/dal/sessions/list";
import { acceptInvitation, createInvitation, createTeam } from "@/lib/dal/teams";
import { createTestDb, insertAthlete, seedHistory, storePhysiology, storeSession, type TestDb } from "./fixtures";

// 15:00 UTC on 31 March: 16:00 at +01:00 (the seeded nights), so the athlete's today is 31 March.
const NOW = Date.UTC(2026, 2, 31, 15, 0, 0);
const athlete: Viewer = { userId: "a1", polarUserId: 8001, name: "Ath" };
const trainingCoach: Viewer = { userId: "c-training", polarUserId: 8002, name: "Coach T" };
const sleepCoach: Viewer = { userId: "c-sleep", polarUserId: 8003, name: "Coach S" };
const fullCoach: Viewer = { userId: "c-full", polarUserId: 8004, name: "Coach F" };
const stranger: Viewer = { userId: "s1", polarUserId: 8005, name: "Stranger" };
let t: TestDb;

function share(coach: Viewer, scopes: ("training" | "sleep" | "recovery" | "body")[]): void {
  const teamId = createTeam(t.db, coach, { name: `Team of ${coach.userId}` }, { now: NOW }).teamId;
  const link = createInvitation(t.db, coach, teamId, { scopes }, { now: NOW });
  acceptInvitation(t.db, athlete, link.token, {}, { now: NOW });
}

beforeAll(() => {
  t = createTestDb();
  for (const viewer of [athlete, trainingCoach, sleepCoach, fullCoach, stranger]) insertAthlete(t.db, viewer.userId, viewer.polarUserId ?? 0);
  storePhysiology(t.db, "a1", 190, 50);
  seedHistory(t.db, "a1", { lastDate: "2026-03-30", days: 120, seed: 5 });
  share(trainingCoach, ["training"]);
  share(sleepCoach, ["sleep"]);
  share(fullCoach, ["training", "sleep", "recovery", "body"]);
});

afterAll(() => t.close());

const daysOf = (calendar: ReturnType<typeof getCalendarMonth>) => calendar.weeks.flat().filter((day) => day.inMonth);

describe("the calendar", () => {
  it("opens the athlete's month by default, on Monday-first weeks, with nothing after the athlete's today", () => {
    const calendar = getCalendarMonth(t.db, athlete, "me", {}, { now: NOW });
    expect(calendar.month).toBe("2026-03");
    expect(calendar.today).toBe("2026-03-31");
    expect(calendar.weeks[0][0].date).toBe("2026-02-23");
    expect(calendar.previousMonth).toBe("2026-02");
    expect(calendar.nextMonth).toBe("2026-04");
    const april = getCalendarMonth(t.db, athlete, "me", { month: "2026-04" }, { now: NOW });
    expect(daysOf(april).every((day) => day.isFuture && day.load === null && day.sessions?.length === 0 && day.flag === null)).toBe(true);
  });

  it("shows each day's sessions, load, sleep and advice exactly as the session list and the daily series give them", () => {
    const calendar = getCalendarMonth(t.db, athlete, "me", { month: "2026-03" }, { now: NOW });
    const series = getDailySeries(t.db, athlete, "me", { from: "2026-03-01", to: "2026-03-31" }, { now: NOW, scope: "recovery" });
    const sessions = listSessions(t.db, athlete, "me", { from: "2026-03-01", to: "2026-03-31" }, { now: NOW }).sessions;
    const days = daysOf(calendar);
    expect(days).toHaveLength(31);
    expect(days.flatMap((day) => day.sessions ?? []).map((session) => session.id).sort()).toEqual(sessions.map((session) => session.id).sort());
    let flagged = 0;
    for (const point of series.points) {
      const day = days.find((item) => item.date === point.date);
      expect(day?.load).toEqual({ value: point.load.value, band: toLoadBand(point.load.value), source: point.load.source });
      expect(day?.sleep?.actualMinutes).toBe(point.sleep.night?.actualSleepMinutes);
      expect(day?.advice).toEqual(point.advice);
      const isFlag = point.risk.level === "watch" || point.risk.level === "elevated" || point.risk.level === "high";
      expect(day?.flag).toEqual(isFlag ? { level: point.risk.level, reasons: point.risk.reasons } : null);
      if (isFlag) flagged += 1;
    }
    // The seeded month has sessions with Polar's cardio load and sessions with TRIMP only.
    const all = days.flatMap((day) => day.sessions ?? []);
    expect(new Set(all.map((session) => session.loadSource))).toEqual(new Set(["polar", "trimp"]));
    expect(all.every((session) => session.sport === "RUNNING" && session.durationSeconds >= 1800 && session.load !== null)).toBe(true);
    // The seeded month has flagged days, so the comparison above covered flags too.
    expect(flagged).toBeGreaterThan(0);
  });

  it("puts a session on the athlete's local day, not the UTC day", () => {
    // 00:30 at +10:00 on 30 March is 14:30 UTC on the 29th: it belongs on the 30th.
    storeSession(t.db, "a1", { id: 77_001, start: "2026-03-30T00:30:00", offsetMinutes: 600, cardioLoad: 80 });
    const calendar = getCalendarMonth(t.db, athlete, "me", { month: "2026-03" }, { now: NOW });
    const day = daysOf(calendar).find((item) => item.sessions?.some((session) => session.startTimeLocal === "2026-03-30T00:30:00"));
    expect(day?.date).toBe("2026-03-30");
  });

  it("opens a day with its series point and, for a night with no data, the reason", () => {
    const calendar = getCalendarMonth(t.db, athlete, "me", { month: "2026-03", day: "2026-03-31" }, { now: NOW });
    expect(calendar.selected?.day.date).toBe("2026-03-31");
    expect(calendar.selected?.point?.date).toBe("2026-03-31");
    // No night ends on 31 March (the seeded nights end on the 30th), and no sync has run in this database.
    expect(calendar.selected?.sleepGap?.reason).toBe("never_synced");
    expect(getCalendarMonth(t.db, athlete, "me", { month: "2026-03", day: "2026-03-10" }, { now: NOW }).selected?.sleepGap).toBeNull();
  });

  it("says what was wrong with a malformed month and shows the current one", () => {
    const calendar = getCalendarMonth(t.db, athlete, "me", { month: "2026-3" }, { now: NOW });
    expect(calendar.month).toBe("2026-03");
    expect(calendar.problem).toContain('"2026-3" is not a month');
  });
});

describe("the coach's calendar follows the athlete's scopes", () => {
  it("training only: sessions and load, no sleep, advice or flags", () => {
    const calendar = getCalendarMonth(t.db, trainingCoach, "a1", { month: "2026-03", day: "2026-03-10" }, { now: NOW });
    expect(calendar.scopes).toEqual(["training"]);
    const days = daysOf(calendar);
    expect(days.some((day) => (day.sessions?.length ?? 0) > 0)).toBe(true);
    expect(days.every((day) => day.sleep === null && day.advice === null && day.flag === null)).toBe(true);
    expect(calendar.selected?.sleepGap).toBeNull();
  });

  it("sleep only: no session and no load anywhere, sleep hours shown", () => {
    const calendar = getCalendarMonth(t.db, sleepCoach, "a1", { month: "2026-03" }, { now: NOW });
    const days = daysOf(calendar);
    expect(days.every((day) => day.sessions === null && day.load === null && day.flag === null && day.advice === null)).toBe(true);
    expect(days.filter((day) => day.sleep !== null).length).toBeGreaterThan(20);
    expect(JSON.stringify(calendar)).not.toContain("RUNNING");
  });

  it("everything shared: the same days as the athlete's own calendar, and the night's reason worded for the coach", () => {
    const own = getCalendarMonth(t.db, athlete, "me", { month: "2026-03" }, { now: NOW });
    const coach = getCalendarMonth(t.db, fullCoach, "a1", { month: "2026-03", day: "2026-03-31" }, { now: NOW });
    expect(coach.weeks.flat().map((day) => [day.date, day.load, day.sessions?.length, day.sleep, day.flag?.level ?? null])).toEqual(
      own.weeks.flat().map((day) => [day.date, day.load, day.sessions?.length, day.sleep, day.flag?.level ?? null]),
    );
    expect(coach.selected?.sleepGap).toMatchObject({ reason: "never_synced", message: "Nothing has been synced for the athlete yet.", link: null });
  });

  it("nothing shared: not found, like any athlete the viewer cannot see", () => {
    expect(() => getCalendarMonth(t.db, stranger, "a1", {}, { now: NOW })).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});

describe("the rendered calendar", () => {
  const render = (viewer: Viewer, athleteId: string, reader: "athlete" | "coach", day?: string) =>
    renderToStaticMarkup(
      createElement(CalendarView, {
        calendar: getCalendarMonth(t.db, viewer, athleteId, { month: "2026-03", day }, { now: NOW }),
        basePath: "/cal",
        sessionHrefBase: "/sessions",
        reader,
      }),
    );

  it("says each day's load in words and pips as well as by shading, and links days and sessions by URL", () => {
    const html = render(athlete, "me", "athlete", "2026-03-10");
    const cells = [...html.matchAll(/data-band="([a-z-]+)"[^>]*><a[^>]*aria-label="([^"]*)"/g)];
    expect(cells).toHaveLength(31);
    for (const [, band, label] of cells) expect(label).toMatch(new RegExp(`day load \\d+ AU \\(${band.replace("-", " ")}\\)`));
    expect(cells.some(([, band]) => band !== "rest")).toBe(true);
    expect(html).toContain('href="/cal?month=2026-03&amp;day=2026-03-31#calendar-day"');
    expect(html).toContain('href="/cal?month=2026-02"');
    expect(html).toMatch(/href="\/sessions\/\d+"/);
    expect(html).toContain("Very hard: 200 AU or more");
    expect(html).toContain('data-testid="calendar-day-panel" data-date="2026-03-10"');
  });

  it("shows a sleep-only coach no session, no load and no flag, and says what is not shared", () => {
    const html = render(sleepCoach, "a1", "coach", "2026-03-10");
    expect(html).not.toContain('data-testid="calendar-session"');
    expect(html).not.toMatch(/data-band="(light|moderate|hard|very-hard)"/);
    expect(html).toContain("Training not shared");
    expect(html).toContain("Flags (need training and recovery) not shared");
    expect(html).toContain('data-testid="calendar-sleep"');
    expect(html).not.toContain("Day load (shading and pips)");
  });
});
