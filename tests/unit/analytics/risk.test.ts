/**
 * §10: the decision table row by row, the reason texts and fields, context text and sufficiency.
 */
import { describe, expect, it } from "vitest";
import type { LoadLevel, RiskInput, RiskLevel } from "@/lib/analytics";
import {
  CONTEXT_NON_TRAINING_STRAIN,
  CONTEXT_RESIDUAL_FATIGUE,
  determineRiskLevel,
  evaluateRisk,
  resolveAnalyticsSettings,
} from "@/lib/analytics";

type Signals = {
  day?: number;
  acwr?: number;
  tsb?: number;
  monotony?: number;
  rhrPersistent?: boolean;
  hrvChronic?: boolean;
  hrvAcuteStreak?: number;
  sleepDebtMinutes?: number;
  previous?: LoadLevel[];
};

/** A day whose inputs trigger exactly the listed signals (everything else well inside normal). */
function buildInput(s: Signals): RiskInput {
  return {
    dayIndex: s.day ?? 60,
    acwrEwma: s.acwr ?? 1.0,
    tsb: s.tsb ?? -5,
    monotony: s.monotony ?? 1.2,
    rhr: {
      persistent: s.rhrPersistent ?? false,
      delta: s.rhrPersistent ? 6.1 : 0.4,
      streak: s.rhrPersistent ? 3 : 0,
      baselineMean: 50.8,
      baselineSd: 1.4,
      baselineN: 30,
    },
    hrv: {
      chronicLow: s.hrvChronic ?? false,
      acuteStreak: s.hrvAcuteStreak ?? 0,
      rolling7: s.hrvChronic ? 3.9 : 4.01,
      rollingN: 7,
      lnRmssd: s.hrvAcuteStreak ? 3.85 : 4.0,
      baselineMean: 4.0,
      baselineSd: 0.06,
      baselineN: 60,
      bandLow: 3.97,
    },
    sleepDebt: {
      validNights: 7,
      missingNights: 0,
      grossMinutes: s.sleepDebtMinutes ?? 60,
      netMinutes: 0,
      grossPerValidNightMinutes: (s.sleepDebtMinutes ?? 60) / 7,
    },
    previousLoadLevels: s.previous ?? [],
  };
}

const settings = resolveAnalyticsSettings();

describe("§10.3 decision table", () => {
  const rows: { name: string; signals: Signals; level: RiskLevel; context: string | null }[] = [
    { name: "nothing, day 12 of history", signals: { day: 12 }, level: "insufficient-data", context: null },
    {
      name: "RHR persistent on day 20",
      signals: { day: 20, rhrPersistent: true },
      level: "watch",
      context: CONTEXT_NON_TRAINING_STRAIN,
    },
    { name: "ACWR 1.42 (amber)", signals: { acwr: 1.42 }, level: "watch", context: null },
    { name: "TSB −33.8 (red)", signals: { tsb: -33.8 }, level: "elevated", context: null },
    { name: "ACWR 1.42 + HRV chronic low", signals: { acwr: 1.42, hrvChronic: true }, level: "high", context: null },
    {
      name: "RHR + HRV chronic, quiet fortnight",
      signals: { rhrPersistent: true, hrvChronic: true, previous: Array<LoadLevel>(14).fill("none") },
      level: "elevated",
      context: CONTEXT_NON_TRAINING_STRAIN,
    },
    {
      name: "RHR + HRV chronic after an amber day",
      signals: { rhrPersistent: true, hrvChronic: true, previous: [...Array<LoadLevel>(13).fill("none"), "amber"] },
      level: "elevated",
      context: CONTEXT_RESIDUAL_FATIGUE,
    },
    {
      name: "HRV acute streak 2 + sleep debt",
      signals: { hrvAcuteStreak: 2, sleepDebtMinutes: 450 },
      level: "elevated",
      context: CONTEXT_NON_TRAINING_STRAIN,
    },
    { name: "sleep debt only", signals: { sleepDebtMinutes: 450 }, level: "watch", context: null },
    {
      name: "monotony 2.21 + TSB −33.8, RHR persistent, sleep debt",
      signals: { monotony: 2.21, tsb: -33.8, rhrPersistent: true, sleepDebtMinutes: 450 },
      level: "high",
      context: null,
    },
  ];
  it.each(rows)("$name → $level", ({ signals, level, context }) => {
    const result = evaluateRisk(buildInput(signals), settings);
    expect(result.level).toBe(level);
    expect(result.context).toBe(context);
  });

  it("row 9 has load red, physio 1, sleep debt and four reasons in order", () => {
    const r = evaluateRisk(buildInput({ monotony: 2.21, tsb: -33.8, rhrPersistent: true, sleepDebtMinutes: 450 }));
    expect(r.loadLevel).toBe("red");
    expect(r.physio).toBe(1);
    expect(r.hasSleepDebt).toBe(true);
    expect(r.reasons.map((x) => x.text)).toEqual([
      "TSB -33.8 <= -30.0",
      "monotony 2.21 >= 2.0",
      "RHR +6.1 bpm for 3 nights",
      "7-day sleep debt 7.5 h",
    ]);
  });
});

describe("determineRiskLevel order", () => {
  it.each([
    [false, "none", 0, false, "insufficient-data"],
    [false, "none", 0, true, "insufficient-data"],
    [false, "none", 1, false, "watch"],
    [true, "amber", 1, false, "high"],
    [true, "red", 2, true, "high"],
    [true, "red", 0, false, "elevated"],
    [true, "none", 2, false, "elevated"],
    [true, "none", 1, true, "elevated"],
    [true, "amber", 0, true, "watch"],
    [true, "none", 1, false, "watch"],
    [true, "none", 0, true, "watch"],
    [true, "none", 0, false, "none"],
  ] as const)("history %s, load %s, physio %i, sleep %s → %s", (isLoadHistoryReady, loadLevel, physio, hasSleepDebt, level) => {
    expect(determineRiskLevel({ isLoadHistoryReady, loadLevel, physio, hasSleepDebt })).toBe(level);
  });
});

describe("reasons: exact text and structured fields", () => {
  it("ACWR amber", () => {
    const [reason] = evaluateRisk(buildInput({ acwr: 1.42 })).reasons;
    expect(reason.text).toBe("ACWR 1.42 >= 1.3");
    expect(reason).toMatchObject({ signal: "load-rising", category: "load", contributes: "amber", value: 1.42, threshold: 1.3 });
    expect(reason.window).toEqual({ length: 28, unit: "days", description: "EWMA 7/28 days" });
  });
  it("ACWR red names the red threshold", () => {
    const r = evaluateRisk(buildInput({ acwr: 1.62 }));
    expect(r.loadLevel).toBe("red");
    expect(r.level).toBe("elevated");
    expect(r.reasons[0].text).toBe("ACWR 1.62 >= 1.5");
    expect(r.reasons[0].signal).toBe("load-spike");
  });
  it("TSB", () => {
    const [reason] = evaluateRisk(buildInput({ tsb: -33.8 })).reasons;
    expect(reason.text).toBe("TSB -33.8 <= -30.0");
    expect(reason).toMatchObject({ signal: "accumulated-fatigue", category: "load", threshold: -30, value: -33.8 });
  });
  it("monotony", () => {
    const [reason] = evaluateRisk(buildInput({ monotony: 2.2149 })).reasons;
    expect(reason.text).toBe("monotony 2.21 >= 2.0");
    expect(reason.window.length).toBe(7);
  });
  it("resting HR carries its baseline", () => {
    const [reason] = evaluateRisk(buildInput({ rhrPersistent: true })).reasons;
    expect(reason.text).toBe("RHR +6.1 bpm for 3 nights");
    expect(reason).toMatchObject({ signal: "resting-hr", category: "physio", streak: 3, threshold: 5 });
    expect(reason.baseline).toEqual({ mean: 50.8, sd: 1.4, nights: 30 });
    expect(reason.window).toMatchObject({ length: 30, unit: "nights" });
  });
  it("HRV chronic and acute never both count", () => {
    const r = evaluateRisk(buildInput({ hrvChronic: true, hrvAcuteStreak: 3 }));
    expect(r.physio).toBe(1);
    expect(r.reasons.map((x) => x.text)).toEqual(["HRV 7-day mean below normal range"]);
    expect(r.reasons[0].threshold).toBe(3.97);
  });
  it("HRV acute", () => {
    const r = evaluateRisk(buildInput({ hrvAcuteStreak: 2 }));
    expect(r.reasons.map((x) => x.text)).toEqual(["HRV below -1 SD for 2 days"]);
    expect(r.reasons[0].threshold).toBeCloseTo(3.94, 10);
    expect(r.level).toBe("watch");
  });
  it("HRV acute streak 1 does not count", () => {
    expect(evaluateRisk(buildInput({ hrvAcuteStreak: 1 })).physio).toBe(0);
  });
  it("sleep debt", () => {
    const [reason] = evaluateRisk(buildInput({ sleepDebtMinutes: 450 })).reasons;
    expect(reason.text).toBe("7-day sleep debt 7.5 h");
    expect(reason).toMatchObject({ signal: "sleep-debt", category: "sleep", contributes: "modifier", value: 450, threshold: 420 });
  });
  it("sleep debt just under 7 h does not count; exactly 420 min does", () => {
    expect(evaluateRisk(buildInput({ sleepDebtMinutes: 419.9 })).hasSleepDebt).toBe(false);
    expect(evaluateRisk(buildInput({ sleepDebtMinutes: 420 })).hasSleepDebt).toBe(true);
  });
  it("thresholds are inclusive and configurable", () => {
    expect(evaluateRisk(buildInput({ acwr: 1.3 })).loadLevel).toBe("amber");
    expect(evaluateRisk(buildInput({ acwr: 1.2999 })).loadLevel).toBe("none");
    expect(evaluateRisk(buildInput({ tsb: -30 })).loadLevel).toBe("red");
    const strict = resolveAnalyticsSettings({ risk: { acwrAmber: 1.25 } });
    const r = evaluateRisk(buildInput({ acwr: 1.26 }), strict);
    expect(r.reasons[0].text).toBe("ACWR 1.26 >= 1.25");
  });
});

describe("gates and sufficiency", () => {
  it("load signals are ignored before day 28 but physiology is not", () => {
    const r = evaluateRisk(buildInput({ day: 27, acwr: 1.8, tsb: -50, hrvChronic: true }));
    expect(r.loadLevel).toBe("none");
    expect(r.physio).toBe(1);
    expect(r.level).toBe("watch");
    expect(r.context).toBe(CONTEXT_NON_TRAINING_STRAIN);
  });
  it("load signals count from day 28", () => {
    expect(evaluateRisk(buildInput({ day: 28, acwr: 1.42 })).level).toBe("watch");
  });
  it("sleep debt is not a signal before day 7", () => {
    expect(evaluateRisk(buildInput({ day: 6, sleepDebtMinutes: 900 })).hasSleepDebt).toBe(false);
    expect(evaluateRisk(buildInput({ day: 7, sleepDebtMinutes: 900 })).hasSleepDebt).toBe(true);
  });
  it("insufficient data reports each baseline's progress", () => {
    const input = buildInput({ day: 9 });
    input.rhr = { persistent: false, delta: null, streak: 0, baselineMean: null, baselineSd: null, baselineN: 9 };
    input.hrv = {
      chronicLow: null,
      acuteStreak: 0,
      rolling7: 4,
      rollingN: 5,
      lnRmssd: 4,
      baselineMean: null,
      baselineSd: null,
      baselineN: 7,
      bandLow: null,
    };
    const r = evaluateRisk(input);
    expect(r.level).toBe("insufficient-data");
    expect(r.message).toBe("building baseline — day 9 of 28 · RHR 9 of 14 nights · HRV 7 of 14 nights");
    const labels = Object.fromEntries(r.sufficiency.progress.map((p) => [p.key, p.label]));
    expect(labels.load).toBe("building baseline — day 9 of 28");
    expect(labels.rhr).toBe("RHR 9 of 14 nights");
    expect(r.sufficiency.progress.find((p) => p.key === "rhr")?.ready).toBe(false);
    expect(r.sufficiency.isLoadHistoryReady).toBe(false);
  });
  it("past the minimum the coverage names the nights the baseline uses, never 'n of 14' with n above 14", () => {
    const input = buildInput({ day: 40 });
    input.rhr = { persistent: false, delta: 0, streak: 0, baselineMean: 50, baselineSd: 1, baselineN: 29 };
    const labels = Object.fromEntries(evaluateRisk(input).sufficiency.progress.map((p) => [p.key, p.label]));
    expect(labels.rhr).toBe("RHR baseline from 29 nights");
  });
  it("the context look-back reads only the last 14 days", () => {
    const old: LoadLevel[] = ["red", ...Array<LoadLevel>(14).fill("none")];
    expect(evaluateRisk(buildInput({ rhrPersistent: true, previous: old })).context).toBe(CONTEXT_NON_TRAINING_STRAIN);
    const recent: LoadLevel[] = ["red", ...Array<LoadLevel>(13).fill("none")];
    expect(evaluateRisk(buildInput({ rhrPersistent: true, previous: recent })).context).toBe(CONTEXT_RESIDUAL_FATIGUE);
  });
  it("no context when load is raised or physiology is quiet", () => {
    expect(evaluateRisk(buildInput({ acwr: 1.4, rhrPersistent: true })).context).toBeNull();
    expect(evaluateRisk(buildInput({ previous: ["red"] })).context).toBeNull();
  });
  it("negative values that round to zero print without a minus sign", () => {
    const input = buildInput({ rhrPersistent: true });
    input.rhr = { persistent: true, delta: -0.04, streak: 2, baselineMean: 50, baselineSd: 0.01, baselineN: 20 };
    expect(evaluateRisk(input).reasons[0].text).toBe("RHR +0.0 bpm for 2 nights");
  });
});
