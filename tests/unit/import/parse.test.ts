import { describe, expect, it } from "vitest";
import { classifyEntry } from "@/lib/import/classify";
import { parseActivity, parseHeartRateMonth, parsePhysicalInfoHistory, parseRecharge, parseSleepResult } from "@/lib/import/daily";
import { parseExportJson, replaceBareNaN } from "@/lib/import/json";
import { NotASessionError, parseSessionEntry } from "@/lib/import/sessions";

describe("bare NaN (polar-export.md §6 quirk 1)", () => {
  it("turns NaN tokens in value positions into null and leaves strings alone", () => {
    const text = '{"note":"HR: NaN, ok","values":[83,NaN, -NaN ,"NaN"],"x":NaN}';
    expect(replaceBareNaN(text)).toBe('{"note":"HR: NaN, ok","values":[83,null, null ,"NaN"],"x":null}');
    expect(parseExportJson(text)).toEqual({ note: "HR: NaN, ok", values: [83, null, null, "NaN"], x: null });
  });
  it("still rejects text that is not JSON", () => {
    expect(() => parseExportJson('{"a": NaNa}')).toThrow(SyntaxError);
  });
});

describe("classifyEntry", () => {
  it.each([
    ["training-session-2017-01-23-123456-8f1c.json", "session"],
    ["training-session-2026-05-23T10:46:22-7520219187-0e16.json", "session"],
    ["training-session_2026-01-02T10-30-00_7520-0e16.json", "session"],
    ["training-target-2026-01-02-3-0e16.json", "skipped"],
    ["activity-2024-03-01-0e16.json", "activity"],
    ["247ohr_2017_10-0e16.json", "heart-rate-month"],
    ["sleep_result_123-0e16.json", "sleep-result"],
    ["sleep_score_123-0e16.json", "sleep-score"],
    ["nightly_recovery_blob_123-0e16.json", "skipped"],
    ["nightly_recovery_123-0e16.json", "recharge"],
    ["calendar-items-123-0e16.json", "calendar"],
    ["profile-picture-123-SMALL-0e16.data", "skipped"],
    ["wellness-insights-123-0e16.json", "unknown"],
  ])("%s → %s", (name, kind) => {
    expect(classifyEntry(name).kind).toBe(kind);
  });
});

const currentSession = {
  identifier: { id: "7520219187" },
  created: "2026-04-05T10:00:00.000",
  startTime: "2025-07-04T18:00:00",
  stopTime: "2025-07-04T18:00:05",
  timezoneOffsetMinutes: -420,
  durationMillis: 5000,
  distanceMeters: 0,
  calories: 447,
  hrAvg: 0,
  hrMax: 0,
  sport: { id: "1" },
  recoveryTimeMillis: "41340000",
  trainingLoadReport: { cardioLoad: 79.35, muscleLoad: -1, calculationTime: "2025-07-04T18:00:00Z" },
  exercises: [
    {
      sport: { id: "1" },
      zones: [{ type: "ZONE_TYPE_HEART_RATE", zones: [{ lowerLimit: 94, higherLimit: 113, inZone: 40007 }] }],
      samples: {
        samples: [
          { type: "HEART_RATE", intervalMillis: 1000, values: [0, 120, "__NAN__", "NaN", 130] },
          { type: "SPEED", intervalMillis: 1000, values: [9.5, 9.7, null, 10, 10.1] },
          { type: "TEMPERATURE", intervalMillis: 1000, values: [20, 20, 20, 20, 20] },
        ],
      },
      routes: {},
    },
  ],
};

describe("current session format", () => {
  const text = JSON.stringify(currentSession).replace('"__NAN__"', "NaN");
  const session = parseSessionEntry(parseExportJson(text), "training-session-2025-07-04T18:00:00-7520219187-x.json");
  it("reads times as local + offset, sport ids as names, 0 and −1 as missing", () => {
    expect(session.format).toBe("current");
    expect(session.startUtcMs).toBe(Date.UTC(2025, 6, 5, 1, 0, 0));
    expect(session.localDate).toBe("2025-07-04");
    expect(session.durationSeconds).toBe(5);
    expect(session).toMatchObject({ sport: "RUNNING", detailedSport: "RUNNING", sourceId: "7520219187", avgHr: null, maxHr: null, distanceMeters: null });
    expect(session.cardioLoad).toBe(79.35);
    expect(session.muscleLoad).toBeNull();
  });
  it("keeps known streams in AccessLink codes with dropouts as null", () => {
    expect(session.samples.map((s) => s.sampleType)).toEqual([0, 1]);
    expect(session.samples[0]).toEqual({ sampleType: 0, recordingRate: 1, values: [null, 120, null, null, 130] });
    expect(session.zones).toEqual([{ zoneIndex: 1, lowerLimit: 94, upperLimit: 113, inZoneSeconds: 40.007 }]);
  });
});

describe("legacy session format", () => {
  const legacy = {
    exportVersion: "1.3",
    name: "Laufen",
    startTime: "2017-01-23T18:20:18.000",
    timeZoneOffset: 60,
    duration: "PT4.5S",
    distance: 6595.0,
    kiloCalories: 498,
    averageHeartRate: 138,
    maximumHeartRate: 164,
    exercises: [
      {
        sport: "RUNNING",
        zones: { heart_rate: [{ zoneIndex: 1, lowerLimit: 100, upperLimit: 120, inZone: "PT405.5S" }] },
        samples: {
          heartRate: [
            { dateTime: "2017-01-23T18:20:18.000", value: 95 },
            { dateTime: "2017-01-23T18:20:19.000" },
            { dateTime: "2017-01-23T18:20:20.000", value: 97 },
          ],
        },
      },
    ],
  };
  it("reads ISO durations, sport keys and samples without value as dropouts", () => {
    const session = parseSessionEntry(legacy, "training-session-2017-01-23-123456-8f1c.json");
    expect(session).toMatchObject({ format: "legacy", sourceId: "123456", sport: "RUNNING", avgHr: 138, durationSeconds: 4.5 });
    expect(session.startUtcMs).toBe(Date.UTC(2017, 0, 23, 17, 20, 18));
    expect(session.samples[0].values).toEqual([95, null, 97]);
    expect(session.zones[0].inZoneSeconds).toBe(405.5);
  });
  it("rejects JSON that is neither format", () => {
    expect(() => parseSessionEntry({ name: "Tempo", phases: [] }, "training-session-x.json")).toThrow(NotASessionError);
  });
});

describe("daily files", () => {
  it("activity: summary, active time from levels, per-minute samples", () => {
    const activity = parseActivity({
      date: "2024-03-01",
      summary: { stepCount: 7088, calories: 2160, activityLevels: [{ level: "SEDENTARY", duration: "PT3H" }, { level: "CONTINUOS_MODERATE", duration: "PT54M" }] },
      samples: { steps: [{ localTime: "00:01:00.000", value: 2 }], mets: [{ value: 1.2 }, { value: 1.4 }] },
    });
    expect(activity).toMatchObject({ localDate: "2024-03-01", steps: 7088, calories: 2160, activeSeconds: 3240 });
    expect(activity.stepSamples).toEqual([[60, 2]]);
    expect(activity.metSamples).toEqual([[0, 1.2], [43_200, 1.4]]);
  });
  it("sleep: hypnogram from state changes without the end marker, score joined on night", () => {
    const sleep = parseSleepResult(
      {
        night: "2024-03-02",
        evaluation: { phaseDurations: { deep: "PT1H", rem: "PT1H30M" } },
        sleepResult: {
          hypnogram: {
            sleepStart: "2024-03-01T23:00:00+02:00",
            sleepEnd: "2024-03-02T07:00:00+02:00",
            sleepStateChanges: [
              { offsetFromStart: "PT0S", state: "NONREM1" },
              { offsetFromStart: "PT1H", state: "NONREM3" },
              { offsetFromStart: "PT8H", state: "WAKE" },
            ],
          },
        },
      },
      { night: "2024-03-02", sleepScoreResult: { sleepScore: 81, groupDurationScore: null, groupSolidityScore: null, groupRefreshScore: null } },
    );
    expect(sleep.startUtcMs).toBe(Date.UTC(2024, 2, 1, 21));
    expect(sleep.hypnogram).toEqual([
      { utcMs: Date.UTC(2024, 2, 1, 21), stage: 2 },
      { utcMs: Date.UTC(2024, 2, 1, 22), stage: 4 },
    ]);
    expect(sleep).toMatchObject({ deepSeconds: 3600, remSeconds: 5400, sleepScore: 81, startUtcOffsetMinutes: 120 });
  });
  it("Nightly Recharge: resting HR from the mean RRI, breathing from the interval", () => {
    expect(parseRecharge({ night: "2024-03-02", meanNightlyRecoveryRri: 1000, meanNightlyRecoveryRmssd: 42, meanNightlyRecoveryRespirationInterval: 4000 })).toMatchObject({
      heartRateAvg: 60,
      beatToBeatAvgMs: 1000,
      hrvRmssdMs: 42,
      breathingRateAvg: 15,
    });
  });
  it("24/7 HR: days of a month file, empty days dropped, zero HR ignored", () => {
    const days = parseHeartRateMonth({
      deviceDays: [
        { userId: 1, deviceId: "A", date: "2017-10-01", samples: [{ heartRate: 62, secondsFromDayStart: 3600 }, { heartRate: 0, secondsFromDayStart: 3900 }] },
        { userId: 1, deviceId: "A", date: "2017-10-02", samples: [] },
      ],
    });
    expect(days).toEqual([{ localDate: "2017-10-01", samples: [[3600, 62]] }]);
  });
  it("settings history: keeps only changes, reads the \"weight, kg\" keys", () => {
    const snapshot = { "height, cm": 180, "weight, kg": 75, maximumHeartRate: 190, restingHeartRate: 50, vo2Max: 55 };
    const history = parsePhysicalInfoHistory({
      physicalInformations: [
        { ...snapshot, dateTime: "2024-01-01T08:00:00.000" },
        { ...snapshot, dateTime: "2024-02-01T08:00:00.000" },
        { ...snapshot, "weight, kg": 74.2, dateTime: "2024-03-01T08:00:00.000" },
      ],
    });
    expect(history.map((h) => [h.localDate, h.weightKg, h.heightCm])).toEqual([
      ["2024-01-01", 75, 180],
      ["2024-03-01", 74.2, 180],
    ]);
  });
});

describe("activity sample times", () => {
  it("reads HH:MM:SS(.fff) and refuses malformed times", () => {
    const day = (localTime: string) => parseActivity({ date: "2024-03-01", samples: { steps: [{ localTime, value: 1 }], mets: [] } }).stepSamples[0][0];
    expect(day("00:01:00.000")).toBe(60);
    expect(day("23:59:59")).toBe(86_399);
    expect(day("7:05")).toBe(7 * 3600 + 300);
    expect(() => day("1/:00:00")).toThrow();
  });
});
