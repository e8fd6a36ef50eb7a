import { describe, expect, it } from "vitest";
import {
  addDays,
  computeAgeYears,
  diffDays,
  fromDayNumber,
  getIsoWeekday,
  getWeekStart,
  isLocalDate,
  listDays,
  parseIsoDurationSeconds,
  resolveAnalyticsSettings,
  resolvePhysiologySettings,
  toDayNumber,
} from "@/lib/analytics";
import { createRandom } from "./helpers";

describe("local date arithmetic", () => {
  it.each([
    ["1970-01-01", 0],
    ["2000-03-01", 11017],
    ["2024-02-29", 19782],
    ["1969-12-31", -1],
  ])("%s is day %i", (date, n) => {
    expect(toDayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });
  it("crosses month, leap-day and year ends (no DST effects)", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-31", -31)).toBe("2024-02-29");
    expect(diffDays("2024-03-30", "2024-04-01")).toBe(2);
    expect(listDays("2024-12-30", "2025-01-02")).toEqual(["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"]);
    expect(listDays("2025-01-02", "2025-01-01")).toEqual([]);
  });
  it("agrees with Date.UTC for random days", () => {
    const random = createRandom(7);
    for (let k = 0; k < 500; k += 1) {
      const n = Math.floor(random() * 80000) - 20000;
      expect(fromDayNumber(n)).toBe(new Date(n * 86400000).toISOString().slice(0, 10));
    }
  });
  it("validates dates", () => {
    expect(isLocalDate("2023-02-29")).toBe(false);
    expect(isLocalDate("2024-2-01")).toBe(false);
    expect(() => toDayNumber("2024-13-01")).toThrow(RangeError);
  });
  it("weekdays and week starts", () => {
    expect(getIsoWeekday("2024-05-06")).toBe(1);
    expect(getIsoWeekday("2024-05-12")).toBe(7);
    expect(getWeekStart("2024-05-12")).toBe("2024-05-06");
    expect(getWeekStart("2024-05-12", 7)).toBe("2024-05-12");
  });
  it("age on a birthday card", () => {
    expect(computeAgeYears("1992-03-14", "2024-03-13")).toBe(31);
    expect(computeAgeYears("1992-03-14", "2024-03-14")).toBe(32);
  });
});

describe("physiology settings", () => {
  const polar = { maximumHeartRate: 190, restingHeartRate: 49, gender: "FEMALE", birthday: "1992-03-14", sleepGoal: "PT7H30M" };
  it("Polar values with their sources", () => {
    const s = resolvePhysiologySettings(polar);
    expect(s.hrmax).toMatchObject({ value: 190, source: "polar" });
    expect(s.hrrest).toMatchObject({ value: 49, source: "polar" });
    expect(s.sex).toMatchObject({ value: "female", source: "polar" });
    expect(s.zoneModel).toMatchObject({ value: "polar-hrmax", source: "default" });
    expect(s.sleepNeedMinutes).toMatchObject({ value: 450, source: "polar" });
    expect(s.maxHoldSeconds).toMatchObject({ value: 10, source: "default" });
  });
  it("athlete overrides win", () => {
    const s = resolvePhysiologySettings(polar, { hrmax: 195, hrrest: 45, sex: "male", zoneModel: "hrr", sleepNeedMinutes: 500 });
    expect([s.hrmax.value, s.hrrest.value, s.sex.value, s.zoneModel.value, s.sleepNeedMinutes.value]).toEqual([
      195,
      45,
      "male",
      "hrr",
      500,
    ]);
    expect(s.hrmax.source).toBe("athlete");
  });
  it("220 − age is the labelled last resort and needs an injected date", () => {
    const s = resolvePhysiologySettings({ birthday: "1992-03-14" }, {}, { onDate: "2024-05-01" });
    expect(s.hrmax.value).toBe(188);
    expect(s.hrmax.source).toBe("age-formula");
    expect(s.hrmax.label).toContain("220 − age");
    expect(resolvePhysiologySettings({ birthday: "1992-03-14" }).hrmax).toMatchObject({ value: null, source: "unknown" });
  });
  it("unknown sex stays unknown (no TRIMP), labelled with what to do; sleep goal in seconds", () => {
    const s = resolvePhysiologySettings({ sleepGoal: 28800 });
    expect(s.sex).toMatchObject({ value: null, source: "unknown" });
    expect(s.sex.label).toContain("TRIMP needs your sex: set it in Body");
    expect(s.sleepNeedMinutes.value).toBe(480);
    expect(resolvePhysiologySettings(null).sleepNeedMinutes).toMatchObject({ value: 480, source: "default" });
  });
  it("rejects HRrest ≥ HRmax", () => {
    expect(() => resolvePhysiologySettings(polar, { hrrest: 195 })).toThrow(RangeError);
    expect(resolvePhysiologySettings(polar, { hrrest: 195 }, { onInconsistent: "keep" }).hrrest.value).toBe(195);
  });
  it.each([
    ["PT8H", 28800],
    ["PT7H30M", 27000],
    ["P0DT8H0M0S", 28800],
    ["PT", null],
    ["8h", null],
  ])("ISO duration %s", (text, seconds) => {
    expect(parseIsoDurationSeconds(text)).toBe(seconds);
  });
});

describe("analytics settings", () => {
  it("defaults match metrics.md §10.3", () => {
    const s = resolveAnalyticsSettings();
    expect(s.risk).toEqual({
      acwrAmber: 1.3,
      acwrRed: 1.5,
      tsbRed: -30,
      monotonyAmber: 2.0,
      sleepDebtMinutes: 420,
      minLoadHistoryDays: 28,
      contextLookbackDays: 14,
    });
    expect(s.rhr.persistenceNights).toBe(2);
    expect(s.hrv).toMatchObject({ baselineNights: 60, minBaselineNights: 14, bandSd: 0.5, acuteSd: 1 });
    expect(s.cardioStatus).toEqual({ detrainingBelow: 0.8, maintainingBelow: 1.0, productiveMax: 1.3 });
  });
  it("partial overrides merge and inconsistent values throw", () => {
    expect(resolveAnalyticsSettings({ risk: { tsbRed: -25 } }).risk.acwrRed).toBe(1.5);
    expect(() => resolveAnalyticsSettings({ risk: { acwrAmber: 1.6 } })).toThrow(RangeError);
    expect(() => resolveAnalyticsSettings({ hrv: { rollingNights: 0 } })).toThrow(RangeError);
  });
});
