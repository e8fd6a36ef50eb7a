/**
 * computeDailySeries: the per-day API numbers over the full history, windows and ranges.
 */
import { describe, expect, it } from "vitest";
import type { DailySeriesInput, NightInput, SessionLoadInput } from "@/lib/analytics";
import {
  CONTEXT_NON_TRAINING_STRAIN,
  CONTEXT_RESIDUAL_FATIGUE,
  addDays,
  computeAcwr,
  computeDailySeries,
  computePmc,
} from "@/lib/analytics";
import { createRandom, expectClose } from "./helpers";

const DAY1 = "2024-01-01";

function trimpSessions(loads: readonly number[], start = DAY1): SessionLoadInput[] {
  return loads.flatMap((load, i) => (load > 0 ? [{ date: addDays(start, i), polarCardioLoad: null, trimp: load }] : []));
}

describe("empty and short inputs", () => {
  it("no data and no history start → no points", () => {
    expect(computeDailySeries({ sessions: [] })).toEqual([]);
    expect(computeDailySeries({ sessions: [], range: { from: DAY1, to: "2024-01-31" } })).toEqual([]);
  });
  it("a history start with no data gives zero-load days in the insufficient-data state", () => {
    const points = computeDailySeries({ sessions: [], historyStart: DAY1, range: { from: DAY1, to: "2024-01-10" } });
    expect(points).toHaveLength(10);
    expect(points.every((p) => p.load.value === 0 && p.load.source === "none")).toBe(true);
    expect(points[9].risk.level).toBe("insufficient-data");
    expect(points[9].risk.message).toBe("building baseline — day 10 of 28 · RHR 0 of 14 nights · HRV 0 of 14 nights");
    expect(points[9].monotony?.monotony).toBeNull();
    expect(points[9].sleep.debt).toEqual({
      validNights: 0,
      missingNights: 7,
      grossMinutes: null,
      netMinutes: null,
      grossPerValidNightMinutes: null,
    });
  });
  it("a series shorter than every window", () => {
    const points = computeDailySeries({ sessions: trimpSessions([40, 0, 60]) });
    expect(points.map((p) => p.dayIndex)).toEqual([1, 2, 3]);
    const last = points[2];
    expect(last.acwr).toMatchObject({ acute7: null, chronic28: null, coupled: null, ewma: null, band: null });
    expect(last.monotony).toBeNull();
    expect(last.sleep.debt).toBeNull();
    expect(last.restingHr.baselineMean).toBeNull();
    expect(last.hrv.rolling7).toBeNull();
    expect(last.cardioLoad).toMatchObject({ source: "computed", status: "LOAD_STATUS_NOT_AVAILABLE", estimated: true });
    expect(points[0].pmc.tsb).toBe(0);
    expectClose(points[0].pmc.ctl, 100 / 3 + (1 - Math.exp(-1 / 42)) * (40 - 100 / 3));
  });
  it("zero-load weeks: ratios and monotony null, never NaN or Infinity", () => {
    const points = computeDailySeries({ sessions: [], historyStart: DAY1, range: { from: DAY1, to: addDays(DAY1, 34) } });
    const last = points[34];
    expect(last.acwr).toMatchObject({ acute7: 0, chronic28: 0, coupled: null, uncoupled: null, ewma: null });
    expect(last.monotony).toMatchObject({ weeklyLoad: 0, monotony: null, strain: null });
    expect(last.pmc).toEqual({ ctl: 0, atl: 0, tsb: 0, ramp: 0 });
    expect(last.cardioLoad.status).toBe("LOAD_STATUS_NOT_AVAILABLE");
    expect(last.risk.level).toBe("none");
    expect(JSON.stringify(points)).not.toMatch(/NaN|Infinity/);
  });
});

describe("worked examples through the series", () => {
  it("§5 ACWR and §6 status on day 28", () => {
    const loads = [
      60, 0, 80, 50, 0, 100, 40, 60, 0, 80, 50, 0, 100, 40, 60, 0, 80, 50, 0, 100, 40, 120, 90, 150, 0, 110, 160, 90,
    ];
    const day28 = computeDailySeries({ sessions: trimpSessions(loads), historyStart: DAY1 })[27];
    expect(day28.dayIndex).toBe(28);
    expect(day28.load).toMatchObject({ value: 90, source: "trimp", sessionCount: 1 });
    expectClose(day28.acwr.coupled, 1.6842);
    expectClose(day28.acwr.uncoupled, 2.1818);
    expectClose(day28.acwr.ewma, 1.3647);
    expect(day28.acwr.band).toBe("rising");
    expect(day28.risk.loadLevel).toBe("amber");
    expect(day28.risk.reasons[0].text).toBe("ACWR 1.36 >= 1.3");
    expect(day28.cardioLoad.status).toBe("OVERREACHING");

    const week = [60, 0, 80, 50, 0, 100, 40];
    const productive = computeDailySeries({
      sessions: trimpSessions([...week, ...week, ...week, ...week.map((x) => x * 1.15)]),
      historyStart: DAY1,
    })[27];
    expectClose(productive.cardioLoad.strain, 54.2143);
    expectClose(productive.cardioLoad.tolerance, 48.9107);
    expect(productive.cardioLoad.status).toBe("PRODUCTIVE");
  });

  it("§7.2 RHR nights 31 and 32 from Nightly Recharge values", () => {
    const rhr = [
      52, 50, 51, 53, 49, 50, 52, 51, 50, 48, 51, 52, 50, 49, 51, 53, 52, 50, 51, 50, 49, 52, 51, null, 50, 51, 52, 50,
      49, 51, 54, 57,
    ];
    const nights: NightInput[] = rhr.map((value, i) => ({ date: addDays(DAY1, i), nightlyRechargeHeartRateAvg: value }));
    const points = computeDailySeries({ sessions: [], nights });
    expect(points[31].restingHr).toMatchObject({ source: "nightly-recharge", baselineN: 29, streak: 2, persistent: true });
    expectClose(points[31].restingHr.baselineMean, 50.7586);
    expectClose(points[31].restingHr.z, 4.5233);
    expect(points[23].restingHr).toMatchObject({ rhr: null, source: null, streak: 0 });
    expect(points[31].risk.reasons.map((r) => r.text)).toEqual(["RHR +6.2 bpm for 2 nights"]);
    expect(points[31].risk.level).toBe("watch");
    expect(points[31].risk.context).toBe(CONTEXT_NON_TRAINING_STRAIN);
  });

  it("§8.2 HRV night 61 from rMSSD in ms", () => {
    const pattern = [4.0, 4.08, 3.95, 4.03, 3.92, 4.06, 3.98, 4.01, 4.1, 3.94];
    const ln: (number | null)[] = [];
    for (let k = 0; k < 6; k += 1) ln.push(...pattern);
    ln[14] = null;
    ln[41] = null;
    ln.push(3.9);
    const nights: NightInput[] = ln.map((v, i) => ({ date: addDays(DAY1, i), rmssdMs: v === null ? null : Math.exp(v) }));
    const night61 = computeDailySeries({ sessions: [], nights })[60];
    expectClose(night61.hrv.rolling7, 3.9871);
    expectClose(night61.hrv.bandLow, 3.9786);
    expect(night61.hrv.acuteStreak).toBe(2);
    expect(night61.risk.reasons.map((r) => r.text)).toEqual(["HRV below -1 SD for 2 days"]);
  });

  it("§9.3 sleep debt over the 7 nights ending the day", () => {
    const actual = [450, 420, null, 390, 480, 510, 400];
    const nights: NightInput[] = actual.map((minutes, i) => ({
      date: addDays(DAY1, i),
      sleep:
        minutes === null
          ? null
          : {
              lightSleepSeconds: minutes * 30,
              deepSleepSeconds: minutes * 15,
              remSleepSeconds: minutes * 15,
              unrecognizedSleepSeconds: 0,
              totalInterruptionSeconds: 1200,
              spanSeconds: minutes * 60 + 1200,
            },
    }));
    const day7 = computeDailySeries({ sessions: [], nights })[6];
    expect(day7.sleep.night?.actualSleepMinutes).toBe(400);
    expect(day7.sleep.debt).toMatchObject({ validNights: 6, missingNights: 1, grossMinutes: 260, netMinutes: 230 });
    const needy = computeDailySeries({ sessions: [], nights, settings: { sleepNeedMinutes: 540 } })[6];
    // Need 540: deficits 90 + 120 + 150 + 60 + 30 + 140 (the 510-minute night is no longer a surplus).
    expect(needy.sleep.debt?.grossMinutes).toBe(590);
    expect(needy.sleep.debt?.netMinutes).toBe(590);
    expect(needy.risk.reasons.map((r) => r.text)).toEqual(["7-day sleep debt 9.8 h"]);
    expect(needy.risk.level).toBe("insufficient-data");
  });
});

describe("sources, ranges and day 1", () => {
  it("Polar daily load wins, not-available days fall back, zeros become null", () => {
    const points = computeDailySeries({
      sessions: [
        { date: DAY1, polarCardioLoad: 70, trimp: 90 },
        { date: "2024-01-02", polarCardioLoad: null, trimp: 55 },
      ],
      polarCardioLoad: [
        { date: DAY1, status: "PRODUCTIVE", cardioLoad: 80, strain: 50, tolerance: 45, ratio: 1.11 },
        { date: "2024-01-02", status: "LOAD_STATUS_NOT_AVAILABLE", cardioLoad: 0, strain: 0, tolerance: 0, ratio: 0 },
      ],
      range: { from: DAY1, to: "2024-01-03" },
    });
    expect(points.map((p) => [p.load.value, p.load.source])).toEqual([
      [80, "polar"],
      [55, "trimp"],
      [0, "none"],
    ]);
    expect(points[0].cardioLoad).toMatchObject({ source: "polar", status: "PRODUCTIVE", ratio: 1.11, estimated: false });
    expect(points[1].cardioLoad).toMatchObject({ source: "computed", status: "LOAD_STATUS_NOT_AVAILABLE", strain: null });
  });

  it("a range returns only its days but every window sees the full history", () => {
    const random = createRandom(11);
    const loads = Array.from({ length: 120 }, () => (random() < 0.3 ? 0 : Math.round(random() * 150)));
    const nights: NightInput[] = loads.map((_, i) => ({
      date: addDays(DAY1, i),
      nightlyRechargeHeartRateAvg: random() < 0.1 ? null : 48 + random() * 6,
      rmssdMs: random() < 0.1 ? null : 50 + random() * 20,
    }));
    const full = computeDailySeries({ sessions: trimpSessions(loads), nights });
    const ranged = computeDailySeries({
      sessions: trimpSessions(loads),
      nights,
      range: { from: addDays(DAY1, 90), to: addDays(DAY1, 99) },
    });
    expect(ranged.map((p) => p.date)).toEqual(full.slice(90, 100).map((p) => p.date));
    expect(ranged).toEqual(full.slice(90, 100));
    expect(ranged[0].dayIndex).toBe(91);
  });

  it("a range starting before day 1 returns from day 1; a night before the first session moves day 1", () => {
    const points = computeDailySeries({
      sessions: [{ date: "2024-01-05", polarCardioLoad: null, trimp: 30 }],
      nights: [{ date: "2024-01-03", nightlyRechargeHeartRateAvg: 50 }],
      range: { from: "2023-12-01", to: "2024-01-06" },
    });
    expect(points.map((p) => p.date)).toEqual(["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06"]);
    expect(points[2].load.value).toBe(30);
  });

  it("matches the standalone PMC and ACWR over two years of history", () => {
    const random = createRandom(99);
    const loads = Array.from({ length: 730 }, () => (random() < 0.35 ? 0 : 20 + random() * 180));
    const points = computeDailySeries({
      sessions: trimpSessions(loads),
      historyStart: DAY1,
      range: { from: DAY1, to: addDays(DAY1, 729) },
    });
    expect(points).toHaveLength(730);
    const pmc = computePmc(loads);
    const acwr = computeAcwr(loads);
    for (const i of [0, 6, 27, 300, 729]) {
      expect(points[i].pmc).toEqual(pmc[i]);
      expect(points[i].acwr.ewma).toBe(acwr[i].ewma);
    }
  });

  it("an explicit PMC seed is honoured", () => {
    const points = computeDailySeries({ sessions: trimpSessions(Array<number>(7).fill(100)), pmcSeed: 0 });
    expectClose(points[6].pmc.tsb, -44.2505);
  });
});

describe("risk through the series", () => {
  /** 42 steady days (load 60 daily), a 7-day block of 220, then rest; RHR 50 ± 1, then 58 bpm from `rhrFrom`. */
  function buildScenario(rhrFrom: number): DailySeriesInput {
    const loads = [...Array<number>(42).fill(60), ...Array<number>(7).fill(220), ...Array<number>(14).fill(0)];
    const nights: NightInput[] = loads.map((_, i) => ({
      date: addDays(DAY1, i),
      nightlyRechargeHeartRateAvg: i >= rhrFrom ? 58 : 50 + (i % 3) - 1,
    }));
    return { sessions: trimpSessions(loads), nights, historyStart: DAY1, range: { from: DAY1, to: addDays(DAY1, 62) } };
  }

  it("the load block alone is elevated, with every load reason", () => {
    const day48 = computeDailySeries(buildScenario(100))[47];
    expect(day48.risk).toMatchObject({ level: "elevated", loadLevel: "red", physio: 0, context: null });
    expect(day48.risk.reasons.map((r) => r.text)).toEqual([
      "ACWR 1.65 >= 1.5",
      "TSB -63.7 <= -30.0",
      "monotony 3.52 >= 2.0",
    ]);
  });

  it("elevated RHR during the block makes it high", () => {
    const points = computeDailySeries(buildScenario(46));
    const firstPersistent = points.find((p) => p.restingHr.persistent);
    expect(firstPersistent?.dayIndex).toBe(48);
    expect(firstPersistent?.risk.level).toBe("high");
    expect(firstPersistent?.risk.context).toBeNull();
  });

  it("elevated RHR after the block is watch with the residual-fatigue context", () => {
    const points = computeDailySeries(buildScenario(52));
    const firstPersistent = points.find((p) => p.restingHr.persistent);
    expect(firstPersistent?.dayIndex).toBe(54);
    expect(firstPersistent?.risk).toMatchObject({ level: "watch", loadLevel: "none", physio: 1 });
    expect(firstPersistent?.risk.context).toBe(CONTEXT_RESIDUAL_FATIGUE);
    expect(firstPersistent?.risk.reasons.map((r) => r.text)).toEqual(["RHR +7.7 bpm for 2 nights"]);
  });

  it("the same RHR rise after a quiet period points to non-training causes", () => {
    const loads = Array<number>(63).fill(60);
    const nights: NightInput[] = loads.map((_, i) => ({
      date: addDays(DAY1, i),
      nightlyRechargeHeartRateAvg: i >= 52 ? 58 : 50 + (i % 3) - 1,
    }));
    const points = computeDailySeries({ sessions: trimpSessions(loads), nights });
    const firstPersistent = points.find((p) => p.restingHr.persistent);
    expect(firstPersistent?.risk.level).toBe("watch");
    expect(firstPersistent?.risk.context).toBe(CONTEXT_NON_TRAINING_STRAIN);
  });
});

describe("Polar's placeholder cardio-load days", () => {
  it("are not history: day 1 is the first real data", () => {
    const placeholders = Array.from({ length: 20 }, (_, i) => ({
      date: `2026-03-${String(i + 1).padStart(2, "0")}`,
      status: "LOAD_STATUS_NOT_AVAILABLE" as const,
      cardioLoad: 0,
      strain: 0,
      tolerance: 0,
      ratio: 0,
    }));
    const points = computeDailySeries({
      sessions: [{ date: "2026-03-18", polarCardioLoad: 40, trimp: null }],
      polarCardioLoad: placeholders,
    });
    expect(points[0].date).toBe("2026-03-18");
    expect(points[0].dayIndex).toBe(1);
  });
});
