import { describe, expect, it } from "vitest";
import { asObject, athleteByLogin, createDefaultDataset, dateOf } from "./fixtures";

const dataset = createDefaultDataset(42);

describe("cardio load", () => {
  it("spells the top level `very-high` next to snake_case siblings", () => {
    const aino = athleteByLogin(dataset, "aino");
    const day = aino.cardioLoad(dateOf(60), { omitPlaceholderNumbers: false });
    const levels = asObject(day.cardio_load_level);
    expect(Object.keys(levels)).toEqual(["very_low", "low", "medium", "high", "very-high"]);
    expect(levels).not.toHaveProperty("very_high");
    expect(Number(levels["very-high"])).toBeGreaterThan(Number(levels.high));
    expect(Object.keys(day)).toEqual([
      "date",
      "cardio_load_status",
      "cardio_load",
      "strain",
      "tolerance",
      "cardio_load_ratio",
      "cardio_load_level",
    ]);
  });

  it("computes strain and tolerance as 7- and 28-day means of the daily load", () => {
    const aino = athleteByLogin(dataset, "aino");
    const loads = Array.from({ length: 28 }, (_, i) =>
      Number(aino.cardioLoad(dateOf(100 - i), { omitPlaceholderNumbers: false }).cardio_load),
    );
    const day = aino.cardioLoad(dateOf(100), { omitPlaceholderNumbers: false });
    const strain = loads.slice(0, 7).reduce((a, b) => a + b, 0) / 7;
    const tolerance = loads.reduce((a, b) => a + b, 0) / 28;
    expect(Number(day.strain)).toBeCloseTo(strain, 0);
    expect(Number(day.tolerance)).toBeCloseTo(tolerance, 0);
    expect(Number(day.cardio_load_ratio)).toBeCloseTo(strain / tolerance, 1);
    expect(["MAINTAINING", "PRODUCTIVE", "PRODUCTIVE_ALMOST_OVERREACHING", "DETRAINING"]).toContain(day.cardio_load_status);
  });

  it("equals the sum of the day's Training Load Pro cardio loads", () => {
    const aino = athleteByLogin(dataset, "aino");
    const from = Date.UTC(2026, 1, 1);
    const uploads = aino.uploadsBetween(from, from + 14 * 86_400_000);
    const perDate = new Map<string, number>();
    for (const upload of uploads) {
      if (upload.kind !== "exercise") continue;
      const tlp = asObject(aino.exercise(upload.id, { apiBaseUrl: "http://x" })?.["training-load-pro"]);
      perDate.set(upload.date, (perDate.get(upload.date) ?? 0) + Number(tlp["cardio-load"]));
    }
    expect(perDate.size).toBeGreaterThan(6);
    for (const [date, load] of perDate) {
      expect(Number(aino.cardioLoad(date, { omitPlaceholderNumbers: false }).cardio_load)).toBeCloseTo(load, 0);
    }
  });

  it("renders LOAD_STATUS_NOT_AVAILABLE placeholders with zeros, or without numbers when asked", () => {
    const tomas = athleteByLogin(dataset, "tomas");
    const early = tomas.cardioLoad(dateOf(200), { omitPlaceholderNumbers: false });
    expect(early).toEqual({
      date: dateOf(200),
      cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE",
      cardio_load: 0,
      strain: 0,
      tolerance: 0,
      cardio_load_ratio: 0,
      cardio_load_level: { very_low: 0, low: 0, medium: 0, high: 0, "very-high": 0 },
    });
    expect(tomas.cardioLoad(dateOf(200), { omitPlaceholderNumbers: true })).toEqual({
      date: dateOf(200),
      cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE",
    });
    // The newcomer's first days are placeholders, the last ones real.
    expect(tomas.cardioLoad(dateOf(387), { omitPlaceholderNumbers: false }).cardio_load_status).toBe("LOAD_STATUS_NOT_AVAILABLE");
    expect(tomas.cardioLoad(dateOf(399), { omitPlaceholderNumbers: false }).cardio_load_status).not.toBe("LOAD_STATUS_NOT_AVAILABLE");
    const aino = athleteByLogin(dataset, "aino");
    expect(aino.cardioLoad("2025-12-01", { omitPlaceholderNumbers: false }).cardio_load_status).toBe("LOAD_STATUS_NOT_AVAILABLE");
    expect(aino.cardioLoad(dateOf(400), { omitPlaceholderNumbers: false }).cardio_load_status).toBe("LOAD_STATUS_NOT_AVAILABLE");
  });
});
