/**
 * Every worked example of metrics.md, reproduced within 1e-4.
 */
import { describe, expect, it } from "vitest";
import {
  computeAcwr,
  computeBanisterTrimp,
  computeCardioLoadStatus,
  computeEdwardsTrimp,
  computeHrvSeries,
  computeLnRmssd,
  computeMonotony,
  computePmc,
  computeRhrSeries,
  computeRmssd,
  computeSessionRpe,
  computeSleepDebt,
  computeSleepMetrics,
  computeTimeInZones,
  computeZoneBounds,
  computeZonePercentages,
  summarizeSleepHeartRate,
} from "@/lib/analytics";
import { expectClose } from "./helpers";

describe("§1.2 time in zone (sample-and-hold, maxHold 10 s)", () => {
  const bounds = computeZoneBounds({ model: "polar-hrmax", hrmax: 190 });
  const t = [0, 5, 10, 40, 45, 50];
  const hr = [110, 125, 140, 150, 172, 168];
  const result = computeTimeInZones(
    t.map((time, i) => ({ t: time, hr: hr[i] })),
    bounds,
    { endSeconds: 55, maxHoldSeconds: 10 },
  );

  it.each([
    [0, 95],
    [1, 114],
    [2, 133],
    [3, 152],
    [4, 171],
  ])("Z%i lower bound", (i, expected) => {
    expectClose(bounds[i], expected);
  });

  it.each([
    ["Z0", 0, 0],
    ["Z1", 1, 5],
    ["Z2", 2, 5],
    ["Z3", 3, 15],
    ["Z4", 4, 5],
    ["Z5", 5, 5],
  ])("%s seconds", (_label, zone, expected) => {
    expectClose(result.zones[zone], expected);
  });

  it("no data and the 35 valid seconds", () => {
    expectClose(result.noData, 20);
    expectClose(result.valid, 35);
    expectClose(result.recorded, 55);
    const pct = computeZonePercentages(result);
    expectClose(pct?.[3], (15 / 35) * 100);
  });
});

describe("§2.1 Banister TRIMP", () => {
  it.each([
    ["male", 100.4403],
    ["female", 113.5168],
  ] as const)("60 min at 150 bpm, %s", (sex, expected) => {
    const result = computeBanisterTrimp([{ minutes: 60, hr: 150 }], { hrrest: 60, hrmax: 190, sex });
    expectClose(result.maxFraction, 0.6923);
    expectClose(result.trimp, expected);
  });
});

describe("§2.2 Edwards TRIMP", () => {
  it("zones 10/20/15/10/5 min", () => {
    expectClose(computeEdwardsTrimp([10, 20, 15, 10, 5]), 160);
  });
});

describe("§2.3 sRPE, monotony, strain", () => {
  it("RPE 7 × 60 min", () => {
    expectClose(computeSessionRpe(7, 60), 420);
  });
  it("the week [420, 0, 300, 135, 0, 600, 240]", () => {
    const m = computeMonotony([420, 0, 300, 135, 0, 600, 240]);
    expectClose(m?.weeklyLoad, 1695);
    expectClose(m?.mean, 242.1429);
    expectClose(m?.sdPop, 204.1683);
    expectClose(m?.monotony, 1.186);
    expectClose(m?.strain, 2010.2638);
  });
});

describe("§4 PMC", () => {
  it("seven days of 100 with a zero seed, day 7", () => {
    const day7 = computePmc([100, 100, 100, 100, 100, 100, 100], { seed: 0 })[6];
    expectClose(day7.ctl, 15.3518);
    expectClose(day7.ctl, 100 * (1 - Math.exp(-7 / 42)));
    expectClose(day7.atl, 63.2121);
    expectClose(day7.tsb, -44.2505);
    expectClose(day7.ramp, 15.3518);
    expectClose(day7.ctl - day7.atl, -47.8602);
  });
});

describe("§5 ACWR", () => {
  const loads = [
    60, 0, 80, 50, 0, 100, 40, 60, 0, 80, 50, 0, 100, 40, 60, 0, 80, 50, 0, 100, 40, 120, 90, 150, 0, 110, 160, 90,
  ];
  const day28 = computeAcwr(loads)[27];
  it.each([
    ["acute7", day28.acute7, 102.8571],
    ["chronic28", day28.chronic28, 61.0714],
    ["chronic21", day28.chronic21, 47.1429],
    ["coupled", day28.coupled, 1.6842],
    ["uncoupled", day28.uncoupled, 2.1818],
    ["EWMA acute", day28.ewmaAcute, 97.1433],
    ["EWMA chronic", day28.ewmaChronic, 71.1843],
    ["ACWR EWMA", day28.ewma, 1.3647],
  ])("%s", (label, actual, expected) => {
    expectClose(actual, expected, label);
  });
});

describe("§6 cardio-load status (computed fallback)", () => {
  it("three weeks then the same week × 1.15, day 28", () => {
    const week = [60, 0, 80, 50, 0, 100, 40];
    const loads = [...week, ...week, ...week, 69, 0, 92, 57.5, 0, 115, 46];
    const day28 = computeAcwr(loads)[27];
    const status = computeCardioLoadStatus(null, { strain: day28.acute7, tolerance: day28.chronic28 });
    expectClose(status.strain, 54.2143);
    expectClose(status.tolerance, 48.9107);
    expectClose(status.ratio, 1.1084);
    expect(status.status).toBe("PRODUCTIVE");
    expect(status.estimated).toBe(true);
    expect(status.source).toBe("computed");
  });
});

describe("§7.1 nightly RHR from sleep samples", () => {
  it("onset 23:00", () => {
    const summary = summarizeSleepHeartRate("23:00", {
      "23:00": 62,
      "23:30": 58,
      "00:00": 55,
      "00:30": 53,
      "01:00": 52,
      "01:30": 51,
      "02:00": 50,
      "02:30": 52,
      "03:00": 54,
      "03:30": 56,
      "04:00": 60,
    });
    expectClose(summary.lowest, 50);
    expect(summary.windowCount).toBe(8);
    expectClose(summary.windowMean, 53.125);
  });
});

describe("§7.2 RHR baseline and flag", () => {
  const nights = [
    52, 50, 51, 53, 49, 50, 52, 51, 50, 48, 51, 52, 50, 49, 51, 53, 52, 50, 51, 50, 49, 52, 51, null, 50, 51, 52, 50, 49,
    51, 54, 57,
  ];
  const series = computeRhrSeries(nights);
  it.each([
    [31, 54, 29, 50.6897, 1.2565, 3.3103, 2.6346, true, 1, false],
    [32, 57, 29, 50.7586, 1.3798, 6.2414, 4.5233, true, 2, true],
  ])("night %i", (night, rhr, n, mean, sd, delta, z, elevated, streak, persistent) => {
    const day = series[night - 1];
    expectClose(day.rhr, rhr);
    expect(day.baselineN).toBe(n);
    expectClose(day.baselineMean, mean);
    expectClose(day.baselineSd, sd);
    expectClose(day.delta, delta);
    expectClose(day.z, z);
    expect(day.elevated).toBe(elevated);
    expect(day.streak).toBe(streak);
    expect(day.persistent).toBe(persistent);
  });
});

describe("§8.1 RMSSD", () => {
  it("RR [1000, 1020, 990, 1010, 1040, 1000]", () => {
    const rmssd = computeRmssd([1000, 1020, 990, 1010, 1040, 1000]);
    expectClose(rmssd, 28.9828);
    expectClose(computeLnRmssd(rmssd), 3.3667);
  });
});

describe("§8.2 HRV baseline, range and flags", () => {
  it("night 61 after six repeats with nights 15 and 42 missing", () => {
    const pattern = [4.0, 4.08, 3.95, 4.03, 3.92, 4.06, 3.98, 4.01, 4.1, 3.94];
    const values: (number | null)[] = [];
    for (let k = 0; k < 6; k += 1) values.push(...pattern);
    values[14] = null;
    values[41] = null;
    values.push(3.9);
    const day = computeHrvSeries(values)[60];
    expectClose(day.lnRmssd, 3.9);
    expectClose(day.rolling7, 3.9871);
    expectClose(day.cv7, 1.8584);
    expectClose(day.baselineMean, 4.0072);
    expectClose(day.baselineSd, 0.0574);
    expectClose(day.bandLow, 3.9786);
    expectClose(day.bandHigh, 4.0359);
    expect(day.chronicLow).toBe(false);
    expect(day.acuteLow).toBe(true);
    expect(day.acuteStreak).toBe(2);
  });
});

describe("§9.2 sleep metrics", () => {
  const m = computeSleepMetrics({
    lightSleepSeconds: 13200,
    deepSleepSeconds: 3000,
    remSleepSeconds: 4800,
    unrecognizedSleepSeconds: 2400,
    totalInterruptionSeconds: 3600,
    spanSeconds: 27000,
  });
  it.each([
    ["staged min", m.stagedMinutes, 350],
    ["light % staged", m.stagePercentOfStaged?.light, 62.8571],
    ["deep % staged", m.stagePercentOfStaged?.deep, 14.2857],
    ["REM % staged", m.stagePercentOfStaged?.rem, 22.8571],
    ["light % asleep", m.stagePercentOfAsleep?.light, 56.4103],
    ["deep % asleep", m.stagePercentOfAsleep?.deep, 12.8205],
    ["REM % asleep", m.stagePercentOfAsleep?.rem, 20.5128],
    ["actual sleep min", m.actualSleepMinutes, 390],
    ["actual sleep %", m.actualSleepPercent, 86.6667],
  ])("%s", (label, actual, expected) => {
    expectClose(actual, expected, label);
  });
});

describe("§9.3 sleep debt", () => {
  it("need 480, nights [450, 420, null, 390, 480, 510, 400]", () => {
    const debt = computeSleepDebt([450, 420, null, 390, 480, 510, 400], 480);
    expect(debt.validNights).toBe(6);
    expect(debt.missingNights).toBe(1);
    expectClose(debt.grossMinutes, 260);
    expectClose(debt.netMinutes, 230);
    expectClose(debt.grossPerValidNightMinutes, 43.3333);
  });
});
