import { describe, expect, it } from "vitest";
import { PolarDailyActivitySchema } from "@/lib/polar/schemas/activity";
import { PolarExerciseSampleSchema } from "@/lib/polar/schemas/exercise";
import dailyActivityFixture from "@/tests/fixtures/polar/daily-activity.json";
import { packNumbers, unpackNumbers, unpackPairs, unpackTimedValues, unpackZoneSamples } from "@/lib/sync/pack";
import {
  isNewerActivity,
  toActivityRow,
  toCardioLoadRow,
  toContinuousHeartRateRow,
  toDailyActivityExtraRow,
  toExerciseRow,
  toExerciseSampleRow,
  toExerciseZoneRows,
  toListedActivityRow,
  toNightlyRechargeRow,
  toPhysicalInfoRow,
  toSampleSeries,
  toSleepRow,
  type ExerciseInput,
  type PhysiologyContext,
  type SleepInput,
} from "@/lib/sync/transforms";

/** A sample payload as Polar sends it, through the client's schema (which parses `data`). */
function polarSample(payload: { "recording-rate": number | null; "sample-type": string; data: string }) {
  return PolarExerciseSampleSchema.parse(payload);
}

// The fictional athlete of polar-accesslink.md (Polar user 48213977, UTC+3 in May 2024), payloads verbatim.
const exercisePlus180: ExerciseInput = {
  id: 8127301450,
  "upload-time": "2024-05-02T16:21:09.000Z",
  device: "Polar Vantage V3",
  "device-id": "A4C2E91F",
  "start-time": "2024-05-02T18:05:00",
  "start-time-utc-offset": 180,
  duration: "PT1H2M45S",
  calories: 655,
  distance: 11820.0,
  "heart-rate": { average: 151, maximum: 178 },
  "training-load": 131.4,
  sport: "RUNNING",
  "has-route": true,
  "detailed-sport-info": "ROAD_RUNNING",
  "fat-percentage": 28,
  "carbohydrate-percentage": 69,
  "protein-percentage": 3,
  "running-index": 54,
  "training-load-pro": {
    "cardio-load": 96.7,
    "muscle-load": -1.0,
    "perceived-load": 0.0,
    "cardio-load-interpretation": "HIGH",
    "muscle-load-interpretation": "NOT_AVAILABLE",
    "perceived-load-interpretation": "NOT_AVAILABLE",
    "user-rpe": "UNKNOWN",
  },
};

const physiology: PhysiologyContext = { hrMax: 190, hrRest: 60, sex: "female", hrMaxSource: "physical-info", zoneModel: "polar-hrmax" };

describe("toExerciseRow", () => {
  it("converts local start + offset 180 to UTC once and keeps the local date", () => {
    const row = toExerciseRow(exercisePlus180, [], physiology);
    expect(row.startUtcMs).toBe(Date.UTC(2024, 4, 2, 15, 5, 0));
    expect(row.localDate).toBe("2024-05-02");
    expect(row.utcOffsetMinutes).toBe(180);
    expect(row.durationSeconds).toBe(3765);
    expect(row.uploadTime).toBe(Date.UTC(2024, 4, 2, 16, 21, 9));
    expect(row.avgHr).toBe(151);
    expect(row.cardioLoad).toBe(96.7);
    // −1.0 / NOT_AVAILABLE are "no value", not numbers.
    expect(row.muscleLoad).toBeNull();
    expect(row.perceivedLoad).toBeNull();
  });

  it("puts a late-evening session at −300 on its local day although UTC is the next day", () => {
    const row = toExerciseRow(
      { ...exercisePlus180, "start-time": "2024-11-05T21:30:00", "start-time-utc-offset": -300 },
      [],
      physiology,
    );
    expect(row.startUtcMs).toBe(Date.UTC(2024, 10, 6, 2, 30, 0));
    expect(row.localDate).toBe("2024-11-05");
  });

  it("uses each session's own offset across a DST change (EET → EEST, 120 → 180)", () => {
    const before = toExerciseRow(
      { ...exercisePlus180, "start-time": "2024-03-30T23:30:00", "start-time-utc-offset": 120 },
      [],
      physiology,
    );
    const after = toExerciseRow(
      { ...exercisePlus180, "start-time": "2024-03-31T04:30:00", "start-time-utc-offset": 180 },
      [],
      physiology,
    );
    expect(before.startUtcMs).toBe(Date.UTC(2024, 2, 30, 21, 30));
    expect(after.startUtcMs).toBe(Date.UTC(2024, 3 - 1, 31, 1, 30));
    expect(after.startUtcMs - before.startUtcMs).toBe(4 * 3600_000);
    expect([before.localDate, after.localDate]).toEqual(["2024-03-30", "2024-03-31"]);
  });

  it("computes time in zone and TRIMP from HR samples, a leading 0 counting as no data", () => {
    // 1 s rate: 0 (dropout), then HR 150 for 3 samples, one missing value, then 172.
    const row = toExerciseRow(
      exercisePlus180,
      [toSampleSeries(polarSample({ "recording-rate": 1, "sample-type": "0", data: "0,150,150,150,,172" }))],
      physiology,
    );
    // HRmax 190 → Z3 = [133, 152), Z5 = [171, ∞).
    expect([row.zone0Seconds, row.zone1Seconds, row.zone2Seconds, row.zone3Seconds, row.zone4Seconds, row.zone5Seconds]).toEqual([
      0, 0, 0, 3, 0, 1,
    ]);
    expect(row.noDataSeconds).toBe(2);
    expect(row.trimpMethod).toBe("segments");
    // Women: a = 0.86, b = 1.67; per sample 1/60 min.
    const x150 = (150 - 60) / 130;
    const x172 = (172 - 60) / 130;
    const expected = (3 / 60) * x150 * 0.86 * Math.exp(1.67 * x150) + (1 / 60) * x172 * 0.86 * Math.exp(1.67 * x172);
    expect(Math.abs((row.trimp ?? 0) - expected)).toBeLessThan(1e-9);
  });

  it("falls back to the average HR for TRIMP without samples and marks it", () => {
    const row = toExerciseRow(
      { ...exercisePlus180, duration: "PT1H", "heart-rate": { average: 150, maximum: 170 } },
      [],
      { hrMax: 190, hrRest: 60, sex: "male", hrMaxSource: "age-fallback", zoneModel: "polar-hrmax" },
    );
    // metrics §2.1 worked example: 60 min at 150, HRrest 60, HRmax 190, men → 100.4403.
    expect(Math.abs((row.trimp ?? 0) - 100.4403)).toBeLessThanOrEqual(1e-4);
    expect(row.trimpMethod).toBe("mean-hr");
    expect(row.hrMaxSource).toBe("age-fallback");
    expect(row.zone1Seconds).toBeNull();
  });

  it("leaves zones and TRIMP empty without HRmax and treats a missing sport as OTHER", () => {
    const row = toExerciseRow(
      { ...exercisePlus180, sport: undefined, "heart-rate": undefined },
      [toSampleSeries(polarSample({ "recording-rate": 1, "sample-type": "0", data: "120,121" }))],
      { hrMax: null, hrRest: null, sex: null, hrMaxSource: null, zoneModel: "polar-hrmax" },
    );
    expect(row.sport).toBe("OTHER");
    expect(row.zone3Seconds).toBeNull();
    expect(row.trimp).toBeNull();
  });
});

describe("exercise samples and zones", () => {
  it("packs RR intervals with empty fields and the word null as missing values", () => {
    const row = toExerciseSampleRow(toSampleSeries(polarSample({ "recording-rate": null, "sample-type": "11", data: "598,604,,611,607,null,602" })));
    expect(row).toEqual({ sampleType: 11, recordingRate: null, sampleCount: 7, packedValues: "598,604,,611,607,,602" });
    expect(unpackNumbers(row.packedValues)).toEqual([598, 604, null, 611, 607, null, 602]);
  });

  it("packs every number in its shortest exact form, small integers and others alike", () => {
    const values = [0, 1, 97, 2047, 2048, 65_535, -1, -0.5, 7.9, 1e-7, 123456789.125, null];
    const packed = packNumbers(values);
    expect(packed).toBe("0,1,97,2047,2048,65535,-1,-0.5,7.9,1e-7,123456789.125,");
    expect(unpackNumbers(packed)).toEqual(values);
  });

  it("keeps speed decimals exactly", () => {
    const row = toExerciseSampleRow(toSampleSeries(polarSample({ "recording-rate": 1, "sample-type": "1", data: "0.0,7.9,9.6,10.8,11.2" })));
    expect(row.packedValues).toBe("0,7.9,9.6,10.8,11.2");
    expect(row.recordingRate).toBe(1);
  });

  it("reads Polar's zones as seconds", () => {
    const rows = toExerciseZoneRows({
      zone: [
        { index: 1, "lower-limit": 95, "upper-limit": 114, "in-zone": "PT3M50S" },
        { index: 5, "lower-limit": 171, "upper-limit": 190, "in-zone": "PT2M32S" },
      ],
    });
    expect(rows.map((z) => [z.zoneIndex, z.lowerLimit, z.upperLimit, z.inZoneSeconds])).toEqual([
      [1, 95, 114, 230],
      [5, 171, 190, 152],
    ]);
    expect(toExerciseZoneRows({ zone: null })).toEqual([]);
  });
});

const sleepNight: SleepInput = {
  date: "2024-05-03",
  sleep_start_time: "2024-05-02T23:12:30+03:00",
  sleep_end_time: "2024-05-03T06:58:00+03:00",
  device_id: "A4C2E91F",
  continuity: 3.6,
  continuity_class: 3,
  light_sleep: 14400,
  deep_sleep: 5100,
  rem_sleep: 6300,
  unrecognized_sleep_stage: 300,
  sleep_score: 82,
  total_interruption_duration: 1830,
  sleep_charge: 3,
  sleep_goal: 28800,
  sleep_rating: 4,
  short_interruption_duration: 780,
  long_interruption_duration: 1050,
  sleep_cycles: 5,
  group_duration_score: 84.0,
  group_solidity_score: 78.5,
  group_regeneration_score: 81.0,
  hypnogram: { "23:12": 2, "23:31": 3, "23:58": 4, "00:47": 3, "01:20": 1, "01:42": 0, "01:45": 6, "06:58": 0 },
  heart_rate_samples: { "00:05": 55, "23:15": 61, "00:00": 54, "23:20": 59 },
};

describe("toSleepRow", () => {
  it("unwraps a night crossing midnight against the minute-truncated start, in UTC", () => {
    const row = toSleepRow(sleepNight);
    expect(row.localDate).toBe("2024-05-03");
    expect(row.startUtcMs).toBe(Date.UTC(2024, 4, 2, 20, 12, 30));
    expect(row.endUtcMs).toBe(Date.UTC(2024, 4, 3, 3, 58, 0));
    expect([row.startUtcOffsetMinutes, row.endUtcOffsetMinutes]).toEqual([180, 180]);
    expect(row.samplesBaseUtcMs).toBe(Date.UTC(2024, 4, 2, 20, 12, 0));
    const hyp = unpackTimedValues(row.hypnogram, row.samplesBaseUtcMs);
    // "23:12" stays on the start date (first point at the base), "00:47" is the next day.
    expect(hyp[0]).toEqual({ utcMs: Date.UTC(2024, 4, 2, 20, 12), value: 2 });
    expect(hyp[3]).toEqual({ utcMs: Date.UTC(2024, 4, 2, 21, 47), value: 3 });
    // The undocumented code 6 is stored as 5 = unknown.
    expect(hyp.map((p) => p.value)).toEqual([2, 3, 4, 3, 1, 0, 5, 0]);
    // HR samples sorted by time although the JSON keys were not.
    expect(unpackTimedValues(row.heartRateSamples, row.samplesBaseUtcMs).map((p) => p.value)).toEqual([61, 59, 54, 55]);
    expect([row.lightSleepSeconds, row.deepSleepSeconds, row.remSleepSeconds, row.unrecognizedSleepSeconds]).toEqual([14400, 5100, 6300, 300]);
  });

  it("handles a −300 night with start and end offsets differing across a DST change", () => {
    const row = toSleepRow({
      ...sleepNight,
      date: "2024-11-03",
      sleep_start_time: "2024-11-02T23:40:00-04:00",
      sleep_end_time: "2024-11-03T06:10:00-05:00",
      hypnogram: { "23:40": 2, "01:30": 3 },
      heart_rate_samples: {},
    });
    expect(row.startUtcMs).toBe(Date.UTC(2024, 10, 3, 3, 40));
    expect(row.endUtcMs).toBe(Date.UTC(2024, 10, 3, 11, 10));
    expect([row.startUtcOffsetMinutes, row.endUtcOffsetMinutes]).toEqual([-240, -300]);
    // Keys are wall-clock in the start's offset (§1.4): 01:30 −04:00 = 05:30Z.
    expect(unpackTimedValues(row.hypnogram, row.samplesBaseUtcMs).map((p) => p.utcMs)).toEqual([
      Date.UTC(2024, 10, 3, 3, 40),
      Date.UTC(2024, 10, 3, 5, 30),
    ]);
    expect(row.heartRateSamples).toBe("");
  });
});

describe("toNightlyRechargeRow", () => {
  const recharge = {
    date: "2024-05-03",
    heart_rate_avg: 53,
    beat_to_beat_avg: 1132,
    heart_rate_variability_avg: 58,
    breathing_rate_avg: 13.6,
    nightly_recharge_status: 5,
    ans_charge: 4.2,
    ans_charge_status: 4,
    hrv_samples: { "00:02": 60, "23:42": 52, "23:47": 57 },
    breathing_samples: { "23:42": 13.9, "00:02": 13.4 },
  };

  it("unwraps against the night's sleep start in UTC when the sleep is known", () => {
    const row = toNightlyRechargeRow(recharge, "2024-05-02T23:12:30+03:00");
    expect(row.hrvRmssdMs).toBe(58);
    expect(row.samplesBaseUtcMs).toBe(Date.UTC(2024, 4, 2, 20, 12));
    expect(unpackTimedValues(row.hrvSamples, Date.UTC(2024, 4, 2, 20, 12))).toEqual([
      { utcMs: Date.UTC(2024, 4, 2, 20, 42), value: 52 },
      { utcMs: Date.UTC(2024, 4, 2, 20, 47), value: 57 },
      { utcMs: Date.UTC(2024, 4, 2, 21, 2), value: 60 },
    ]);
    expect(unpackTimedValues(row.breathingSamples, Date.UTC(2024, 4, 2, 20, 12)).map((p) => p.value)).toEqual([13.9, 13.4]);
  });

  it("without the sleep, starts the night at its first evening key on the day before, in local time", () => {
    const row = toNightlyRechargeRow(recharge, null);
    expect(row.samplesBaseUtcMs).toBeNull();
    expect(row.samplesBaseLocal).toBe("2024-05-02T23:42");
    expect(unpackPairs(row.hrvSamples)).toEqual([
      [0, 52],
      [300, 57],
      [1200, 60],
    ]);
  });

  it("without the sleep, a night that starts after midnight stays on its own date", () => {
    const row = toNightlyRechargeRow({ ...recharge, hrv_samples: { "00:40": 50, "01:00": 55 }, breathing_samples: {} }, null);
    expect(row.samplesBaseLocal).toBe("2024-05-03T00:40");
    expect(unpackPairs(row.hrvSamples)).toEqual([
      [0, 50],
      [1200, 55],
    ]);
  });
});

describe("daily activity", () => {
  const activity = {
    id: 62001877,
    date: "2024-05-02",
    created: "2024-05-02T19:40:12.000Z",
    calories: 2284,
    "active-calories": 611,
    duration: "PT3H5M",
    "active-steps": 9140,
  };

  it("packs step and zone samples by second of the local day", () => {
    const row = toActivityRow(
      activity,
      {
        interval: 60,
        samples: [
          { steps: 412, time: "07:00:00.000" },
          { steps: 0, time: "00:00:00.000" },
          { steps: null, time: "23:00:00.000" },
        ],
      },
      {
        interval: 60,
        samples: [
          { "activity-zones": [{ index: 0, inzone: "PT60M" }], time: "02:00:00.000" },
          {
            "activity-zones": [
              { index: 1, inzone: "PT41M20S" },
              { index: 2, inzone: "PT18M40S" },
            ],
            time: "07:00:00.000",
          },
        ],
      },
    );
    expect(row.localDate).toBe("2024-05-02");
    expect(row.createdAt).toBe(Date.UTC(2024, 4, 2, 19, 40, 12));
    expect(row.activeDurationSeconds).toBe(11100);
    expect(unpackPairs(row.stepSamples ?? "")).toEqual([
      [0, 0],
      [25200, 412],
      [82800, null],
    ]);
    expect(unpackZoneSamples(row.zoneSamples ?? "")).toEqual([
      { secondOfDay: 7200, zones: [{ index: 0, seconds: 3600 }] },
      {
        secondOfDay: 25200,
        zones: [
          { index: 1, seconds: 2480 },
          { index: 2, seconds: 1120 },
        ],
      },
    ]);
  });

  it("lets the newest summary of a day win (created, then id)", () => {
    expect(isNewerActivity({ createdAt: 2, polarActivityId: 1 }, { createdAt: 1, polarActivityId: 9 })).toBe(true);
    expect(isNewerActivity({ createdAt: 1, polarActivityId: 9 }, { createdAt: 2, polarActivityId: 1 })).toBe(false);
    expect(isNewerActivity({ createdAt: 2, polarActivityId: 5 }, { createdAt: 2, polarActivityId: 4 })).toBe(true);
  });
});

describe("non-transactional daily activity (§6.2)", () => {
  // As served by GET /v3/users/activities?from&to without sample flags: no `date`, no `samples`.
  const bare = {
    start_time: "2024-05-02T06:41:10",
    end_time: "2024-05-02T23:59:59",
    active_duration: "PT3H5M",
    inactive_duration: "PT16H42M20S",
    daily_activity: 104.2,
    calories: 2284,
    active_calories: 611,
    steps: 9140,
    inactivity_alert_count: 1,
    distance_from_steps: 6512.4,
  };

  it("keys the day on the date of the offset-less start_time and keeps metres and alerts", () => {
    const parsed = PolarDailyActivitySchema.parse(bare);
    expect(toDailyActivityExtraRow(parsed)).toEqual({ localDate: "2024-05-02", distanceFromStepsMeters: 6512.4, inactivityAlertCount: 1 });
  });

  it("reads the day from samples.date when samples were asked for", () => {
    const parsed = PolarDailyActivitySchema.parse({ ...dailyActivityFixture, start_time: "2024-05-01T23:58:00" });
    expect(toDailyActivityExtraRow(parsed).localDate).toBe("2024-05-02");
  });

  it("stores a missing field as null and a zero as zero", () => {
    const { distance_from_steps: _distance, ...withoutDistance } = bare;
    const row = toDailyActivityExtraRow(PolarDailyActivitySchema.parse({ ...withoutDistance, inactivity_alert_count: 0 }));
    expect([row.distanceFromStepsMeters, row.inactivityAlertCount]).toEqual([null, 0]);
  });

  it("rejects a start_time without a calendar day as a RangeError (quarantined by the sync)", () => {
    expect(() => toDailyActivityExtraRow({ start_time: "06:41:10" })).toThrow(RangeError);
  });
});

describe("the list's day as the activity row (§6.2 → the §5.3 shape)", () => {
  const day = {
    start_time: "2024-05-02T06:41:10",
    active_duration: "PT3H5M",
    calories: 2284,
    active_calories: 611,
    steps: 30,
    samples: {
      date: "2024-05-02",
      steps: {
        samples: [
          { steps: 10, timestamp: "2024-05-02T07:58" },
          { steps: 0, timestamp: "2024-05-02T08:01" },
        ],
      },
      activity_zones: {
        samples: [
          { zone: "SLEEP", timestamp: "2024-05-02T00:00:00" },
          { zone: "SEDENTARY", timestamp: "2024-05-02T06:30:00" },
          { zone: "LIGHT", timestamp: "2024-05-02T07:15:30" },
          { zone: "NOT_A_ZONE", timestamp: "2024-05-02T08:00:00" },
          { zone: "SEDENTARY", timestamp: "2024-05-02T08:30:00" },
        ],
      },
    },
  };

  it("keeps the totals and sums the per-minute steps into hours, a dropped repeat holding its count", () => {
    const row = toListedActivityRow(PolarDailyActivitySchema.parse(day));
    expect(row).toMatchObject({ localDate: "2024-05-02", polarActivityId: 0, createdAt: 0, calories: 2284, activeCalories: 611, activeSteps: 30 });
    expect(row.activeDurationSeconds).toBe(3 * 3600 + 5 * 60);
    const hours = unpackPairs(row.stepSamples ?? "");
    expect(row.stepIntervalMinutes).toBe(60);
    // 07:58 and 07:59 at 10 (the repeat was dropped), 08:00 at 10, then 0: hours before the first sample have no data.
    expect(hours.slice(0, 10)).toEqual([[0, null], [3600, null], [7200, null], [10_800, null], [14_400, null], [18_000, null], [21_600, null], [25_200, 20], [28_800, 10], [32_400, 0]]);
    expect(hours.reduce((sum, [, steps]) => sum + (steps ?? 0), 0)).toBe(30);
  });

  it("splits each zone period over the hours it spans, and leaves out a zone it does not know", () => {
    const zones = unpackZoneSamples(toListedActivityRow(PolarDailyActivitySchema.parse(day)).zoneSamples ?? "");
    expect(zones).toHaveLength(24);
    expect(zones[6]).toEqual({ secondOfDay: 21_600, zones: [{ index: 0, seconds: 1800 }, { index: 1, seconds: 1800 }] });
    expect(zones[7]).toEqual({ secondOfDay: 25_200, zones: [{ index: 1, seconds: 930 }, { index: 2, seconds: 2670 }] });
    expect(zones[8]).toEqual({ secondOfDay: 28_800, zones: [{ index: 1, seconds: 1800 }] });
    expect(zones[23]).toEqual({ secondOfDay: 82_800, zones: [{ index: 1, seconds: 3600 }] });
  });

  it("has no hourly blocks without samples", () => {
    const { samples: _samples, ...bare } = day;
    const row = toListedActivityRow(PolarDailyActivitySchema.parse(bare));
    expect([row.stepSamples, row.zoneSamples, row.stepIntervalMinutes]).toEqual([null, null, null]);
  });
});

describe("physical info, continuous HR, cardio load", () => {
  it("dates physical info on the athlete's local day", () => {
    const row = toPhysicalInfoRow(
      {
        id: 77102,
        created: "2024-04-28T22:02:44.000Z",
        weight: 61.5,
        height: 168.0,
        "maximum-heart-rate": 190,
        "resting-heart-rate": 49,
        "aerobic-threshold": 142,
        "anaerobic-threshold": 171,
        "vo2-max": 54,
        "weight-source": "SOURCE_MEASURED",
      },
      180,
    );
    expect(row.localDate).toBe("2024-04-29");
    expect(row.maximumHeartRate).toBe(190);
    expect(row.createdAt).toBe(Date.UTC(2024, 3, 28, 22, 2, 44));
  });

  it("sorts continuous HR by local clock time", () => {
    const row = toContinuousHeartRateRow({
      date: "2024-05-02",
      heart_rate_samples: [
        { heart_rate: 56, sample_time: "00:08:11" },
        { heart_rate: 57, sample_time: "00:03:11" },
        { heart_rate: 58, sample_time: "23:58:40" },
      ],
    });
    expect(row).toEqual({ localDate: "2024-05-02", sampleCount: 3, minHr: 56, maxHr: 58, samples: "191:57,491:56,86320:58" });
  });

  it("stores placeholder cardio-load days with their status and null numbers", () => {
    const placeholder = toCardioLoadRow({
      date: "2024-04-04",
      cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE",
      cardio_load: 0.0,
      strain: 0.0,
      tolerance: 0.0,
      cardio_load_ratio: 0.0,
      cardio_load_level: { very_low: 0.0, low: 0.0, medium: 0.0, high: 0.0, "very-high": 0.0 },
    });
    expect(placeholder.status).toBe("LOAD_STATUS_NOT_AVAILABLE");
    expect([placeholder.cardioLoad, placeholder.strain, placeholder.levelVeryHigh]).toEqual([null, null, null]);
    const real = toCardioLoadRow({
      date: "2024-05-02",
      cardio_load_status: "PRODUCTIVE",
      cardio_load: 96.7,
      strain: 58.6,
      tolerance: 53.3,
      cardio_load_ratio: 1.1,
      cardio_load_level: { very_low: 21.6, low: 43.2, medium: 64.8, high: 86.4, "very-high": 108.0 },
    });
    expect([real.cardioLoad, real.cardioLoadRatio, real.levelVeryHigh]).toEqual([96.7, 1.1, 108]);
  });
});
