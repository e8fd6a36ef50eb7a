import { describe, expect, it } from "vitest";
import { formatCount, formatSecondOfDay } from "@/components/activity/format";
import { MAX_JOIN_GAP_SECONDS, toHeartRateRows } from "@/components/heart-rate/rows";
import { computeMeanHr, computeRollingMean, sumZoneBlocks, toZoneBlocks } from "@/lib/dal/activity";
import { summarizeHeartRate, toClockSpan } from "@/lib/dal/heart-rate";
import { formatIsoWeek, parseIsoWeek, parseReportParams, toWeeklyMetric } from "@/lib/dal/report";

describe("ISO weeks in report URLs", () => {
  it.each([
    ["2026-W20", { year: 2026, week: 20 }],
    ["2026-W5", { year: 2026, week: 5 }],
    ["2026-W53", { year: 2026, week: 53 }],
    ["2025-W53", null],
    ["2026-W00", null],
    ["2026-20", null],
    ["2026-W20x", null],
  ])("parses %s", (value, expected) => {
    expect(parseIsoWeek(value)).toEqual(expected);
  });

  it("formats with a zero-padded week and parses report path segments", () => {
    expect(formatIsoWeek({ year: 2026, week: 5 })).toBe("2026-W05");
    expect(parseReportParams({ athlete: "me", week: "2026-W05" })).toEqual({ athleteId: "me", week: { year: 2026, week: 5 } });
    expect(parseReportParams({ athlete: "me", week: "2026-W54" })).toBeNull();
  });
});

describe("toWeeklyMetric", () => {
  it("averages the previous 4 and 12 weeks over weeks with data only", () => {
    const metric = toWeeklyMetric([10, 2, null, 4, 6, 8, null, null, null, null, null, null, 20]);
    expect(metric).toEqual({ value: 10, avg4: 4, n4: 3, avg12: 8, n12: 5 });
  });

  it("gives null means without any earlier week", () => {
    expect(toWeeklyMetric([5, null, null])).toEqual({ value: 5, avg4: null, n4: 0, avg12: null, n12: 0 });
  });
});

describe("activity helpers", () => {
  it("7-day means skip missing days and need 3 days with data", () => {
    const means = computeRollingMean([100, null, 200, 300, null, null, null, null, 600]);
    // Index 2 has 2 values (< 3); index 7's window (1…7) holds only 200 and 300; index 8's holds 200, 300, 600.
    expect(means.slice(0, 8)).toEqual([null, null, null, 200, 200, 200, 200, null]);
    expect(means[8]).toBeCloseTo(1100 / 3, 10);
  });

  it("turns packed zone samples into per-interval seconds and day totals", () => {
    const blocks = toZoneBlocks("7200:0=3600,25200:1=2480;2=1120,64800:2=1320;4=2280;5=60");
    expect(blocks).toEqual([
      { secondOfDay: 7200, seconds: [3600, 0, 0, 0, 0, 0] },
      { secondOfDay: 25_200, seconds: [0, 2480, 1120, 0, 0, 0] },
      { secondOfDay: 64_800, seconds: [0, 0, 1320, 0, 2280, 60] },
    ]);
    expect(sumZoneBlocks(blocks)).toEqual([3600, 2480, 2440, 0, 2280, 60]);
    expect(toZoneBlocks(null)).toEqual([]);
  });

  it("averages valid 24/7 samples only", () => {
    expect(computeMeanHr("0:57,300:,600:0,900:61")).toBe(59);
    expect(computeMeanHr("")).toBeNull();
  });

  it("formats clock seconds and counts", () => {
    expect(formatSecondOfDay(65_100)).toBe("18:05");
    expect(formatSecondOfDay(86_400)).toBe("24:00");
    expect(formatCount(12_345)).toBe("12 345");
    expect(formatCount(null)).toBe("—");
  });
});

describe("heart-rate helpers", () => {
  it("places a UTC span on the local day with its own offset and clips it to the day", () => {
    // 15:05Z at UTC+3 = 18:05 local.
    expect(toClockSpan("2026-03-05", Date.UTC(2026, 2, 5, 15, 5), Date.UTC(2026, 2, 5, 16, 5), 180)).toEqual({ startSecond: 65_100, endSecond: 68_700 });
    // 22:30Z on 03-04 at UTC+1 = 23:30 local, one hour: 30 minutes fall on 03-05.
    expect(toClockSpan("2026-03-05", Date.UTC(2026, 2, 4, 22, 30), Date.UTC(2026, 2, 4, 23, 30), 60)).toEqual({ startSecond: 0, endSecond: 1800 });
    expect(toClockSpan("2026-03-06", Date.UTC(2026, 2, 4, 22, 30), Date.UTC(2026, 2, 4, 23, 30), 60)).toBeNull();
  });

  it("uses the end offset for the end of a night across a DST change", () => {
    // Night into 2026-03-08 (US DST starts 02:00): 22:00 at UTC−5 to 06:00 at UTC−4.
    const start = Date.UTC(2026, 2, 8, 3, 0);
    const end = Date.UTC(2026, 2, 8, 10, 0);
    expect(toClockSpan("2026-03-08", start, end, -300, -240)).toEqual({ startSecond: 0, endSecond: 21_600 });
    expect(toClockSpan("2026-03-07", start, end, -300, -240)).toEqual({ startSecond: 79_200, endSecond: 86_400 });
  });

  it("summarises valid samples only", () => {
    expect(
      summarizeHeartRate([
        { secondOfDay: 0, bpm: 60 },
        { secondOfDay: 300, bpm: null },
        { secondOfDay: 600, bpm: 45 },
        { secondOfDay: 900, bpm: 90 },
      ]),
    ).toEqual({ lowest: 45, average: 65, highest: 90, valid: 3 });
    expect(summarizeHeartRate([])).toEqual({ lowest: null, average: null, highest: null, valid: 0 });
  });

  it("breaks the line where samples are more than 15 minutes apart", () => {
    const rows = toHeartRateRows([
      { secondOfDay: 600, bpm: 62 },
      { secondOfDay: 0, bpm: 60 },
      { secondOfDay: 300, bpm: 61 },
      { secondOfDay: 600 + MAX_JOIN_GAP_SECONDS + 60, bpm: 80 },
    ]);
    expect(rows).toEqual([
      { secondOfDay: 0, bpm: 60 },
      { secondOfDay: 300, bpm: 61 },
      { secondOfDay: 600, bpm: 62 },
      { secondOfDay: 600 + (MAX_JOIN_GAP_SECONDS + 60) / 2, bpm: null },
      { secondOfDay: 600 + MAX_JOIN_GAP_SECONDS + 60, bpm: 80 },
    ]);
  });
});
