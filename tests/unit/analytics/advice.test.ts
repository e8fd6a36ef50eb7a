import { describe, expect, it } from "vitest";
import {
  computeAdvice,
  listPoorCheckInItems,
  type AdviceInput,
  type CheckIn,
} from "@/lib/analytics/advice";
import { computeRiskSufficiency, type RiskInput, type RiskLevel, type RiskReason } from "@/lib/analytics/risk";
import { resolveAnalyticsSettings } from "@/lib/analytics/settings";

const settings = resolveAnalyticsSettings();
const NEED = 480;

type HrvState = "within" | "below" | { baselineNights: number };

function checkIn(values: Partial<CheckIn>): CheckIn {
  return { fatigue: null, soreness: null, stress: null, mood: null, sleepQuality: null, illness: null, note: null, ...values };
}

/** One row of metrics.md §13.2's worked example, turned into the inputs the rules read. */
function row(params: {
  level: RiskLevel;
  hrv: HrvState;
  rhrPersistent: boolean;
  checkIn: CheckIn | null;
  sleepPercent: number;
  riskReasons?: RiskReason[];
}): AdviceInput {
  const hasBaseline = typeof params.hrv === "string";
  const baselineN = hasBaseline ? 60 : (params.hrv as { baselineNights: number }).baselineNights;
  const hrv = {
    chronicLow: hasBaseline ? params.hrv === "below" : null,
    acuteStreak: 0,
    rolling7: hasBaseline ? (params.hrv === "below" ? 3.7 : 4.1) : null,
    rollingN: 7,
    bandLow: hasBaseline ? 3.9 : null,
    baselineN,
    baselineMean: hasBaseline ? 4.0 : null,
  };
  const rhr = { persistent: params.rhrPersistent, delta: params.rhrPersistent ? 6.1 : 0.5, streak: params.rhrPersistent ? 3 : 0, baselineMean: 52, baselineSd: 2, baselineN: 30 };
  const riskInput: RiskInput = {
    dayIndex: 90,
    acwrEwma: null,
    tsb: null,
    monotony: null,
    rhr,
    hrv: { ...hrv, lnRmssd: 4, baselineSd: 0.2 },
    sleepDebt: null,
    previousLoadLevels: [],
  };
  return {
    risk: { level: params.level, reasons: params.riskReasons ?? [], sufficiency: computeRiskSufficiency(riskInput, settings) },
    hrv,
    rhr,
    lastNightSleepMinutes: (params.sleepPercent / 100) * NEED,
    sleepNeedMinutes: NEED,
    checkIn: params.checkIn,
  };
}

const rhrReason: RiskReason = {
  signal: "resting-hr",
  category: "physio",
  contributes: "physio",
  text: "RHR +6.1 bpm for 3 nights",
  value: 6.1,
  threshold: 5,
  baseline: { mean: 52, sd: 2, nights: 30 },
  streak: 3,
  window: { length: 30, unit: "nights", description: "30 nights before tonight" },
};

describe("computeAdvice — metrics.md §13.2 worked example, row by row", () => {
  const rows: { name: string; input: AdviceInput; advice: string; reasons: string[] }[] = [
    {
      name: "1: all normal",
      input: row({ level: "none", hrv: "within", rhrPersistent: false, checkIn: checkIn({ fatigue: 2, soreness: 2, stress: 3, mood: 4, sleepQuality: 4 }), sleepPercent: 92 }),
      advice: "Train as planned",
      reasons: [],
    },
    {
      name: "2: watch level is no reason; two poor items are",
      input: row({ level: "watch", hrv: "within", rhrPersistent: false, checkIn: checkIn({ fatigue: 4, soreness: 4 }), sleepPercent: 88 }),
      advice: "Keep it easy",
      reasons: ["2 check-in items poor (fatigue 4, soreness 4)"],
    },
    {
      name: "3: HRV 7-day mean below range",
      input: row({ level: "none", hrv: "below", rhrPersistent: false, checkIn: null, sleepPercent: 95 }),
      advice: "Keep it easy",
      reasons: ["HRV 7-day mean below normal range"],
    },
    {
      name: "4: elevated with RHR persistent but HRV within range",
      input: row({ level: "elevated", hrv: "within", rhrPersistent: true, checkIn: null, sleepPercent: 80, riskReasons: [rhrReason] }),
      advice: "Keep it easy",
      reasons: ["risk level elevated"],
    },
    {
      name: "5: HRV chronic low and RHR persistent",
      input: row({ level: "none", hrv: "below", rhrPersistent: true, checkIn: null, sleepPercent: 90, riskReasons: [rhrReason] }),
      advice: "Rest or recover",
      reasons: ["HRV 7-day mean below normal range", "RHR +6.1 bpm for 3 nights"],
    },
    {
      name: "6: illness reported before any baseline",
      input: row({ level: "watch", hrv: { baselineNights: 9 }, rhrPersistent: false, checkIn: checkIn({ illness: true }), sleepPercent: 85 }),
      advice: "Rest or recover",
      reasons: ["illness reported"],
    },
    {
      name: "7: no HRV baseline yet",
      input: row({ level: "none", hrv: { baselineNights: 9 }, rhrPersistent: false, checkIn: null, sleepPercent: 100 }),
      advice: "Not enough data",
      reasons: ["HRV 9 of 14 nights"],
    },
    {
      name: "8: short night",
      input: { ...row({ level: "none", hrv: "within", rhrPersistent: false, checkIn: null, sleepPercent: 100 }), lastNightSleepMinutes: 298 },
      advice: "Keep it easy",
      reasons: ["slept 4 h 58 min of 8 h need (62 %)"],
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const result = computeAdvice(r.input);
      expect(result.label).toBe(r.advice);
      expect(result.reasons.map((reason) => reason.text)).toEqual(r.reasons);
    });
  }
});

describe("computeAdvice — rule order and edges", () => {
  const calm = () => row({ level: "none", hrv: "within", rhrPersistent: false, checkIn: null, sleepPercent: 100 });

  it("rest wins over every easy condition, and lists only its own conditions", () => {
    const input = { ...row({ level: "high", hrv: "within", rhrPersistent: false, checkIn: checkIn({ fatigue: 5, soreness: 5, illness: true }), sleepPercent: 50 }) };
    const result = computeAdvice(input);
    expect(result.advice).toBe("rest");
    expect(result.reasons.map((r) => r.kind)).toEqual(["risk-high", "illness"]);
  });

  it("an HRV acute night (streak ≥ 1) alone makes the day easy", () => {
    const input = calm();
    const result = computeAdvice({ ...input, hrv: input.hrv && { ...input.hrv, acuteStreak: 1 } });
    expect(result.advice).toBe("easy");
    expect(result.reasons.map((r) => r.kind)).toEqual(["hrv-acute"]);
  });

  it("sleep exactly at 70 % of the need is not short; below is", () => {
    expect(computeAdvice({ ...calm(), lastNightSleepMinutes: 336 }).advice).toBe("as-planned");
    expect(computeAdvice({ ...calm(), lastNightSleepMinutes: 335 }).advice).toBe("easy");
  });

  it("a missing night or check-in changes nothing", () => {
    const result = computeAdvice({ ...calm(), lastNightSleepMinutes: null });
    expect(result.advice).toBe("as-planned");
    expect(result.hasCheckIn).toBe(false);
  });

  it("thresholds are configurable", () => {
    const input = { ...calm(), checkIn: checkIn({ mood: 1 }) };
    expect(computeAdvice(input).advice).toBe("as-planned");
    expect(computeAdvice(input, { poorItems: 1, sleepFraction: 0.7 }).advice).toBe("easy");
  });

  it("a baseline without a 7-night mean is not enough data, and says what is missing", () => {
    const input = calm();
    const result = computeAdvice({
      ...input,
      hrv: input.hrv && { ...input.hrv, rolling7: null, chronicLow: null, rollingN: 2 },
      risk: {
        ...input.risk,
        sufficiency: {
          ...input.risk.sufficiency,
          progress: input.risk.sufficiency.progress.map((p) =>
            p.key === "hrv-rolling" ? { ...p, have: 2, ready: false, label: "HRV 2 of 7 nights this week (3 needed)" } : p,
          ),
        },
      },
    });
    expect(result.advice).toBe("not-enough-data");
    expect(result.reasons.map((r) => r.text)).toEqual(["HRV 2 of 7 nights this week (3 needed)"]);
  });
});

describe("listPoorCheckInItems", () => {
  it.each([
    ["fatigue", 4, true],
    ["fatigue", 3, false],
    ["soreness", 5, true],
    ["stress", 4, true],
    ["mood", 2, true],
    ["mood", 3, false],
    ["sleepQuality", 1, true],
    ["sleepQuality", 4, false],
  ] as const)("%s %i poor = %s", (item, value, poor) => {
    expect(listPoorCheckInItems(checkIn({ [item]: value })).length).toBe(poor ? 1 : 0);
  });
});
