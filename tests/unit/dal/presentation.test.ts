import { describe, expect, it } from "vitest";
import { formatClock, formatDayLong, formatDuration, formatNumber } from "@/components/charts/format";
import { readNumber, toHypnogramRows } from "@/components/charts/describe";
import { describeReason, toBuilding, toHrvRows, toSleepDebtRows } from "@/components/dashboard/daily-rows";
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

function makeReason(overrides: Partial<RiskReason>): RiskReason {
  return {
    signal: "accumulated-fatigue",
    category: "load",
    contributes: "red",
    text: "",
    value: 0,
    threshold: null,
    baseline: null,
    streak: null,
    window: { length: 42, unit: "days", description: "yesterday's CTL (42 d) − ATL (7 d)" },
    ...overrides,
  };
}

describe("reason sentences (one wording for the overview, flag timeline, coach pages and weekly report)", () => {
  it.each<[string, Partial<RiskReason>, string]>([
    [
      "form below the −30 level",
      { signal: "accumulated-fatigue", text: "TSB -63.5 <= -30.0", value: -63.5, threshold: -30 },
      "Form (TSB) is −63.5, at or below the −30.0 level: fatigue has outrun fitness (yesterday's CTL (42 d) − ATL (7 d)).",
    ],
    [
      "a load spike",
      { signal: "load-spike", value: 1.624, threshold: 1.5, window: { length: 28, unit: "days", description: "EWMA 7/28 days" } },
      "Workload ratio (ACWR) is 1.62: this week's load is 1.62 times your recent normal, at or above the spike level of 1.5 (EWMA 7/28 days).",
    ],
    [
      "monotony",
      { signal: "monotony", value: 2.314, threshold: 2, window: { length: 7, unit: "days", description: "7 days ending today" } },
      "Monotony is 2.31, at or above the warning level of 2.0 (7 days ending today).",
    ],
    [
      "resting HR above normal",
      { signal: "resting-hr", value: 6.24, threshold: 5, streak: 2, baseline: { mean: 50.76, sd: 1.38, nights: 29 } },
      "Resting HR 57 bpm is 6.2 bpm above your normal of 50.8 ± 1.4 bpm (29 nights), 2 nights in a row.",
    ],
    [
      "HRV week below range, in ms with lnRMSSD",
      { signal: "hrv-chronic", value: 3.6, threshold: 3.7, baseline: { mean: 3.75, sd: 0.1, nights: 51 } },
      "Your 7-night HRV mean, 37 ms (lnRMSSD 3.60), is below your normal range, which starts at 40 ms (baseline of 51 nights).",
    ],
    [
      "HRV acute drop",
      { signal: "hrv-acute", value: 3.4, threshold: 3.65, streak: 2, baseline: { mean: 3.75, sd: 0.1, nights: 40 } },
      "Tonight's HRV, 30 ms (lnRMSSD 3.40), is below 38 ms, well under your normal of 43 ms (40 nights), 2 nights in a row.",
    ],
    [
      "sleep debt",
      { signal: "sleep-debt", value: 450, threshold: 420 },
      "You slept 7.5 h less than you need over the last 7 nights (the flag starts at 7 h).",
    ],
  ])("%s", (_name, overrides, expected) => {
    const sentence = describeReason(makeReason(overrides));
    expect(sentence).toBe(expected);
    expect(sentence).not.toMatch(/<=|>=/);
  });

  it("gives HRV a decimal when whole milliseconds would print the value and its limit alike", () => {
    const reason = makeReason({ signal: "hrv-chronic", value: Math.log(59.7), threshold: Math.log(60.4), baseline: { mean: 4.2, sd: 0.1, nights: 18 } });
    expect(describeReason(reason)).toBe(
      "Your 7-night HRV mean, 59.7 ms (lnRMSSD 4.09), is below your normal range, which starts at 60.4 ms (baseline of 18 nights).",
    );
  });

  it("speaks of the athlete to a coach", () => {
    const reason = makeReason({ signal: "sleep-debt", value: 450, threshold: 420 });
    expect(describeReason(reason, "coach")).toBe("The athlete slept 7.5 h less than they need over the last 7 nights (the flag starts at 7 h).");
    const rhr = makeReason({ signal: "resting-hr", value: 6.24, streak: 2, baseline: { mean: 50.76, sd: 1.38, nights: 29 } });
    expect(describeReason(rhr, "coach")).toContain("above the athlete's normal");
  });

  it("shows HRV rows in ms, with the ln values kept for the tooltip", () => {
    const row = toHrvRows([makePoint({})])[0];
    expect(row.nightly).toBeCloseTo(Math.exp(3.9), 6);
    expect(row.nightlyLn).toBe(3.9);
    expect(row.rolling7).toBeCloseTo(Math.exp(3.9871), 6);
    expect(row.low).toBeCloseTo(Math.exp(3.9786), 6);
    expect(row.high).toBeCloseTo(Math.exp(4.0359), 6);
  });
});

describe("daily rows", () => {
  it("converts sleep debt to hours and lists baselines still building", () => {
    expect(toSleepDebtRows([makePoint({})])[0]).toMatchObject({ grossHours: 7.5, netHours: 5, validNights: 6 });
    expect(toBuilding([makePoint({})], ["rhr"])).toEqual([{ label: "RHR, nights", have: 9, need: 14 }]);
    expect(toBuilding([], ["rhr"])).toEqual([]);
  });
});
