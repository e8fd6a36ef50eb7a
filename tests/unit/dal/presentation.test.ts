import { describe, expect, it } from "vitest";
import { formatClock, formatDayLong, formatDuration, formatNumber } from "@/components/charts/format";
import { readNumber, toHypnogramRows } from "@/components/charts/describe";
import { describeReasonDetail, toBuilding, toSleepDebtRows } from "@/components/dashboard/daily-rows";
import { formatAgo } from "@/components/sync/time";
import { resolveRange } from "@/components/dashboard/range";
import { downsampleSeries } from "@/lib/dal/sessions/detail";
import type { DailyPointDTO } from "@/lib/dal/dto";
import type { RiskReason } from "@/lib/analytics";

describe("readNumber (what a plot draws for a field)", () => {
  it("reads finite numbers, 0 included, and leaves a gap for anything else", () => {
    const row = { zero: 0, load: 42.5, missing: null, text: "12", nan: Number.NaN, inf: Number.POSITIVE_INFINITY };
    expect(readNumber(row, "zero")).toBe(0);
    expect(readNumber(row, "load")).toBe(42.5);
    for (const key of ["missing", "text", "nan", "inf", "absent"]) expect(readNumber(row, key)).toBeNull();
  });
});

describe("resolveRange", () => {
  it.each([
    [{ range: "7d" }, { key: "7d", from: "2026-03-04", to: "2026-03-10" }],
    [{ range: "4w" }, { key: "4w", from: "2026-02-11", to: "2026-03-10" }],
    [{ range: "1y" }, { key: "1y", from: "2025-03-11", to: "2026-03-10" }],
    [{ range: "custom", from: "2026-01-01", to: "2026-01-31" }, { key: "custom", from: "2026-01-01", to: "2026-01-31" }],
    [{ range: "custom", from: "2026-02-30", to: "2026-03-01" }, { key: "3m", from: "2025-12-10", to: "2026-03-10" }],
    [{ range: "custom", from: "2022-01-01", to: "2026-01-01" }, { key: "3m", from: "2025-12-10", to: "2026-03-10" }],
    [{ range: "bogus" }, { key: "3m", from: "2025-12-10", to: "2026-03-10" }],
  ])("%j → %j", (params, expected) => {
    expect(resolveRange(params, "2026-03-10")).toEqual(expected);
  });
});

describe("formatting", () => {
  it("formats athlete-local dates from their digits", () => {
    expect(formatDayLong("2026-03-04")).toBe("Wed 4 Mar 2026");
    expect(formatDayLong("2024-02-29")).toBe("Thu 29 Feb 2024");
  });

  it("shows an em dash for values that are not computable, never 0", () => {
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(Number.NaN)).toBe("—");
    expect(formatNumber(Infinity, 1)).toBe("—");
    expect(formatNumber(0, 1)).toBe("0.0");
  });

  it("formats durations and the athlete's wall clock", () => {
    expect(formatDuration(3_900)).toBe("1 h 05 min");
    expect(formatDuration(35)).toBe("35 s");
    expect(formatClock(Date.UTC(2026, 2, 3, 22, 30), 60)).toBe("23:30");
    expect(formatClock(Date.UTC(2026, 2, 3, 22, 30), -300)).toBe("17:30");
    expect(formatAgo(0, 2 * 3_600_000)).toBe("2 hours ago");
    expect(formatAgo(0, 30_000)).toBe("just now");
  });
});

describe("hypnogram rows", () => {
  it("maps stage codes to levels, unknown codes to 'unknown', and holds the last stage to the end", () => {
    const rows = toHypnogramRows({
      date: "2026-03-04",
      startUtcMs: 0,
      endUtcMs: 10_000,
      offsetMinutes: 60,
      stages: [
        { utcMs: 5_000, code: 1 },
        { utcMs: 0, code: 4 },
        { utcMs: 8_000, code: 6 },
      ],
    });
    expect(rows).toEqual([
      { t: 0, level: 1 },
      { t: 5_000, level: 4 },
      { t: 8_000, level: 0 },
      { t: 10_000, level: 0 },
    ]);
  });
});

describe("downsampleSeries", () => {
  it("keeps short series point for point, with time from the recording rate", () => {
    expect(downsampleSeries([100, null, 102], 5)).toEqual([
      { t: 0, value: 100 },
      { t: 5, value: null },
      { t: 10, value: 102 },
    ]);
  });

  it("averages buckets of long series and keeps all-dropout buckets null", () => {
    const values = [1, 3, null, null, 5, 7];
    expect(downsampleSeries(values, 1, 3)).toEqual([
      { t: 0, value: 2 },
      { t: 2, value: null },
      { t: 4, value: 6 },
    ]);
  });
});

function makePoint(overrides: Partial<DailyPointDTO>): DailyPointDTO {
  const base = {
    date: "2026-03-10",
    dayIndex: 40,
    restingHr: { rhr: 57, baselineN: 29, baselineMean: 50.76, baselineSd: 1.38, delta: 6.24, z: 4.5, elevated: true, streak: 2, persistent: true, source: "nightly-recharge" },
    hrv: { lnRmssd: 3.9, rollingN: 7, rolling7: 3.9871, cv7: 1.86, baselineN: 58, baselineMean: 4.0072, baselineSd: 0.0574, bandLow: 3.9786, bandHigh: 4.0359, chronicLow: true, acuteLow: true, acuteStreak: 2 },
    sleep: { night: null, debt: { validNights: 6, missingNights: 1, grossMinutes: 450, netMinutes: 300, grossPerValidNightMinutes: 75 } },
    risk: { sufficiency: { historyDays: 40, isLoadHistoryReady: true, progress: [{ key: "rhr", have: 9, need: 14, ready: false, label: "RHR 9 of 14 nights" }] } },
  };
  return { ...base, ...overrides } as unknown as DailyPointDTO;
}

describe("reason details", () => {
  it("names the value, the baseline and the window, as metrics §10.3 shows", () => {
    const reason = {
      signal: "resting-hr",
      text: "RHR +6.2 bpm for 2 nights",
      baseline: { mean: 50.76, sd: 1.38, nights: 29 },
      window: { length: 30, unit: "nights", description: "30 nights before tonight" },
    } as RiskReason;
    expect(describeReasonDetail(reason, makePoint({}))).toBe("RHR 57 bpm vs normal 50.8 ± 1.4 (30 nights)");
  });

  it("states the HRV normal range of the chronic signal", () => {
    const reason = { signal: "hrv-chronic", text: "HRV 7-day mean below normal range", baseline: null, window: { length: 60, unit: "nights", description: "" } } as unknown as RiskReason;
    expect(describeReasonDetail(reason, makePoint({}))).toBe("HRV 7-night mean 3.99 ln ms vs normal range 3.98–4.04 (60 nights)");
  });

  it("converts sleep debt to hours and lists baselines still building", () => {
    expect(toSleepDebtRows([makePoint({})])[0]).toMatchObject({ grossHours: 7.5, netHours: 5, validNights: 6 });
    expect(toBuilding([makePoint({})], ["rhr"])).toEqual([{ label: "RHR, nights", have: 9, need: 14 }]);
    expect(toBuilding([], ["rhr"])).toEqual([]);
  });
});
