import { describe, expect, it } from "vitest";
import { formatSessionFigures } from "@/components/calendar/describe";
import { getMonthBounds, isCalendarMonth, listMonthWeeks, parseCalendarSelection, shiftMonth, toLoadBand } from "@/lib/dal/calendar/month";

describe("calendar months", () => {
  it.each([
    ["2026-11", 1, "2026-12"],
    ["2026-12", 1, "2027-01"],
    ["2026-01", -1, "2025-12"],
    ["2026-03", -14, "2025-01"],
  ])("%s shifted by %i is %s", (month, count, expected) => {
    expect(shiftMonth(month, count)).toBe(expected);
  });

  it("knows the last day of each month, leap years included", () => {
    expect(getMonthBounds("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(getMonthBounds("2026-02").last).toBe("2026-02-28");
    expect(getMonthBounds("2026-12").last).toBe("2026-12-31");
  });

  it("lays a month out in whole Monday-first weeks", () => {
    // 1 November 2026 is a Sunday, 30 November a Monday: six weeks, from 26 October to 6 December.
    const weeks = listMonthWeeks("2026-11");
    expect(weeks).toHaveLength(6);
    expect(weeks[0][0]).toBe("2026-10-26");
    expect(weeks[0][6]).toBe("2026-11-01");
    expect(weeks[5][0]).toBe("2026-11-30");
    expect(weeks[5][6]).toBe("2026-12-06");
    // February 2027 starts on a Monday and ends on a Sunday: exactly four weeks.
    expect(listMonthWeeks("2027-02").map((week) => week[0])).toEqual(["2027-02-01", "2027-02-08", "2027-02-15", "2027-02-22"]);
  });

  it.each(["2026-13", "2026-00", "26-11", "2026-1", "november", "1899-12"])("rejects %s as a month", (value) => {
    expect(isCalendarMonth(value)).toBe(false);
  });
});

describe("the calendar's query", () => {
  const today = "2026-12-02";

  it("opens the athlete's current month by default", () => {
    expect(parseCalendarSelection({}, today)).toEqual({ month: "2026-12", day: null, problem: null });
  });

  it("takes the month and a day inside it; a day alone opens its month; a day outside the month is dropped", () => {
    expect(parseCalendarSelection({ month: "2026-11", day: "2026-11-03" }, today)).toEqual({ month: "2026-11", day: "2026-11-03", problem: null });
    expect(parseCalendarSelection({ day: "2026-10-31" }, today)).toEqual({ month: "2026-10", day: "2026-10-31", problem: null });
    expect(parseCalendarSelection({ month: "2026-11", day: "2026-10-31" }, today)).toEqual({ month: "2026-11", day: null, problem: null });
  });

  it("says what was wrong with a malformed month or day and shows the default", () => {
    const bad = parseCalendarSelection({ month: "2026-13", day: "2026-02-30" }, today);
    expect(bad.month).toBe("2026-12");
    expect(bad.day).toBeNull();
    expect(bad.problem).toBe('"2026-13" is not a month (expected YYYY-MM, e.g. 2026-12); "2026-02-30" is not a date (expected YYYY-MM-DD). Showing 2026-12 instead.');
  });
});

describe("load shading", () => {
  it.each([
    [null, "rest"],
    [0, "rest"],
    [0.5, "light"],
    [49.9, "light"],
    [50, "moderate"],
    [99, "moderate"],
    [100, "hard"],
    [199, "hard"],
    [200, "very-hard"],
    [900, "very-hard"],
  ] as const)("a day load of %s AU is %s", (load, band) => {
    expect(toLoadBand(load)).toBe(band);
  });
});

describe("a session in a calendar cell", () => {
  const session = { id: 1, startTimeLocal: "2026-11-02T07:00:00", sport: "RUNNING", detailedSport: null, durationSeconds: 2401, loadSource: "polar" as const };
  it.each([
    [2401, 40, "40m · 40"],
    [3900, 140.4, "1h05 · 140"],
    [7200, null, "2h00"],
  ])("%i s with load %s reads %s", (durationSeconds, load, text) => {
    expect(formatSessionFigures({ ...session, durationSeconds, load })).toBe(text);
  });
});
