/**
 * Property tests with a seeded PRNG (reproducible, no extra packages).
 */
import { describe, expect, it } from "vitest";
import type { HeartRateSample, NightInput } from "@/lib/analytics";
import {
  addDays,
  computeAcwr,
  computeDailySeries,
  computeHrvSeries,
  computePmc,
  computeRhrSeries,
  computeTimeInZones,
  computeTimeInZonesFixedRate,
  computeZoneBounds,
} from "@/lib/analytics";
import { createRandom } from "./helpers";

const CASES = 200;

function randomHr(random: () => number): number | null {
  const r = random();
  if (r < 0.08) return null;
  if (r < 0.12) return 0;
  if (r < 0.14) return -1;
  return 60 + random() * 160;
}

describe("time in zones + no data = recorded time", () => {
  it("irregular samples with gaps, dropouts and random maxHold", () => {
    const random = createRandom(1);
    for (let c = 0; c < CASES; c += 1) {
      const bounds = computeZoneBounds({ model: c % 2 ? "polar-hrmax" : "hrr", hrmax: 170 + random() * 30, hrrest: 45 });
      const samples: HeartRateSample[] = [];
      let t = Math.floor(random() * 20);
      const n = Math.floor(random() * 200);
      for (let i = 0; i < n; i += 1) {
        samples.push({ t, hr: randomHr(random) });
        t += random() < 0.1 ? Math.floor(random() * 120) : 1 + Math.floor(random() * 5);
      }
      const endSeconds = t + Math.floor(random() * 30);
      const result = computeTimeInZones(samples, bounds, {
        endSeconds,
        maxHoldSeconds: 1 + Math.floor(random() * 20),
        recordingRateSeconds: random() < 0.5 ? null : 1 + Math.floor(random() * 5),
      });
      const zoneSum = result.zones.reduce((a, b) => a + b, 0);
      expect(Math.abs(zoneSum + result.noData - endSeconds)).toBeLessThanOrEqual(1e-9);
      expect(result.recorded).toBeCloseTo(endSeconds, 9);
      expect(result.zones.every((s) => s >= 0) && result.noData >= 0).toBe(true);
    }
  });

  it("fixed-rate series", () => {
    const random = createRandom(2);
    for (let c = 0; c < CASES; c += 1) {
      const bounds = computeZoneBounds({ model: "polar-hrmax", hrmax: 180 + Math.floor(random() * 20) });
      const rate = 1 + Math.floor(random() * 10);
      const values = Array.from({ length: Math.floor(random() * 500) }, () => randomHr(random));
      const result = computeTimeInZonesFixedRate(values, rate, bounds);
      expect(result.zones.reduce((a, b) => a + b, 0) + result.noData).toBe(values.length * rate);
    }
  });
});

describe("CTL and ATL converge to a constant daily load", () => {
  it("from any seed", () => {
    const random = createRandom(3);
    for (let c = 0; c < 50; c += 1) {
      const load = random() * 300;
      const seed = random() * 300;
      const last = computePmc(Array<number>(1200).fill(load), { seed })[1199];
      expect(Math.abs(last.ctl - load)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(last.atl - load)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(last.tsb)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(last.ramp)).toBeLessThanOrEqual(1e-6);
    }
  });
  it("monotonically for a zero seed", () => {
    const points = computePmc(Array<number>(300).fill(80), { seed: 0 });
    for (let i = 1; i < points.length; i += 1) {
      expect(points[i].ctl).toBeGreaterThan(points[i - 1].ctl);
      expect(points[i].ctl).toBeLessThan(80);
    }
  });
});

describe("a baseline never includes the day it judges", () => {
  function randomNights(random: () => number, length: number, centre: number, spread: number): (number | null)[] {
    return Array.from({ length }, () => (random() < 0.15 ? null : centre + (random() - 0.5) * spread));
  }

  it("RHR: perturbing the judged night leaves its baseline and every earlier day unchanged", () => {
    const random = createRandom(4);
    for (let c = 0; c < CASES; c += 1) {
      const nights = randomNights(random, 80, 50, 8);
      const day = 14 + Math.floor(random() * 66);
      const perturbed = [...nights];
      perturbed[day] = (nights[day] ?? 50) + 5 + random() * 20;
      const a = computeRhrSeries(nights);
      const b = computeRhrSeries(perturbed);
      expect(b[day].baselineMean).toBe(a[day].baselineMean);
      expect(b[day].baselineSd).toBe(a[day].baselineSd);
      expect(b[day].baselineN).toBe(a[day].baselineN);
      expect(b.slice(0, day)).toEqual(a.slice(0, day));
      expect(b[day].rhr).not.toBe(a[day].rhr);
    }
  });

  it("HRV: perturbing the judged night leaves its baseline and normal range unchanged", () => {
    const random = createRandom(5);
    for (let c = 0; c < CASES; c += 1) {
      const nights = randomNights(random, 100, 4, 0.4);
      const day = 14 + Math.floor(random() * 86);
      const perturbed = [...nights];
      perturbed[day] = (nights[day] ?? 4) - 0.5 - random();
      const a = computeHrvSeries(nights);
      const b = computeHrvSeries(perturbed);
      expect([b[day].baselineMean, b[day].baselineSd, b[day].bandLow, b[day].bandHigh]).toEqual([
        a[day].baselineMean,
        a[day].baselineSd,
        a[day].bandLow,
        a[day].bandHigh,
      ]);
      expect(b.slice(0, day)).toEqual(a.slice(0, day));
    }
  });

  it("through computeDailySeries, for RHR and HRV together", () => {
    const random = createRandom(6);
    const nights: NightInput[] = Array.from({ length: 90 }, (_, i) => ({
      date: addDays("2024-01-01", i),
      nightlyRechargeHeartRateAvg: random() < 0.1 ? null : 48 + random() * 5,
      rmssdMs: random() < 0.1 ? null : 45 + random() * 25,
    }));
    const day = 75;
    const perturbed = nights.map((n, i) => (i === day ? { ...n, nightlyRechargeHeartRateAvg: 70, rmssdMs: 20 } : n));
    const a = computeDailySeries({ sessions: [], nights })[day];
    const b = computeDailySeries({ sessions: [], nights: perturbed })[day];
    expect(b.restingHr.baselineMean).toBe(a.restingHr.baselineMean);
    expect(b.hrv.baselineMean).toBe(a.hrv.baselineMean);
    expect(b.restingHr.rhr).toBe(70);
    expect(b.restingHr.elevated).toBe(true);
    expect(b.hrv.acuteLow).toBe(true);
  });
});

describe("no metric looks into the future", () => {
  it("PMC and ACWR of day d ignore loads after d", () => {
    const random = createRandom(8);
    for (let c = 0; c < 50; c += 1) {
      const loads = Array.from({ length: 60 }, () => random() * 200);
      const cut = 7 + Math.floor(random() * 50);
      const changed = loads.map((x, i) => (i > cut ? x * 3 + 10 : x));
      expect(computePmc(changed, { seed: 50 }).slice(0, cut + 1)).toEqual(computePmc(loads, { seed: 50 }).slice(0, cut + 1));
      expect(computeAcwr(changed).slice(0, cut + 1)).toEqual(computeAcwr(loads).slice(0, cut + 1));
    }
  });
});
