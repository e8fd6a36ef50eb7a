import { afterEach, describe, expect, it } from "vitest";
import { isCalendarDate, resolveRange } from "@/components/dashboard/range";
import {
  addDays,
  addYears,
  computeAgeYears,
  countIsoWeeks,
  diffDays,
  getIsoWeek,
  getIsoWeekStart,
  getIsoWeekday,
  isLocalDate,
  listDays,
  toDayNumber,
  toLocalDateAt,
  toPlainDate,
} from "@/lib/analytics/dates";

const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe("addDays across months, years and leap days", () => {
  it.each([
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2026-04-30", 1, "2026-05-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-01-15", 365, "2027-01-15"],
    ["2026-03-31", -31, "2026-02-28"],
    ["2026-05-10", 0, "2026-05-10"],
  ])("%s + %i days = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(diffDays(date, expected)).toBe(days);
  });
});

describe("DST days are ordinary days", () => {
  // The process zone must not leak into local-date arithmetic: these are the spring-forward and fall-back days
  // of each zone, where a Date-based "+ 24 h" lands on the wrong day or hour.
  it.each([
    ["Europe/Helsinki", "2026-03-29", "2026-10-25"],
    ["America/New_York", "2026-03-08", "2026-11-01"],
    ["Australia/Sydney", "2026-10-04", "2026-04-05"],
  ])("in %s", (zone, springForward, fallBack) => {
    process.env.TZ = zone;
    for (const day of [springForward, fallBack]) {
      expect(addDays(day, 1)).toBe(toPlainDate(day).add({ days: 1 }).toString());
      expect(addDays(addDays(day, -1), 2)).toBe(addDays(day, 1));
      expect(diffDays(addDays(day, -1), addDays(day, 1))).toBe(2);
      expect(listDays(addDays(day, -1), addDays(day, 1))).toHaveLength(3);
    }
  });

  it("reads an instant's local day at a fixed offset, whatever the process zone", () => {
    process.env.TZ = "America/New_York";
    // 2026-03-08 03:30 UTC: 22:30 on the 7th at UTC−5, 23:30 at UTC−4 (after the change), the 8th at UTC+9.
    const instant = Date.UTC(2026, 2, 8, 3, 30);
    expect(toLocalDateAt(instant, -300)).toBe("2026-03-07");
    expect(toLocalDateAt(instant, -240)).toBe("2026-03-07");
    expect(toLocalDateAt(instant, 0)).toBe("2026-03-08");
    expect(toLocalDateAt(instant, 540)).toBe("2026-03-08");
    expect(toLocalDateAt(Date.UTC(2026, 2, 7, 15, 0), 540)).toBe("2026-03-08");
    expect(toLocalDateAt(Date.UTC(2026, 2, 7, 14, 59, 59, 999), 540)).toBe("2026-03-07");
    expect(toLocalDateAt(Date.UTC(2026, 0, 1, 4, 59), -300)).toBe("2025-12-31");
  });
});

describe("ISO weeks across year boundaries", () => {
  it.each([
    ["2020-12-31", 2020, 53],
    ["2021-01-01", 2020, 53],
    ["2021-01-03", 2020, 53],
    ["2021-01-04", 2021, 1],
    ["2024-12-29", 2024, 52],
    ["2026-01-01", 2026, 1],
    ["2026-01-04", 2026, 1],
    ["2026-01-05", 2026, 2],
    ["2026-05-11", 2026, 20],
    ["2024-12-30", 2025, 1],
    ["2025-12-29", 2026, 1],
    ["2026-12-31", 2026, 53],
    ["2027-01-03", 2026, 53],
    ["2027-01-04", 2027, 1],
    ["2032-12-31", 2032, 53],
  ])("%s is in %i-W%i", (date, year, week) => {
    expect(getIsoWeek(date)).toEqual({ year, week });
  });

  it.each([
    [2026, 1, "2025-12-29"],
    [2026, 20, "2026-05-11"],
    [2026, 53, "2026-12-28"],
    [2020, 53, "2020-12-28"],
    [2025, 1, "2024-12-30"],
  ])("week %i-W%i starts on Monday %s", (year, week, monday) => {
    expect(getIsoWeekStart({ year, week })).toBe(monday);
    expect(getIsoWeek(monday)).toEqual({ year, week });
  });

  it("every day of 2000–2040 lies in the Monday-to-Sunday week its ISO week names", () => {
    let previous = getIsoWeek("1999-12-31");
    for (const day of listDays("2000-01-01", "2040-12-31")) {
      const week = getIsoWeek(day);
      const start = getIsoWeekStart(week);
      expect(getIsoWeekday(start)).toBe(1);
      expect(diffDays(start, day)).toBe(getIsoWeekday(day) - 1);
      // Weeks advance by one on Mondays only, and restart at 1 after week 52 or 53.
      if (getIsoWeekday(day) === 1) {
        const expected = previous.week === countIsoWeeks(previous.year) ? { year: previous.year + 1, week: 1 } : { year: previous.year, week: previous.week + 1 };
        expect(week).toEqual(expected);
      } else {
        expect(week).toEqual(previous);
      }
      previous = week;
    }
  });

  it("counts 53-week years", () => {
    expect([2004, 2009, 2015, 2020, 2026, 2032].map(countIsoWeeks)).toEqual([53, 53, 53, 53, 53, 53]);
    expect([2005, 2021, 2024, 2025, 2027].map(countIsoWeeks)).toEqual([52, 52, 52, 52, 52]);
  });
});

describe("strict YYYY-MM-DD", () => {
  it.each(["2026-02-29", "2026-13-01", "2026-00-10", "2026-1-05", "20260105", "2026-01-05T00:00", "+002026-01-05", " 2026-01-05", ""])(
    "rejects %j",
    (value) => {
      expect(isLocalDate(value)).toBe(false);
      expect(() => toDayNumber(value)).toThrow(RangeError);
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it("accepts real days, leap days included", () => {
    expect(["2028-02-29", "2000-02-29", "1970-01-01"].every(isLocalDate)).toBe(true);
    expect(isLocalDate("1900-02-29")).toBe(false);
  });
});

describe("years and ages", () => {
  it("adds years, 29 February falling back to 28 February", () => {
    expect(addYears("2024-02-29", 3)).toBe("2027-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2026-05-10", -1)).toBe("2025-05-10");
  });

  it.each([
    ["1992-03-14", "2024-03-13", 31],
    ["1992-03-14", "2024-03-14", 32],
    ["2000-02-29", "2001-02-28", 0],
    ["2000-02-29", "2001-03-01", 1],
    ["2000-02-29", "2004-02-29", 4],
    ["1990-12-31", "2026-01-01", 35],
  ])("born %s, on %s: %i", (birthday, onDate, age) => {
    expect(computeAgeYears(birthday, onDate)).toBe(age);
  });
});

describe("dashboard ranges", () => {
  it("caps a custom range at three calendar years from its start", () => {
    expect(resolveRange({ range: "custom", from: "2024-02-29", to: "2027-02-28" }, "2027-03-01")).toEqual({ key: "custom", from: "2024-02-29", to: "2027-02-28" });
    expect(resolveRange({ range: "custom", from: "2024-02-29", to: "2027-03-01" }, "2027-03-01").key).toBe("3m");
    expect(resolveRange({ range: "custom", from: "2026-02-30", to: "2026-03-01" }, "2026-03-01").key).toBe("3m");
  });

  it("ends a preset on the athlete's today, across a year end", () => {
    expect(resolveRange({ range: "7d" }, "2026-01-03")).toEqual({ key: "7d", from: "2025-12-28", to: "2026-01-03" });
    expect(resolveRange({}, "2026-03-01")).toEqual({ key: "3m", from: "2025-12-01", to: "2026-03-01" });
  });
});
