import { describe, expect, it } from "vitest";
import { formatDuration, formatInstantUtc } from "@/components/charts/format";
import { formatAgo } from "@/components/sync/time";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("formatAgo", () => {
  const now = Date.UTC(2026, 2, 10, 12);
  it.each([
    [0, "just now"],
    [59_999, "just now"],
    [-5 * MIN, "just now"],
    [MIN, "1 minute ago"],
    [12 * MIN + 59_000, "12 minutes ago"],
    [59 * MIN + 59_000, "59 minutes ago"],
    [HOUR, "1 hour ago"],
    [2 * HOUR + 40 * MIN, "2 hours ago"],
    [47 * HOUR + 59 * MIN, "47 hours ago"],
    [2 * DAY, "2 days ago"],
    [3 * DAY + 23 * HOUR, "3 days ago"],
    [400 * DAY, "400 days ago"],
  ])("%i ms ago reads %j (whole units, rounded down)", (elapsed, expected) => {
    expect(formatAgo(now - elapsed, now)).toBe(expected);
  });
});

describe("formatDuration", () => {
  it.each<[number | null | undefined, string]>([
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
    [0, "0 s"],
    [35, "35 s"],
    [59.6, "1 min"],
    [60, "1 min"],
    [305, "5 min 05 s"],
    [2_520, "42 min"],
    [3_600, "1 h 00 min"],
    [3_900, "1 h 05 min"],
    [7_380, "2 h 03 min"],
  ])("%s seconds read %j", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it.each<[number | null, string]>([
    [null, "—"],
    [8_400, "8 s"],
    [72_000, "1 min 12 s"],
    [7_380_000, "2 h 03 min"],
    [499, "0 s"],
  ])("%s milliseconds read %j", (ms, expected) => {
    expect(formatDuration(ms, { unit: "milliseconds" })).toBe(expected);
  });
});

describe("formatInstantUtc", () => {
  const originalTz = process.env.TZ;
  it("writes the UTC minute whatever the process zone, and an em dash for none", () => {
    process.env.TZ = "Pacific/Auckland";
    try {
      expect(formatInstantUtc(Date.UTC(2026, 2, 10, 23, 4, 59))).toBe("2026-03-10 23:04 UTC");
      expect(formatInstantUtc(new Date("2026-12-31T23:59:00Z"))).toBe("2026-12-31 23:59 UTC");
      expect(formatInstantUtc(null)).toBe("—");
      expect(formatInstantUtc(undefined)).toBe("—");
    } finally {
      process.env.TZ = originalTz;
    }
  });
});
