import { describe, expect, it } from "vitest";
import { formatDuration, formatHrv, formatHrvRange, formatInstantUtc, formatSigned, toRmssdMs } from "@/components/charts/format";
import { paddedDomain } from "@/components/charts/theme";
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

describe("HRV for people: rMSSD in ms from the analytics' lnRMSSD", () => {
  it("converts ln to ms in the one formatter, with lnRMSSD in the details", () => {
    // metrics.md §8.1 worked example: RMSSD 28.9828 ms, ln 3.3667.
    expect(toRmssdMs(3.3667)).toBeCloseTo(28.9828, 2);
    expect(formatHrv(3.3667)).toBe("29 ms");
    expect(formatHrv(3.3667, { withLn: true })).toBe("29 ms (lnRMSSD 3.37)");
    expect(formatHrvRange(3.9786, 4.0359)).toBe("53–57 ms");
  });

  it("shows a dash, never 1 ms or NaN, for a night without HRV", () => {
    for (const missing of [null, undefined, Number.NaN]) {
      expect(toRmssdMs(missing)).toBeNull();
      expect(formatHrv(missing, { withLn: true })).toBe("—");
    }
    expect(formatHrvRange(null, 4)).toBe("—");
  });
});

describe("formatSigned", () => {
  it.each<[number | null, number, string]>([
    [-63.54, 1, "−63.5"],
    [6.1, 1, "+6.1"],
    [0, 1, "0.0"],
    [-0.01, 1, "−0.0"],
    [null, 1, "—"],
  ])("%s with %i decimals reads %j", (value, decimals, expected) => {
    expect(formatSigned(value, decimals)).toBe(expected);
  });
});

describe("paddedDomain (the y axis of every chart)", () => {
  const resolve = (domain: Parameters<typeof paddedDomain>[0], data: readonly [number, number]) => {
    const result = paddedDomain(domain);
    return typeof result === "function" ? result(data) : result;
  };

  it("leaves room below and above the data, so the lowest resting HR is not on the bottom edge", () => {
    expect(resolve(["auto", "auto"], [63, 67])).toEqual([62, 68]);
  });

  it("ends on a round number, never on a float like 18.810000000000002", () => {
    expect(resolve([0, "auto"], [0, 17.1])).toEqual([0, 20]);
    expect(resolve(["auto", "auto"], [3.52, 3.71])).toEqual([3.5, 3.8]);
    expect(resolve([0, "auto"], [0, 0.3])).toEqual([0, 0.4]);
  });

  it("keeps a fixed end (a zero baseline, a fixed scale) where it is", () => {
    expect(resolve([0, "auto"], [0, 2])).toEqual([0, 3]);
    expect(resolve([-10, 10], [-3, 4])).toEqual([-10, 10]);
    expect(resolve(["dataMin", "auto"], [3, 5])).toEqual([3, 6]);
  });

  it("pads a flat series by a tenth of its value", () => {
    expect(resolve(["auto", "auto"], [50, 50])).toEqual([45, 55]);
  });
});
