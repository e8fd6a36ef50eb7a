/**
 * Edge cases of the individual metrics: gaps, invalid samples, HR above HRmax, short series, zero
 * denominators, missing nights.
 */
import { describe, expect, it } from "vitest";
import {
  POLAR_RPE_TO_CR10,
  buildDailyLoadSeries,
  classifyAcwrBand,
  classifyCardioLoadRatio,
  classifyZone,
  computeAcwr,
  computeBanisterTrimpFixedRate,
  computeBanisterTrimpFromMeanHr,
  computeBanisterTrimpFromSamples,
  computeBanisterTrimp,
  computeCardioLoadStatus,
  computeEdwardsTrimpFromZoneTimes,
  computeHrvSeries,
  computeIntensityShares,
  computeMonotony,
  computePmc,
  computeRhrSeries,
  computeRmssd,
  computeLnRmssd,
  computeSessionRpe,
  computeSleepDebt,
  computeSleepMetrics,
  computeSleepSpanSeconds,
  computeTimeInZones,
  computeTimeInZonesFixedRate,
  computeWeeklyTimeInZones,
  computeZoneBounds,
  computeZonePercentages,
  mapPolarRpe,
  normalizePolarCardioLoadDay,
  parseClockMinutes,
  resolveMaxHold,
  selectDailyLoad,
  selectNightlyRhr,
  summarizeSleepHeartRate,
} from "@/lib/analytics";
import { expectClose } from "./helpers";

const bounds190 = computeZoneBounds({ model: "polar-hrmax", hrmax: 190 });

describe("zones", () => {
  it("integer-percent arithmetic avoids 0.7 * 151 drift", () => {
    expect(computeZoneBounds({ model: "polar-hrmax", hrmax: 151 })[2]).toBe(105.7);
  });
  it("Karvonen bounds", () => {
    expect(computeZoneBounds({ model: "hrr", hrmax: 190, hrrest: 60 })).toEqual([125, 138, 151, 164, 177]);
  });
  it("rejects HRR without a usable resting HR", () => {
    expect(() => computeZoneBounds({ model: "hrr", hrmax: 190 })).toThrow(RangeError);
    expect(() => computeZoneBounds({ model: "hrr", hrmax: 190, hrrest: 190 })).toThrow(RangeError);
    expect(() => computeZoneBounds({ model: "polar-hrmax", hrmax: 0 })).toThrow(RangeError);
  });
  it.each([
    [94.9, 0],
    [95, 1],
    [113.99, 1],
    [114, 2],
    [133, 3],
    [152, 4],
    [171, 5],
    [190, 5],
    [215, 5],
  ])("half-open intervals: %f bpm → Z%i", (hr, zone) => {
    expect(classifyZone(hr, bounds190)).toBe(zone);
  });
  it.each([[null], [0], [-5], [Number.NaN]])("invalid HR %s has no zone", (hr) => {
    expect(classifyZone(hr, bounds190)).toBeNull();
  });
});

describe("time in zone", () => {
  it("an invalid sample holds nothing; its whole interval is no data", () => {
    const r = computeTimeInZones(
      [
        { t: 0, hr: 0 },
        { t: 4, hr: 140 },
        { t: 8, hr: null },
        { t: 20, hr: 150 },
      ],
      bounds190,
      { endSeconds: 25 },
    );
    expect(r.zones).toEqual([0, 0, 0, 9, 0, 0]);
    expect(r.noData).toBe(16);
    expect(r.recorded).toBe(25);
  });
  it("a gap longer than maxHold keeps only maxHold, the rest is no data", () => {
    const r = computeTimeInZones([{ t: 0, hr: 120 }], bounds190, { endSeconds: 600 });
    expect(r.zones[2]).toBe(10);
    expect(r.noData).toBe(590);
  });
  it("time before the first sample is no data; unsorted samples are sorted", () => {
    const r = computeTimeInZones(
      [
        { t: 10, hr: 100 },
        { t: 5, hr: 100 },
      ],
      bounds190,
      { endSeconds: 15 },
    );
    expect(r.zones[1]).toBe(10);
    expect(r.noData).toBe(5);
  });
  it("maxHold is never below the recording rate", () => {
    expect(resolveMaxHold(10, 30)).toBe(30);
    expect(resolveMaxHold(undefined, 1)).toBe(10);
    const r = computeTimeInZones(
      [
        { t: 0, hr: 120 },
        { t: 30, hr: 120 },
      ],
      bounds190,
      { endSeconds: 60, recordingRateSeconds: 30 },
    );
    expect(r.zones[2]).toBe(60);
    expect(r.noData).toBe(0);
  });
  it("no samples: everything is no data, percentages are null", () => {
    const r = computeTimeInZones([], bounds190, { endSeconds: 100 });
    expect(r.noData).toBe(100);
    expect(r.valid).toBe(0);
    expect(computeZonePercentages(r)).toBeNull();
    expect(computeIntensityShares(r)).toBeNull();
  });
  it("fixed-rate shortcut: valid samples credit the rate, null/≤0 credit no data", () => {
    const r = computeTimeInZonesFixedRate([100, 120, null, 0, -1, 140, 180], 5, bounds190);
    expect(r.zones).toEqual([0, 5, 5, 5, 0, 5]);
    expect(r.noData).toBe(15);
    expect(r.recorded).toBe(35);
  });
  it("fixed-rate equals sample-and-hold at the same rate", () => {
    const values = [100, 120, null, 150, 175, 0, 130];
    const fixed = computeTimeInZonesFixedRate(values, 1, bounds190);
    const held = computeTimeInZones(
      values.map((hr, t) => ({ t, hr })),
      bounds190,
      { endSeconds: values.length, recordingRateSeconds: 1 },
    );
    expect(held).toEqual(fixed);
  });
  it("percentages over valid time and easy/moderate/hard shares", () => {
    const r = computeTimeInZonesFixedRate([90, 100, 120, 140, 160, 180, null, null], 10, bounds190);
    const pct = computeZonePercentages(r);
    pct?.forEach((p) => expectClose(p, 100 / 6));
    const shares = computeIntensityShares(r);
    expectClose(shares?.easy, 200 / 6);
    expectClose(shares?.moderate, 100 / 6);
    expectClose(shares?.hard, 200 / 6);
    expectClose(shares?.belowZones, 100 / 6);
  });
  it("weekly time in zone sums Monday–Sunday and counts sources", () => {
    const a = computeTimeInZonesFixedRate([100, 120], 60, bounds190);
    const b = computeTimeInZonesFixedRate([180, null], 60, bounds190);
    const weeks = computeWeeklyTimeInZones([
      { date: "2024-05-06", source: "computed", times: a },
      { date: "2024-05-12", source: "polar", times: b },
      { date: "2024-05-13", source: "computed", times: a },
    ]);
    expect(weeks.map((w) => w.weekStart)).toEqual(["2024-05-06", "2024-05-13"]);
    expect(weeks[0].times.zones).toEqual([0, 60, 60, 0, 0, 60]);
    expect(weeks[0].times.noData).toBe(60);
    expect(weeks[0].sessionsBySource).toEqual({ polar: 1, computed: 1 });
  });
});

describe("TRIMP", () => {
  const params = { hrrest: 60, hrmax: 190, sex: "male" as const };
  it("HR above HRmax gives x > 1 and is flagged, not clamped", () => {
    const r = computeBanisterTrimp([{ minutes: 1, hr: 203 }], params);
    expectClose(r.maxFraction, 1.1);
    expect(r.exceedsHrmax).toBe(true);
    expectClose(r.trimp, 1.1 * 0.64 * Math.exp(1.92 * 1.1));
  });
  it("HR below rest gives x = 0; invalid and zero-length segments add nothing", () => {
    const r = computeBanisterTrimp(
      [
        { minutes: 10, hr: 50 },
        { minutes: 10, hr: null },
        { minutes: 0, hr: 150 },
      ],
      params,
    );
    expect(r.trimp).toBe(0);
    expect(r.exceedsHrmax).toBe(false);
  });
  it("per-segment sum exceeds the mean-HR fallback, which is marked", () => {
    const segments = computeBanisterTrimp(
      [
        { minutes: 30, hr: 120 },
        { minutes: 30, hr: 180 },
      ],
      params,
    );
    const fallback = computeBanisterTrimpFromMeanHr(60, 150, params);
    expect(fallback.method).toBe("mean-hr");
    expect(segments.method).toBe("segments");
    expect(segments.trimp).toBeGreaterThan(fallback.trimp);
  });
  it("fixed-rate TRIMP equals a one-segment session", () => {
    const values = Array<number>(720).fill(150);
    expectClose(computeBanisterTrimpFixedRate(values, 5, params).trimp, 100.4403);
  });
  it("sample TRIMP uses held durations (gaps beyond maxHold add nothing)", () => {
    const gappy = computeBanisterTrimpFromSamples(
      [
        { t: 0, hr: 150 },
        { t: 60, hr: 150 },
      ],
      params,
      { endSeconds: 70 },
    );
    expectClose(gappy.minutes, 20 / 60);
  });
  it("rejects HRrest ≥ HRmax", () => {
    expect(() => computeBanisterTrimp([], { hrrest: 190, hrmax: 190, sex: "male" })).toThrow(RangeError);
  });
  it("Edwards from zone times ignores Z0 and no data", () => {
    const t = computeTimeInZonesFixedRate([80, 100, 120, null], 60, bounds190);
    expect(computeEdwardsTrimpFromZoneTimes(t)).toBe(1 + 2);
  });
});

describe("sRPE", () => {
  it("explicit Polar enum table", () => {
    expect(mapPolarRpe("UNKNOWN")).toBeNull();
    expect(mapPolarRpe("RPE_NONE")).toBe(0);
    expect(mapPolarRpe("RPE_HARD")).toBe(7);
    expect(mapPolarRpe("RPE_SOMETHING_NEW")).toBeNull();
    expect(mapPolarRpe(undefined)).toBeNull();
    expect(Object.keys(POLAR_RPE_TO_CR10)).toHaveLength(11);
  });
  it("no RPE → no sRPE; out-of-scale RPE throws", () => {
    expect(computeSessionRpe(mapPolarRpe("UNKNOWN"), 60)).toBeNull();
    expect(() => computeSessionRpe(11, 60)).toThrow(RangeError);
  });
});

describe("monotony", () => {
  it.each([
    ["seven rest days", [0, 0, 0, 0, 0, 0, 0]],
    ["seven identical loads", [100, 100, 100, 100, 100, 100, 100]],
    ["seven loads of 0.1 (float noise)", [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]],
  ])("%s → monotony and strain null", (_label, loads) => {
    const m = computeMonotony(loads);
    expect(m?.monotony).toBeNull();
    expect(m?.strain).toBeNull();
  });
  it("empty window → null", () => {
    expect(computeMonotony([])).toBeNull();
  });
});

describe("daily load source", () => {
  const polarDay = {
    date: "2024-05-02",
    status: "PRODUCTIVE" as const,
    cardioLoad: 96.7,
    strain: 58.6,
    tolerance: 53.3,
    ratio: 1.1,
  };
  it("Polar's day value wins", () => {
    const d = selectDailyLoad("2024-05-02", [{ date: "2024-05-02", polarCardioLoad: 50, trimp: 80 }], polarDay);
    expect(d).toMatchObject({ load: 96.7, source: "polar" });
  });
  it("not-available day falls back to session cardio loads, then TRIMP", () => {
    const na = normalizePolarCardioLoadDay({ ...polarDay, status: "LOAD_STATUS_NOT_AVAILABLE", cardioLoad: 0 });
    expect(na.cardioLoad).toBeNull();
    const both = [
      { date: "2024-05-02", polarCardioLoad: 50, trimp: 80 },
      { date: "2024-05-02", polarCardioLoad: 20, trimp: 30 },
    ];
    expect(selectDailyLoad("2024-05-02", both, na)).toMatchObject({ load: 70, source: "polar", sessionCount: 2 });
    const mixed = [
      { date: "2024-05-02", polarCardioLoad: 50, trimp: 80 },
      { date: "2024-05-02", polarCardioLoad: null, trimp: 30 },
    ];
    expect(selectDailyLoad("2024-05-02", mixed, na)).toMatchObject({ load: 110, source: "trimp" });
    const noHr = [{ date: "2024-05-02", polarCardioLoad: null, trimp: null }];
    expect(selectDailyLoad("2024-05-02", noHr, null)).toMatchObject({ load: 0, source: "none", sessionsWithoutLoad: 1 });
  });
  it("fills calendar days between the first and last day with 0 / none", () => {
    const series = buildDailyLoadSeries({
      sessions: [
        { date: "2024-02-28", polarCardioLoad: null, trimp: 40 },
        { date: "2024-03-02", polarCardioLoad: 60, trimp: 55 },
      ],
    });
    expect(series.map((d) => [d.date, d.load, d.source])).toEqual([
      ["2024-02-28", 40, "trimp"],
      ["2024-02-29", 0, "none"],
      ["2024-03-01", 0, "none"],
      ["2024-03-02", 60, "polar"],
    ]);
    expect(buildDailyLoadSeries({ sessions: [] })).toEqual([]);
  });
});

describe("PMC", () => {
  it("default seed is the mean of the first 7 days, so TSB on day 1 is 0", () => {
    const p = computePmc([70, 0, 0, 0, 0, 0, 0, 50]);
    expect(p[0].tsb).toBe(0);
    expectClose(p[0].ctl, 10 + (1 - Math.exp(-1 / 42)) * 60);
  });
  it("short series seed from what exists; empty series gives nothing", () => {
    expect(computePmc([30, 60])[0].tsb).toBe(0);
    expectClose(computePmc([30, 60])[0].ctl, 45 + (1 - Math.exp(-1 / 42)) * -15);
    expect(computePmc([])).toEqual([]);
  });
  it("TSB uses yesterday's values: today's load does not lower today's form", () => {
    const a = computePmc([50, 50, 50, 50, 50, 50, 50, 0], { seed: 50 });
    const b = computePmc([50, 50, 50, 50, 50, 50, 50, 500], { seed: 50 });
    expect(a[7].tsb).toBe(b[7].tsb);
    expect(b[7].atl).toBeGreaterThan(a[7].atl);
  });
  it("explicit CTL/ATL seed from earlier history", () => {
    const p = computePmc([0], { seed: { ctl: 40, atl: 60 } });
    expect(p[0].tsb).toBe(-20);
  });
});

describe("ACWR", () => {
  it("series shorter than every window: ratios null, EWMA seeded with day 1", () => {
    const points = computeAcwr([80, 20, 0]);
    expect(points.every((p) => p.acute7 === null && p.chronic28 === null && p.ewma === null)).toBe(true);
    expect(points[0].ewmaAcute).toBe(80);
    expectClose(points[1].ewmaAcute, 0.25 * 20 + 0.75 * 80);
  });
  it("zero-load history → ratios null, not Infinity or NaN", () => {
    const points = computeAcwr(Array<number>(35).fill(0));
    expect(points[34]).toMatchObject({ acute7: 0, chronic28: 0, coupled: null, uncoupled: null, ewma: null });
  });
  it("zero chronic after a long break is null even when earlier days had load", () => {
    const loads = [...Array<number>(10).fill(100.1), ...Array<number>(40).fill(0)];
    const last = computeAcwr(loads)[49];
    expect(last.chronic28).toBe(0);
    expect(last.coupled).toBeNull();
  });
  it("zero chronic21 with an acute week → uncoupled null, coupled defined", () => {
    const loads = [...Array<number>(21).fill(0), ...Array<number>(7).fill(50)];
    const day28 = computeAcwr(loads)[27];
    expect(day28.uncoupled).toBeNull();
    expectClose(day28.coupled, 4);
  });
  it.each([
    [null, null],
    [0.79, "low"],
    [0.8, "usual"],
    [1.29, "usual"],
    [1.3, "rising"],
    [1.5, "spike"],
  ] as const)("band of %s is %s", (ratio, band) => {
    expect(classifyAcwrBand(ratio)).toBe(band);
  });
});

describe("cardio-load status", () => {
  it.each([
    [null, "LOAD_STATUS_NOT_AVAILABLE"],
    [0.79, "DETRAINING"],
    [0.8, "MAINTAINING"],
    [1.0, "PRODUCTIVE"],
    [1.3, "PRODUCTIVE"],
    [1.31, "OVERREACHING"],
  ] as const)("ratio %s → %s", (ratio, status) => {
    expect(classifyCardioLoadRatio(ratio)).toBe(status);
  });
  it("Polar's status is shown as given", () => {
    const r = computeCardioLoadStatus(
      { date: "2024-05-02", status: "PRODUCTIVE_ALMOST_OVERREACHING", cardioLoad: 96, strain: 60, tolerance: 50, ratio: 1.2 },
      { strain: 10, tolerance: 100 },
    );
    expect(r).toEqual({
      source: "polar",
      status: "PRODUCTIVE_ALMOST_OVERREACHING",
      strain: 60,
      tolerance: 50,
      ratio: 1.2,
      estimated: false,
    });
  });
  it("tolerance 0 → ratio null → not available; before day 28 → not available", () => {
    expect(computeCardioLoadStatus(null, { strain: 0, tolerance: 0 }).status).toBe("LOAD_STATUS_NOT_AVAILABLE");
    expect(computeCardioLoadStatus(null, { strain: 40, tolerance: null })).toMatchObject({
      status: "LOAD_STATUS_NOT_AVAILABLE",
      ratio: null,
      strain: null,
    });
  });
  it("configurable cut-points", () => {
    const cut = { detrainingBelow: 0.7, maintainingBelow: 0.9, productiveMax: 1.2 };
    expect(classifyCardioLoadRatio(1.25, cut)).toBe("OVERREACHING");
  });
});

describe("resting HR", () => {
  it("Nightly Recharge first, sleep-sample mean as fallback, source recorded", () => {
    expect(selectNightlyRhr(52, 54)).toEqual({ value: 52, source: "nightly-recharge" });
    expect(selectNightlyRhr(null, 54)).toEqual({ value: 54, source: "sleep-samples" });
    expect(selectNightlyRhr(0, undefined)).toBeNull();
  });
  it("onset from an ISO sleep_start_time uses its local clock; invalid samples ignored", () => {
    expect(parseClockMinutes("2024-05-02T23:12:30+03:00")).toBe(23 * 60 + 12);
    const s = summarizeSleepHeartRate("2024-05-02T23:12:30+03:00", { "23:40": 0, "23:45": 60, "03:42": 40, "03:45": 1 });
    expect(s.windowCount).toBe(1);
    expect(s.windowMean).toBe(60);
    expect(s.lowest).toBe(1);
  });
  it("baseline needs 14 valid nights among the 30 before", () => {
    const nights: (number | null)[] = [...Array<number>(13).fill(50), 58];
    expect(computeRhrSeries(nights)[13]).toMatchObject({ baselineN: 13, baselineMean: null, elevated: null, streak: 0 });
    const more = [...Array<number>(14).fill(50), 58];
    expect(computeRhrSeries(more)[14]).toMatchObject({ baselineN: 14, baselineMean: 50, baselineSd: 0, z: null, elevated: true });
  });
  it("a missing night resets the streak", () => {
    const base = Array.from({ length: 20 }, (_, i) => 50 + (i % 3));
    const series = computeRhrSeries([...base, 60, 60, null, 60]);
    expect(series.slice(20).map((d) => d.streak)).toEqual([1, 2, 0, 1]);
    expect(series.slice(20).map((d) => d.persistent)).toEqual([false, true, false, false]);
  });
  it("optional hardening: the z rule can require a minimum delta", () => {
    const base = Array.from({ length: 20 }, (_, i) => 50 + (i % 2) * 0.5);
    const params = {
      windowNights: 30,
      minNights: 14,
      deltaBpm: 5,
      z: 1,
      persistenceNights: 2,
      minDeltaWithZ: 3,
      sdFloor: null,
    };
    expect(computeRhrSeries([...base, 51.5])[20].elevated).toBe(true);
    expect(computeRhrSeries([...base, 51.5], params)[20].elevated).toBe(false);
  });
});

describe("HRV", () => {
  it("RMSSD needs two intervals; ln of missing or non-positive is null", () => {
    expect(computeRmssd([1000])).toBeNull();
    expect(computeLnRmssd(null)).toBeNull();
    expect(computeLnRmssd(0)).toBeNull();
  });
  it("7-night mean needs 3 of 7 valid nights", () => {
    const values = [4, null, null, null, null, 4.1, null, null];
    const days = computeHrvSeries(values);
    expect(days[6].rollingN).toBe(2);
    expect(days[6].rolling7).toBeNull();
    expect(computeHrvSeries([4, 4.1, 4.2])[2].rolling7).toBeCloseTo(4.1, 12);
  });
  it("a missing night resets the acute streak", () => {
    const base = Array.from({ length: 20 }, (_, i) => 4 + (i % 2) * 0.1);
    const days = computeHrvSeries([...base, 3.5, 3.5, null, 3.5]);
    expect(days.slice(20).map((d) => d.acuteStreak)).toEqual([1, 2, 0, 1]);
  });
  it("without a baseline no flag is computed", () => {
    const d = computeHrvSeries([4, 3, 2])[2];
    expect(d).toMatchObject({ baselineMean: null, chronicLow: null, acuteLow: null, acuteStreak: 0 });
  });
});

describe("sleep", () => {
  it("span from offset date-times; no offset is rejected", () => {
    expect(computeSleepSpanSeconds("2024-05-02T23:12:30+03:00", "2024-05-03T06:58:00+03:00")).toBe(27930);
    expect(() => computeSleepSpanSeconds("2024-05-02T23:12:30", "2024-05-03T06:58:00")).toThrow(RangeError);
  });
  it("nothing staged → shares null, not NaN", () => {
    const m = computeSleepMetrics({
      lightSleepSeconds: 0,
      deepSleepSeconds: 0,
      remSleepSeconds: 0,
      unrecognizedSleepSeconds: 0,
      totalInterruptionSeconds: 0,
      shortInterruptionSeconds: 120,
      longInterruptionSeconds: 180,
      spanSeconds: 0,
    });
    expect(m.stagePercentOfStaged).toBeNull();
    expect(m.actualSleepPercent).toBeNull();
    expect(m.interruptions).toEqual({ totalMinutes: 0, shortMinutes: 2, longMinutes: 3 });
  });
  it("all nights missing → debt null, counted as missing, never zero sleep", () => {
    const d = computeSleepDebt([null, null, null, null, null, null, null]);
    expect(d).toEqual({ validNights: 0, missingNights: 7, grossMinutes: null, netMinutes: null, grossPerValidNightMinutes: null });
  });
  it("surplus nights pay back the net debt down to 0", () => {
    expect(computeSleepDebt([600, 600, 420], 480)).toMatchObject({ grossMinutes: 60, netMinutes: 0 });
  });
});
