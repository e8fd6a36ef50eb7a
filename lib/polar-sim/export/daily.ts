/**
 * Daily files of the archive (polar-export.md §3–§4), rendered from the same day and night models the
 * simulated AccessLink serves: activity per day, one entry per night in the sleep-result, sleep-score and
 * nightly-recovery arrays, and one day of the monthly 24/7 HR file.
 */
import type { JsonObject } from "@/lib/polar-sim/contract";
import { ZONE_NAMES, type DayMinutes, renderContinuousHeartRate, renderDailyActivity } from "@/lib/polar-sim/generator/day";
import type { AthleteModel, SessionPlan } from "@/lib/polar-sim/generator/model";
import type { NightDetail } from "@/lib/polar-sim/generator/night";
import { renderNightlyRecharge, renderSleep } from "@/lib/polar-sim/generator/night";
import { formatClockSeconds, formatIsoDuration, formatLocalWithOffset, roundToTenth } from "@/lib/polar-sim/generator/time";
import { physicalSnapshot } from "@/lib/polar-sim/export/shared";

const MET_BY_ZONE: Record<(typeof ZONE_NAMES)[number], number> = { SLEEP: 0.9, SEDENTARY: 1.1, LIGHT: 2.4, MODERATE: 4.6, VIGOROUS: 8.2 };
const LEVEL_BY_ZONE: Record<(typeof ZONE_NAMES)[number], string> = {
  SLEEP: "SLEEP",
  SEDENTARY: "SEDENTARY",
  LIGHT: "LIGHT",
  // Polar's own spelling (sic).
  MODERATE: "CONTINUOS_MODERATE",
  VIGOROUS: "CONTINUOS_VIGOROUS",
};
const OWNER_BASE = "https://www.polaraccesslink.com";

export function renderExportActivity(model: AthleteModel, minutes: DayMinutes): JsonObject {
  const api = renderDailyActivity(model, minutes, { steps: false, activityZones: false, inactivityStamps: false });
  const levelSeconds = new Map<string, number>();
  const mets: JsonObject[] = [];
  const steps: JsonObject[] = [];
  let metMinutes = 0;
  for (let m = 0; m < minutes.zone.length; m++) {
    const zone = ZONE_NAMES[minutes.zone[m]];
    const level = LEVEL_BY_ZONE[zone];
    levelSeconds.set(level, (levelSeconds.get(level) ?? 0) + 60);
    const localTime = `${formatClockSeconds(m * 60)}.000`;
    mets.push({ localTime, value: MET_BY_ZONE[zone] });
    steps.push({ localTime, value: minutes.steps[m] });
    if (MET_BY_ZONE[zone] > 1.1) metMinutes += MET_BY_ZONE[zone];
  }
  return {
    exportVersion: "1.6",
    date: minutes.date,
    summary: {
      startTime: "00:00:00.000",
      endTime: "23:59:59.000",
      stepCount: api.steps ?? 0,
      stepsDistance: api.distance_from_steps ?? 0,
      calories: api.calories ?? 0,
      dailyMetMinutes: roundToTenth(metMinutes),
      inactivityAlertCount: api.inactivity_alert_count ?? 0,
      activityLevels: [...levelSeconds].map(([level, seconds]) => ({ level, duration: formatIsoDuration(seconds) })),
    },
    samples: { mets, steps, metSources: [""] },
    physicalInformation: physicalSnapshot(model, minutes.day),
  };
}

const STATE_BY_STAGE = ["WAKE", "REM", "NONREM1", "NONREM2", "NONREM3", "WS_UNKNOWN"] as const;
const RATING_BY_SCORE = ["UNKNOWN", "SLEPT_BAD", "SLEPT_QUITE_BADLY", "SLEPT_NEUTRAL", "SLEPT_QUITE_WELL", "SLEPT_WELL"] as const;

export function renderExportSleep(model: AthleteModel, detail: NightDetail): { result: JsonObject; score: JsonObject } {
  const { night } = detail;
  const api = renderSleep(model, detail, null, OWNER_BASE);
  const start = night.startUtc;
  const changes: JsonObject[] = detail.segments.map((segment) => ({
    offsetFromStart: formatIsoDuration((segment.startUtc - start) / 1000),
    state: STATE_BY_STAGE[segment.stage] ?? "WS_UNKNOWN",
  }));
  // The extra final WAKE just after the sleep span: an end marker, not a state (§4).
  changes.push({ offsetFromStart: formatIsoDuration((night.endUtc - start) / 1000), state: "WAKE" });
  const wake = detail.segments.filter((s) => s.stage === 0).reduce((sum, s) => sum + (s.endUtc - s.startUtc) / 1000, 0);
  const result: JsonObject = {
    night: night.date,
    evaluation: {
      sleepSpan: formatIsoDuration((night.endUtc - start) / 1000),
      asleepDuration: formatIsoDuration(detail.light + detail.deep + detail.rem + detail.unrecognized),
      analysis: { efficiencyPercent: roundToTenth((100 * (detail.light + detail.deep + detail.rem)) / ((night.endUtc - start) / 1000)), continuityIndex: detail.continuity },
      interruptions: {
        totalDuration: formatIsoDuration(detail.shortInterruptions + detail.longInterruptions),
        totalCount: detail.interruptionCount,
        shortDuration: formatIsoDuration(detail.shortInterruptions),
        longDuration: formatIsoDuration(detail.longInterruptions),
      },
      phaseDurations: {
        wake: formatIsoDuration(wake),
        rem: formatIsoDuration(detail.rem),
        light: formatIsoDuration(detail.light),
        deep: formatIsoDuration(detail.deep),
        unknown: formatIsoDuration(detail.unrecognized),
      },
    },
    sleepResult: {
      hypnogram: {
        sleepStart: formatLocalWithOffset(start, model.getOffsetAt(start)),
        sleepEnd: formatLocalWithOffset(night.endUtc, model.getOffsetAt(night.endUtc)),
        sleepGoal: formatIsoDuration(model.spec.sleepGoal),
        rating: RATING_BY_SCORE[detail.rating] ?? "UNKNOWN",
        deviceId: model.spec.deviceId,
        batteryRanOut: false,
        sleepStateChanges: changes,
      },
    },
  };
  const score: JsonObject = {
    night: night.date,
    sleepScoreResult: {
      sleepScore: api.sleep_score ?? 0,
      continuityScore: detail.continuity * 20,
      groupDurationScore: detail.durationScore,
      groupSolidityScore: detail.solidityScore,
      groupRefreshScore: detail.regenerationScore,
      scoreRate: Math.min(5, Math.max(1, Math.round(detail.score / 20))),
    },
  };
  return { result, score };
}

export function renderExportRecharge(model: AthleteModel, detail: NightDetail): JsonObject {
  const api = renderNightlyRecharge(model, detail, null, OWNER_BASE);
  return {
    night: detail.night.date,
    meanNightlyRecoveryRri: api.beat_to_beat_avg ?? null,
    meanNightlyRecoveryRmssd: api.heart_rate_variability_avg ?? null,
    meanNightlyRecoveryRespirationInterval: Math.round(60_000 / detail.breathingMean),
    ansStatus: api.ans_charge ?? null,
    ansRate: api.ans_charge_status ?? null,
    recoveryIndicator: api.nightly_recharge_status ?? null,
  };
}

/** One `deviceDays` entry of the monthly 24/7 HR file: seconds from local midnight. */
export function renderExportHeartRateDay(
  model: AthleteModel,
  minutes: DayMinutes,
  sessions: SessionPlan[],
  nights: Parameters<typeof renderContinuousHeartRate>[3],
): JsonObject {
  const api = renderContinuousHeartRate(model, minutes, sessions, nights, OWNER_BASE);
  const samples = Array.isArray(api.heart_rate_samples) ? api.heart_rate_samples : [];
  return {
    userId: model.spec.userId,
    deviceId: model.spec.deviceId,
    date: minutes.date,
    samples: samples.flatMap((sample) => {
      if (sample === null || typeof sample !== "object" || Array.isArray(sample)) return [];
      const time = String(sample.sample_time);
      const [h, m, s] = time.split(":").map(Number);
      return [{ heartRate: sample.heart_rate, secondsFromDayStart: h * 3600 + m * 60 + s, source: "OHR" }];
    }),
  };
}
