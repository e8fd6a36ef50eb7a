import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { addDays, addYears, diffDays, fromDayNumber, isLocalDate, toDayNumber } from "@/lib/analytics/civil-days";

// The integer day arithmetic the browser uses must agree with Temporal (which the rest of dates.ts uses) on
// every day, not only on a few examples.
const EPOCH = Temporal.PlainDate.from("1970-01-01");

describe("civil-day arithmetic agrees with Temporal", () => {
  it("maps every day of 1890–2210 (three century rules, 400-year cycle edge 2000) to Temporal's day number and back", () => {
    let plain = Temporal.PlainDate.from("1890-01-01");
    const end = Temporal.PlainDate.from("2210-12-31");
    let checked = 0;
    while (Temporal.PlainDate.compare(plain, end) <= 0) {
      const text = plain.toString();
      const expected = EPOCH.until(plain, { largestUnit: "days" }).days;
      if (toDayNumber(text) !== expected || fromDayNumber(expected) !== text) throw new Error(`disagrees on ${text}`);
      plain = plain.add({ days: 1 });
      checked += 1;
    }
    expect(checked).toBe(Temporal.PlainDate.from("1890-01-01").until(end, { largestUnit: "days" }).days + 1);
  });

  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2023-12-31", 1, "2024-01-01"],
    ["2026-03-01", -1, "2026-02-28"],
    ["0001-01-01", -1, "0000-12-31"],
  ])("%s + %i day = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(diffDays(date, expected)).toBe(days);
  });

  it("adds years like Temporal with overflow constrained, 29 February falling back to 28 February", () => {
    for (const [date, years] of [["2024-02-29", 1], ["2024-02-29", 4], ["2025-03-31", -3], ["2000-02-29", 100]] as const) {
      expect(addYears(date, years)).toBe(Temporal.PlainDate.from(date).add({ years }, { overflow: "constrain" }).toString());
    }
  });

  it("accepts exactly the strict YYYY-MM-DD dates that exist", () => {
    for (const good of ["2024-02-29", "2000-02-29", "1999-12-31", "0000-01-01"]) expect(isLocalDate(good)).toBe(true);
    for (const bad of ["2023-02-29", "1900-02-29", "2024-13-01", "2024-04-31", "2024-00-10", "20240203", "2024-2-3", "2024-02-03T00:00", ""]) {
      expect(isLocalDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
    expect(() => fromDayNumber(1.5)).toThrow(RangeError);
  });
});
