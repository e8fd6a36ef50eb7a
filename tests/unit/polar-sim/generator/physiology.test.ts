import { describe, expect, it } from "vitest";
import type { SimAthleteData } from "@/lib/polar-sim/contract";
import { athleteByLogin, createDefaultDataset, dateOf, mean } from "./fixtures";

const dataset = createDefaultDataset(42);

type NightStats = { heartRate: number; rmssd: number; nights: number; loadPerDay: number };

function nightStats(athlete: SimAthleteData, fromDay: number, toDay: number): NightStats {
  const heartRates: number[] = [];
  const rmssds: number[] = [];
  let load = 0;
  for (let day = fromDay; day <= toDay; day++) {
    const recharge = athlete.nightlyRecharge(dateOf(day));
    if (recharge) {
      heartRates.push(Number(recharge.heart_rate_avg));
      rmssds.push(Number(recharge.heart_rate_variability_avg));
    }
    load += Number(athlete.cardioLoad(dateOf(day), { omitPlaceholderNumbers: false }).cardio_load);
  }
  return { heartRate: mean(heartRates), rmssd: mean(rmssds), nights: heartRates.length, loadPerDay: load / (toDay - fromDay + 1) };
}

describe("planted physiology", () => {
  it("records the overreaching block and the recovery fortnight as episodes with exact dates", () => {
    const mikko = athleteByLogin(dataset, "mikko");
    expect(mikko.profile.episodes.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: "overreaching", from: "2026-04-15", to: "2026-05-05" },
      { kind: "taper", from: "2026-05-06", to: "2026-05-19" },
    ]);
  });

  it("raises nightly HR and lowers rMSSD during and just after the overreaching block", () => {
    const mikko = athleteByLogin(dataset, "mikko");
    const before = nightStats(mikko, 72, 99); // the four weeks before the block (days 100-120)
    const during = nightStats(mikko, 110, 128);
    const recovered = nightStats(mikko, 150, 177);
    expect(before.nights).toBeGreaterThan(22);
    expect(during.nights).toBeGreaterThan(14);
    // The load really went up sharply in the block.
    expect(nightStats(mikko, 100, 120).loadPerDay).toBeGreaterThan(before.loadPerDay * 1.8);
    expect(during.heartRate).toBeGreaterThan(before.heartRate + 3.5);
    expect(during.rmssd).toBeLessThan(before.rmssd * 0.85);
    // And it recovers.
    expect(Math.abs(recovered.heartRate - before.heartRate)).toBeLessThan(1.5);
    expect(recovered.rmssd).toBeGreaterThan(before.rmssd * 0.92);
  });

  it("reports the block as OVERREACHING in cardio load", () => {
    const mikko = athleteByLogin(dataset, "mikko");
    const statuses = new Set<string>();
    for (let day = 100; day <= 120; day++) {
      statuses.add(String(mikko.cardioLoad(dateOf(day), { omitPlaceholderNumbers: false }).cardio_load_status));
    }
    expect(statuses.has("OVERREACHING")).toBe(true);
    const before = mikko.cardioLoad(dateOf(95), { omitPlaceholderNumbers: false });
    expect(Number(before.cardio_load_ratio)).toBeLessThan(1.3);
  });

  it("gives the illness athlete a week of high nightly HR and low rMSSD while the load is unchanged", () => {
    const priya = athleteByLogin(dataset, "priya");
    expect(priya.profile.episodes.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: "illness", from: "2026-04-05", to: "2026-04-11" },
    ]);
    const before = nightStats(priya, 62, 89);
    const ill = nightStats(priya, 90, 96);
    const after = nightStats(priya, 104, 131);
    expect(ill.nights).toBeGreaterThanOrEqual(5);
    expect(ill.heartRate).toBeGreaterThan(before.heartRate + 4);
    expect(ill.rmssd).toBeLessThan(before.rmssd * 0.8);
    expect(ill.loadPerDay).toBeGreaterThan(before.loadPerDay * 0.85);
    expect(ill.loadPerDay).toBeLessThan(before.loadPerDay * 1.15);
    expect(Math.abs(after.heartRate - before.heartRate)).toBeLessThan(1.5);
  });

  it("keeps the steady runner's nightly values flat across the year", () => {
    const aino = athleteByLogin(dataset, "aino");
    const quarters = [nightStats(aino, 30, 90), nightStats(aino, 120, 180), nightStats(aino, 300, 360)];
    const rates = quarters.map((q) => q.heartRate);
    expect(Math.max(...rates) - Math.min(...rates)).toBeLessThan(1.5);
    expect(mean(rates)).toBeGreaterThan(49);
    expect(mean(rates)).toBeLessThan(58);
  });
});
