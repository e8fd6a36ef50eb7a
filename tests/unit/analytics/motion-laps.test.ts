/** Pace/speed per sport, distance from speed samples, and the laps table (manual and auto-laps per km). */
import { describe, expect, it } from "vitest";
import {
  computeLapTable,
  computeSpeedKmh,
  formatMotion,
  formatPace,
  getMotionDisplay,
  integrateDistance,
  summarizeHeartRate,
  toMotionValue,
  toPaceSecondsPerKm,
} from "@/lib/analytics";

describe("pace or speed by sport", () => {
  it.each([
    ["RUNNING", "ROAD_RUNNING", "pace"],
    ["RUNNING", "TRAIL_RUNNING", "pace"],
    ["RUNNING", null, "pace"],
    ["WALKING", "NORDIC_WALKING", "pace"],
    ["OTHER", "HIKING", "pace"],
    ["CYCLING", "ROAD_BIKING", "speed"],
    ["CYCLING", "INDOOR_CYCLING", "speed"],
    ["CYCLING", "SOMETHING_NEW", "speed"],
    ["SWIMMING", "POOL_SWIMMING", null],
    ["STRENGTH_TRAINING", null, null],
  ] as const)("%s / %s → %s", (sport, detailed, expected) => {
    expect(getMotionDisplay(sport, detailed)).toBe(expected);
  });

  it.each([
    [12, 300],
    [10, 360],
    [3.6, 1000],
    [1.9, null],
    [0, null],
    [null, null],
    [Number.NaN, null],
  ] as const)("%s km/h is a pace of %s s/km", (kmh, pace) => {
    expect(toPaceSecondsPerKm(kmh)).toBe(pace);
  });

  it("formats pace as m:ss per km and speed with one decimal", () => {
    expect(formatPace(312.4)).toBe("5:12");
    expect(formatPace(359.6)).toBe("6:00");
    expect(formatPace(null)).toBe("—");
    expect(formatMotion("pace", 12)).toEqual({ value: "5:00", unit: "min/km" });
    expect(formatMotion("speed", 31.44)).toEqual({ value: "31.4", unit: "km/h" });
    expect(formatMotion("speed", null)).toEqual({ value: "—", unit: "km/h" });
    expect(toMotionValue("speed", 25)).toBe(25);
  });

  it("computes the average speed from distance and duration, null without either", () => {
    expect(computeSpeedKmh(10_000, 3000)).toBeCloseTo(12, 10);
    expect(computeSpeedKmh(null, 3000)).toBeNull();
    expect(computeSpeedKmh(10_000, 0)).toBeNull();
  });
});

describe("distance from speed samples", () => {
  it("integrates km/h over the recording rate, a missing sample covering nothing", () => {
    // 36 km/h = 10 m/s; 2 s per sample.
    expect(integrateDistance([36, 36, null, 18], 2)).toEqual([0, 20, 40, 40]);
    expect(integrateDistance([], 1)).toEqual([]);
  });
});

describe("HR over a span", () => {
  it("averages and maxes the samples whose instant lies in [from, to)", () => {
    const hr = { values: [100, 110, null, 130, 140], rateSeconds: 1 };
    expect(summarizeHeartRate(hr, 1, 4)).toEqual({ avg: 120, max: 130 });
    expect(summarizeHeartRate(hr, 10, 20)).toEqual({ avg: null, max: null });
    expect(summarizeHeartRate(null, 0, 5)).toEqual({ avg: null, max: null });
  });
});

describe("laps table", () => {
  // 12 km/h = 1000 m in 300 s; 1 Hz samples for 750 s = 2 500 m.
  const speed = { values: Array.from({ length: 750 }, () => 12), rateSeconds: 1 };
  const heartRate = { values: Array.from({ length: 750 }, (_, i) => (i < 300 ? 140 : i < 600 ? 150 : 160)), rateSeconds: 1 };

  it("derives auto-laps per km from speed samples, with a last partial lap and HR per lap", () => {
    const table = computeLapTable({ manualLaps: [], speed, heartRate });
    expect(table.kind).toBe("auto");
    expect(table.laps).toHaveLength(3);
    const [first, second, last] = table.laps;
    expect(first).toMatchObject({ number: 1, startSeconds: 0, avgHr: 140, maxHr: 140 });
    expect(first.durationSeconds).toBeCloseTo(300, 6);
    expect(first.distanceMeters).toBe(1000);
    expect(first.avgSpeedKmh).toBeCloseTo(12, 6);
    expect(second.startSeconds).toBeCloseTo(300, 6);
    expect(second).toMatchObject({ avgHr: 150, maxHr: 150 });
    expect(last.distanceMeters).toBeCloseTo(500, 6);
    expect(last.durationSeconds).toBeCloseTo(150, 6);
    expect(last).toMatchObject({ avgHr: 160, maxHr: 160 });
  });

  it("interpolates the split inside a sample when the pace changes", () => {
    // 10 s samples: 36 km/h (100 m each) for 5 samples, then 18 km/h (50 m each).
    const mixed = { values: [36, 36, 36, 36, 36, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18], rateSeconds: 10 };
    const table = computeLapTable({ manualLaps: [], speed: mixed, heartRate: null, lapMeters: 600 });
    expect(table.laps[0].durationSeconds).toBeCloseTo(70, 6);
    expect(table.laps[0]).toMatchObject({ avgHr: null, maxHr: null });
    // 500 m + 11 × 50 m = 1 050 m in all: a second, partial lap of 450 m.
    expect(table.laps[1].distanceMeters).toBeCloseTo(450, 6);
    expect(table.laps[1].durationSeconds).toBeCloseTo(90, 6);
  });

  it("prefers stored manual laps, filling distance and HR from the samples when the lap lacks them", () => {
    const table = computeLapTable({
      manualLaps: [
        { startOffsetSeconds: 0, durationSeconds: 600, distanceMeters: 1980, avgHr: null, maxHr: null },
        { startOffsetSeconds: 600, durationSeconds: 150, distanceMeters: null, avgHr: 171, maxHr: 180 },
      ],
      speed,
      heartRate,
    });
    expect(table.kind).toBe("manual");
    expect(table.laps[0]).toMatchObject({ number: 1, distanceMeters: 1980, avgHr: 145, maxHr: 150 });
    expect(table.laps[0].avgSpeedKmh).toBeCloseTo(11.88, 6);
    expect(table.laps[1].distanceMeters).toBeCloseTo(500, 6);
    expect(table.laps[1]).toMatchObject({ avgHr: 171, maxHr: 180 });
  });

  it("has no laps without manual laps and without speed, and none for a session that never moved", () => {
    expect(computeLapTable({ manualLaps: [], speed: null, heartRate })).toEqual({ kind: "none", laps: [] });
    expect(computeLapTable({ manualLaps: [], speed: { values: [0, 0, null], rateSeconds: 1 }, heartRate })).toEqual({ kind: "none", laps: [] });
  });

  it("drops a final remainder of a few metres", () => {
    const table = computeLapTable({ manualLaps: [], speed: { values: Array.from({ length: 305 }, () => 12), rateSeconds: 1 }, heartRate: null });
    expect(table.laps).toHaveLength(1);
  });
});
