import { describe, expect, it } from "vitest";
import {
  exerciseStartToUtc,
  isIsoDate,
  parseClockTime,
  parseIsoDuration,
  parseOffsetDateTime,
  parseSampleData,
  parseUtcNoZ,
  parseUtcTimestamp,
  unwrapClockMap,
} from "@/lib/polar";
import sleep from "@/tests/fixtures/polar/sleep.json";
import nightlyRecharge from "@/tests/fixtures/polar/nightly-recharge.json";

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => Date.UTC(y, mo - 1, d, h, mi, s, ms);

describe("parseIsoDuration", () => {
  it.each([
    ["PT1H2M45S", 3765],
    ["PT51M5S", 3065],
    ["PT4S", 4],
    ["PT210.026S", 210.026],
    ["PT1H2M45.5S", 3765.5],
    ["PT3H5M", 11_100],
    ["PT60M", 3600],
    ["PT16H42M20S", 60_140],
    ["PT1.002S", 1.002],
    ["PT0S", 0],
    ["PT8H", 28_800],
    ["P1DT2H", 93_600],
  ])("%s → %d s", (input, seconds) => {
    expect(parseIsoDuration(input)).toBe(seconds);
  });

  it.each(["", "P", "PT", "1H", "PT1.5", "-PT1S", "PT1H2X", "pt4s"])("rejects %j", (input) => {
    expect(() => parseIsoDuration(input)).toThrow(RangeError);
  });
});

describe("exerciseStartToUtc (UTC = local − offset, applied once)", () => {
  it("18:05 local at +180 is 15:05Z on the local date", () => {
    expect(exerciseStartToUtc("2024-05-02T18:05:00", 180)).toEqual({ utcMs: utc(2024, 5, 2, 15, 5), localDate: "2024-05-02" });
  });

  it("−300 (UTC−5) moves the instant to the next UTC day but keeps the local date", () => {
    expect(exerciseStartToUtc("2024-05-02T21:30:00", -300)).toEqual({ utcMs: utc(2024, 5, 3, 2, 30), localDate: "2024-05-02" });
  });

  it("an early-morning local start at +180 falls on the previous UTC day", () => {
    expect(exerciseStartToUtc("2024-05-03T01:30:00", 180)).toEqual({ utcMs: utc(2024, 5, 2, 22, 30), localDate: "2024-05-03" });
  });

  it("keeps fractional seconds", () => {
    expect(exerciseStartToUtc("2024-05-02T18:05:00.500", 180).utcMs).toBe(utc(2024, 5, 2, 15, 5, 0, 500));
  });

  it("does not apply the offset a second time when the string already carries one", () => {
    expect(exerciseStartToUtc("2024-05-02T18:05:00+03:00", 180).utcMs).toBe(utc(2024, 5, 2, 15, 5));
  });

  it("rejects a malformed start", () => {
    expect(() => exerciseStartToUtc("02.05.2024 18:05", 180)).toThrow(RangeError);
    expect(() => exerciseStartToUtc("2024-02-30T18:05:00", 180)).toThrow(RangeError);
  });
});

describe("parseOffsetDateTime", () => {
  it("reads the sleep start of the doc example", () => {
    expect(parseOffsetDateTime("2024-05-02T23:12:30+03:00")).toEqual({
      utcMs: utc(2024, 5, 2, 20, 12, 30),
      offsetMinutes: 180,
      localDate: "2024-05-02",
    });
  });

  it("handles negative offsets and Z", () => {
    expect(parseOffsetDateTime("2024-05-02T22:40:10-05:00")).toEqual({
      utcMs: utc(2024, 5, 3, 3, 40, 10),
      offsetMinutes: -300,
      localDate: "2024-05-02",
    });
    expect(parseOffsetDateTime("2024-05-02T04:00:00Z").offsetMinutes).toBe(0);
    expect(parseOffsetDateTime("2024-05-02T04:00:00+0530").offsetMinutes).toBe(330);
  });

  it("requires an offset", () => {
    expect(() => parseOffsetDateTime("2024-05-02T23:12:30")).toThrow(RangeError);
  });
});

describe("unwrapClockMap (§1.4: against the minute-truncated sleep start)", () => {
  it("keeps 23:12 on the start date although the start is 23:12:30, and moves after-midnight keys a day on", () => {
    const points = unwrapClockMap(sleep.hypnogram, sleep.sleep_start_time);
    expect(points).toHaveLength(14);
    expect(points[0]).toEqual({ utcMs: utc(2024, 5, 2, 20, 12), localTime: "2024-05-02T23:12", value: 2 });
    const afterMidnight = points.find((point) => point.localTime.endsWith("00:47"));
    expect(afterMidnight).toEqual({ utcMs: utc(2024, 5, 2, 21, 47), localTime: "2024-05-03T00:47", value: 3 });
    expect(points[13]).toEqual({ utcMs: utc(2024, 5, 3, 3, 58), localTime: "2024-05-03T06:58", value: 0 });
    for (let i = 1; i < points.length; i += 1) expect(points[i].utcMs).toBeGreaterThan(points[i - 1].utcMs);
  });

  it("sorts by unwrapped time, never by JSON key order", () => {
    const scrambled = { "00:05": 55, "23:15": 61, "00:00": 54, "23:55": 55 };
    const points = unwrapClockMap(scrambled, sleep.sleep_start_time);
    expect(points.map((point) => point.localTime)).toEqual([
      "2024-05-02T23:15",
      "2024-05-02T23:55",
      "2024-05-03T00:00",
      "2024-05-03T00:05",
    ]);
    expect(points.map((point) => point.value)).toEqual([61, 55, 54, 55]);
  });

  it("unwraps Nightly Recharge maps against that night's sleep start", () => {
    const points = unwrapClockMap(nightlyRecharge.hrv_samples, sleep.sleep_start_time);
    expect(points.map((point) => point.value)).toEqual([52, 57, 61, 59, 60]);
    expect(points[4].utcMs).toBe(utc(2024, 5, 2, 21, 2));
  });

  it("uses the start's own offset (UTC−5 night)", () => {
    const points = unwrapClockMap({ "05:10": 0, "22:40": 2, "00:00": 3 }, "2024-05-02T22:40:10-05:00");
    expect(points.map((point) => point.utcMs)).toEqual([utc(2024, 5, 3, 3, 40), utc(2024, 5, 3, 5, 0), utc(2024, 5, 3, 10, 10)]);
  });

  it("rejects malformed keys and a start without offset", () => {
    expect(() => unwrapClockMap({ "24:00": 1 }, sleep.sleep_start_time)).toThrow(RangeError);
    expect(() => unwrapClockMap({ "7:05": 1 }, sleep.sleep_start_time)).toThrow(RangeError);
    expect(() => unwrapClockMap({ "23:30": 1 }, "2024-05-02T23:12:30")).toThrow(RangeError);
  });
});

describe("UTC parsers", () => {
  it("parseUtcNoZ reads SleepWise times with 2-digit fractions", () => {
    expect(parseUtcNoZ("2024-05-02T20:12:30.57")).toBe(utc(2024, 5, 2, 20, 12, 30, 570));
    expect(parseUtcNoZ("2024-05-02T20:12:30")).toBe(utc(2024, 5, 2, 20, 12, 30));
    expect(parseUtcNoZ("2024-05-02T20:12:30Z")).toBe(utc(2024, 5, 2, 20, 12, 30));
    expect(() => parseUtcNoZ("2024-05-02T20:12:30+03:00")).toThrow(RangeError);
  });

  it("parseUtcTimestamp is lenient with Polar's malformed upload time", () => {
    expect(parseUtcTimestamp("2024-05-02T10:40:0.000Z")).toBe(utc(2024, 5, 2, 10, 40, 0));
    expect(parseUtcTimestamp("2024-05-02T16:21:09.000Z")).toBe(utc(2024, 5, 2, 16, 21, 9));
    expect(parseUtcTimestamp("2024-05-01T08:00:00.00Z")).toBe(utc(2024, 5, 1, 8));
    expect(parseUtcTimestamp("2025-01-31T12:01:45.963")).toBe(utc(2025, 1, 31, 12, 1, 45, 963));
    expect(parseUtcTimestamp("2024-05-02T19:02:44+03:00")).toBe(utc(2024, 5, 2, 16, 2, 44));
    expect(() => parseUtcTimestamp("yesterday")).toThrow(RangeError);
  });
});

describe("parseSampleData", () => {
  it("maps empty fields and the word null to null", () => {
    expect(parseSampleData("598,604,,611,607,null,602")).toEqual([598, 604, null, 611, 607, null, 602]);
  });

  it("keeps raw numbers (a leading HR 0 is the analytics' job)", () => {
    expect(parseSampleData("0,97,99,102,106,110,113,117,120,122")).toEqual([0, 97, 99, 102, 106, 110, 113, 117, 120, 122]);
    expect(parseSampleData("0.0,7.9,9.6,10.8,11.2")).toEqual([0, 7.9, 9.6, 10.8, 11.2]);
  });

  it("handles empty strings, a trailing comma and NULL in capitals", () => {
    expect(parseSampleData("")).toEqual([]);
    expect(parseSampleData("1,2,")).toEqual([1, 2, null]);
    expect(parseSampleData("NULL,5")).toEqual([null, 5]);
  });

  it("rejects non-numeric values", () => {
    expect(() => parseSampleData("1,abc,3")).toThrow(RangeError);
    expect(() => parseSampleData("1,Infinity")).toThrow(RangeError);
    expect(() => parseSampleData("1,2x")).toThrow(RangeError);
  });

  it("reads blanks around a field as nothing, and a 0 between blanks as 0", () => {
    expect(parseSampleData(" 1 , ,0 , 0.0,-3.5 ,  ")).toEqual([1, null, 0, 0, -3.5, null]);
    expect(parseSampleData(",")).toEqual([null, null]);
    expect(parseSampleData(" null ,Null")).toEqual([null, null]);
  });
});

describe("small helpers", () => {
  it("parseClockTime", () => {
    expect(parseClockTime("00:03:11")).toBe(191);
    expect(parseClockTime("13:00:00.000")).toBe(46_800);
    expect(parseClockTime("12:37:33.500")).toBe(45_453.5);
    expect(() => parseClockTime("25:00:00")).toThrow(RangeError);
  });

  it("isIsoDate checks the calendar", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-5-2")).toBe(false);
  });
});
