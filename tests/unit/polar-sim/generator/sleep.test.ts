import { describe, expect, it } from "vitest";
import type { JsonObject } from "@/lib/polar-sim/contract";
import { asObject, athleteByLogin, createDefaultDataset, dateOf } from "./fixtures";

const dataset = createDefaultDataset(42);

/** Unwraps `"HH:MM"` keys against the minute-truncated sleep start (§1.4); returns minutes since that start. */
function unwrap(keys: string[], startLocal: string): number[] {
  const startMinute = Number(startLocal.slice(11, 13)) * 60 + Number(startLocal.slice(14, 16));
  return keys.map((key) => {
    const minute = Number(key.slice(0, 2)) * 60 + Number(key.slice(3, 5));
    return minute < startMinute ? minute + 1440 - startMinute : minute - startMinute;
  });
}

function nightsOf(login: string, fromDay: number, toDay: number): JsonObject[] {
  const athlete = athleteByLogin(dataset, login);
  const nights: JsonObject[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const sleep = athlete.sleep(dateOf(day));
    if (sleep) nights.push(sleep);
  }
  return nights;
}

describe("sleep", () => {
  it("keeps light + deep + rem + unrecognized = span - interruptions, and short + long = total", () => {
    let checked = 0;
    for (const login of ["aino", "mikko", "priya", "jordan"]) {
      for (const sleep of nightsOf(login, 1, 60)) {
        const span = (Date.parse(String(sleep.sleep_end_time)) - Date.parse(String(sleep.sleep_start_time))) / 1000;
        const stages =
          Number(sleep.light_sleep) + Number(sleep.deep_sleep) + Number(sleep.rem_sleep) + Number(sleep.unrecognized_sleep_stage);
        expect(stages).toBe(span - Number(sleep.total_interruption_duration));
        expect(Number(sleep.short_interruption_duration) + Number(sleep.long_interruption_duration)).toBe(
          sleep.total_interruption_duration,
        );
        expect(Number(sleep.sleep_score)).toBeGreaterThanOrEqual(1);
        expect(Number(sleep.sleep_score)).toBeLessThanOrEqual(100);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("writes local times with offset, dates the night by its wake-up day, and has maps that cross midnight", () => {
    const nights = nightsOf("aino", 1, 40);
    expect(nights.length).toBeGreaterThan(34);
    for (const sleep of nights) {
      const start = String(sleep.sleep_start_time);
      const end = String(sleep.sleep_end_time);
      expect(start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
      expect(end.slice(0, 10)).toBe(sleep.date);
      const hypnogramKeys = Object.keys(asObject(sleep.hypnogram));
      // The first key is the minute-truncated start, the last the wake-up minute (stage 0).
      expect(hypnogramKeys[0]).toBe(start.slice(11, 16));
      expect(hypnogramKeys[hypnogramKeys.length - 1]).toBe(end.slice(11, 16));
      expect(asObject(sleep.hypnogram)[end.slice(11, 16)]).toBe(0);
      const offsets = unwrap(hypnogramKeys, start);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(new Set(offsets).size).toBe(offsets.length);
      const span = (Date.parse(end) - Date.parse(start)) / 60_000;
      expect(offsets[offsets.length - 1]).toBeLessThanOrEqual(span + 1);
      // Keys after midnight are smaller clock values than the start: the map crosses midnight.
      expect(hypnogramKeys.some((key) => key < hypnogramKeys[0])).toBe(true);
      const hrKeys = Object.keys(asObject(sleep.heart_rate_samples));
      expect(hrKeys.some((key) => key.startsWith("00:"))).toBe(true);
      for (const value of Object.values(asObject(sleep.hypnogram))) expect([0, 1, 2, 3, 4, 5]).toContain(value);
    }
  });

  it("serves Nightly Recharge with the same date and its HRV samples inside the night", () => {
    const aino = athleteByLogin(dataset, "aino");
    let checked = 0;
    for (let day = 30; day < 60; day++) {
      const date = dateOf(day);
      const sleep = aino.sleep(date);
      const recharge = aino.nightlyRecharge(date);
      expect(recharge === null).toBe(sleep === null);
      if (!sleep || !recharge) continue;
      expect(recharge.date).toBe(date);
      const keys = Object.keys(asObject(recharge.hrv_samples));
      expect(keys.length).toBeGreaterThan(40);
      const offsets = unwrap(keys, String(sleep.sleep_start_time));
      expect(Math.min(...offsets)).toBeGreaterThanOrEqual(30);
      expect(Math.max(...offsets)).toBeLessThan(30 + 240 + 1);
      const values = Object.values(asObject(recharge.hrv_samples)).map(Number);
      const avg = values.reduce((a, b) => a + b, 0) / values.length;
      expect(recharge.heart_rate_variability_avg).toBe(Math.round(avg));
      expect(Number(recharge.beat_to_beat_avg)).toBeCloseTo(60_000 / Number(recharge.heart_rate_avg), -2);
      expect(Object.keys(asObject(recharge.breathing_samples))).toEqual(keys);
      expect(Number(recharge.ans_charge)).toBeGreaterThanOrEqual(-10);
      expect(Number(recharge.ans_charge)).toBeLessThanOrEqual(10);
      expect(aino.sleepAvailable(date)).toEqual({ date, start_time: sleep.sleep_start_time, end_time: sleep.sleep_end_time });
      checked++;
    }
    expect(checked).toBeGreaterThan(24);
  });

  it("writes the DST night of the cyclist with two different offsets", () => {
    const jordan = athleteByLogin(dataset, "jordan");
    const sleep = jordan.sleep("2026-03-08");
    if (!sleep) throw new Error("the DST night is expected to be recorded for seed 42");
    expect(String(sleep.sleep_start_time).endsWith("-05:00")).toBe(true);
    expect(String(sleep.sleep_end_time).endsWith("-04:00")).toBe(true);
  });

  it("has missing nights (404) and none before the history", () => {
    const aino = athleteByLogin(dataset, "aino");
    const missing = Array.from({ length: 300 }, (_, i) => aino.sleep(dateOf(i + 1))).filter((night) => night === null);
    expect(missing.length).toBeGreaterThan(3);
    expect(aino.sleep(dateOf(0))).toBeNull();
    expect(aino.sleep("2025-12-31")).toBeNull();
    expect(aino.nightlyRecharge(dateOf(400))).toBeNull();
  });
});
