/**
 * Nights: hypnogram, stage totals and nightly HR / HRV / breathing, rendered as Sleep (§6.5) and Nightly
 * Recharge (§6.6). The maps are keyed by local `"HH:MM"` and cross midnight.
 */
import type { JsonObject } from "@/lib/polar-sim/contract";
import type { AthleteModel, NightPlan } from "@/lib/polar-sim/generator/model";
import { createRng } from "@/lib/polar-sim/generator/prng";
import { MINUTE_MS, clamp, formatClockMinute, formatLocalWithOffset, roundToTenth } from "@/lib/polar-sim/generator/time";

export type SleepSegment = { startUtc: number; endUtc: number; stage: number };

export type NightDetail = {
  night: NightPlan;
  segments: SleepSegment[];
  light: number;
  deep: number;
  rem: number;
  unrecognized: number;
  shortInterruptions: number;
  longInterruptions: number;
  interruptionCount: number;
  cycles: number;
  heartRateSamples: [number, number][];
  hrvSamples: [number, number][];
  breathingSamples: [number, number][];
  /** Exact means over the Nightly Recharge window (4 h from 30 min after falling asleep). */
  heartRateMean: number;
  hrvMean: number;
  breathingMean: number;
  score: number;
  durationScore: number;
  solidityScore: number;
  regenerationScore: number;
  continuity: number;
  rating: number;
};

const floorToMinute = (ms: number): number => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** Stage sequence of one ~90-minute cycle: N1, N2, N3 (shrinking), N2, REM (growing). */
function planCycle(cycle: number, rng: ReturnType<typeof createRng>): [number, number][] {
  return [
    [2, rng.int(2, 6)],
    [3, rng.int(16, 30)],
    [4, Math.max(2, 36 - 8 * cycle + rng.int(-4, 4))],
    [3, rng.int(8, 18)],
    [1, Math.min(38, 6 + 6 * cycle + rng.int(-3, 4))],
  ];
}

export function buildNightDetail(model: AthleteModel, night: NightPlan): NightDetail {
  const rng = createRng(night.seed, "stages");
  const start = night.startUtc;
  const end = night.endUtc;
  const lastBoundary = floorToMinute(end) - MINUTE_MS;
  const stress = clamp((night.heartRate - model.spec.hrRest - model.spec.nightHeartRateAboveRest) / 8, 0, 1);
  const wakeProbability = 0.1 + 0.12 * stress;

  // Change points sit on whole minutes (at least one minute apart) so every `"HH:MM"` key is distinct; the
  // first segment starts at the exact sleep start and the last one ends at the exact wake-up time.
  const segments: SleepSegment[] = [];
  let cursor = floorToMinute(start) + rng.int(3, 8) * MINUTE_MS;
  segments.push({ startUtc: start, endUtc: cursor, stage: 2 });
  let cycle = 0;
  outer: while (cursor < lastBoundary) {
    for (const [stage, minutes] of planCycle(cycle, rng)) {
      const next: [number, number][] = [[stage, minutes]];
      if (rng.chance(wakeProbability)) next.push([0, rng.int(1, 6)]);
      else if (rng.chance(0.015)) next.push([5, rng.int(2, 6)]);
      for (const [code, length] of next) {
        const segmentEnd = Math.min(cursor + length * MINUTE_MS, lastBoundary);
        if (segmentEnd <= cursor) break outer;
        segments.push({ startUtc: cursor, endUtc: segmentEnd, stage: code });
        cursor = segmentEnd;
        if (cursor >= lastBoundary) break outer;
      }
    }
    cycle++;
  }
  segments[segments.length - 1].endUtc = end;
  // Neighbours in the same stage are one segment (a hypnogram lists changes only).
  for (let i = segments.length - 1; i > 0; i--) {
    if (segments[i].stage === segments[i - 1].stage) {
      segments[i - 1].endUtc = segments[i].endUtc;
      segments.splice(i, 1);
    }
  }

  let light = 0;
  let deep = 0;
  let rem = 0;
  let unrecognized = 0;
  let shortInterruptions = 0;
  let longInterruptions = 0;
  let interruptionCount = 0;
  let cycles = 0;
  for (const segment of segments) {
    const seconds = Math.round((segment.endUtc - segment.startUtc) / 1000);
    if (segment.stage === 2 || segment.stage === 3) light += seconds;
    else if (segment.stage === 4) deep += seconds;
    else if (segment.stage === 1) {
      rem += seconds;
      cycles++;
    } else if (segment.stage === 5) unrecognized += seconds;
    else {
      interruptionCount++;
      if (seconds < 90) shortInterruptions += seconds;
      else longInterruptions += seconds;
    }
  }

  const stageAt = (t: number): number => {
    for (const segment of segments) if (t >= segment.startUtc && t < segment.endUtc) return segment.stage;
    return 0;
  };
  const windowStart = start + 30 * MINUTE_MS;
  const windowEnd = Math.min(end, windowStart + 240 * MINUTE_MS);
  const heartRateSamples: [number, number][] = [];
  const hrvSamples: [number, number][] = [];
  const breathingSamples: [number, number][] = [];
  let hrSum = 0;
  let hrCount = 0;
  const firstSample = Math.ceil((start + 2 * MINUTE_MS) / (5 * MINUTE_MS)) * 5 * MINUTE_MS;
  for (let t = firstSample; t < end; t += 5 * MINUTE_MS) {
    const stage = stageAt(t);
    const stageEffect = stage === 0 ? 6 : stage === 1 ? 2 : stage === 4 ? -1.5 : 0;
    const settle = 5 * Math.exp(-(t - start) / (45 * MINUTE_MS));
    const bpm = Math.round(night.heartRate + settle + stageEffect + rng.normal() * 1.2);
    heartRateSamples.push([t, bpm]);
    if (t >= windowStart && t < windowEnd) {
      hrSum += bpm;
      hrCount++;
      const hrvEffect = stage === 4 ? 0.15 : stage === 1 ? -0.1 : stage === 0 ? -0.3 : 0;
      hrvSamples.push([t, Math.max(5, Math.round(night.rmssd * (1 + hrvEffect) * Math.exp(rng.normal() * 0.1)))]);
      breathingSamples.push([t, roundToTenth(night.breathing + rng.normal() * 0.3)]);
    }
  }
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  const sleepTime = light + deep + rem + unrecognized;
  const goal = model.spec.sleepGoal;
  const durationScore = roundToTenth(clamp(100 - (Math.abs(sleepTime - goal) / goal) * 150, 1, 100));
  const solidityScore = roundToTenth(
    clamp(100 - ((shortInterruptions + longInterruptions) / 60) * 0.8 - interruptionCount, 1, 100),
  );
  const regenerationScore = roundToTenth(clamp(45 + (75 * (deep + rem)) / Math.max(1, sleepTime) - 25 * stress, 1, 100));
  const continuity = roundToTenth(clamp(5 - (interruptionCount / Math.max(1, sleepTime / 3600)) * 1.1, 1, 5));
  return {
    night,
    segments,
    light,
    deep,
    rem,
    unrecognized,
    shortInterruptions,
    longInterruptions,
    interruptionCount,
    cycles,
    heartRateSamples,
    hrvSamples,
    breathingSamples,
    heartRateMean: hrSum / Math.max(1, hrCount),
    hrvMean: mean(hrvSamples.map(([, v]) => v)),
    breathingMean: mean(breathingSamples.map(([, v]) => v)),
    score: Math.round(clamp(0.35 * durationScore + 0.35 * solidityScore + 0.3 * regenerationScore, 1, 100)),
    durationScore,
    solidityScore,
    regenerationScore,
    continuity,
    rating: rng.chance(0.6) ? 0 : rng.int(2, 5),
  };
}

/** The athlete's usual level over the previous 28 recorded nights (Polar's reference for the charges). */
export type NightBaseline = { score: number; heartRate: number; hrv: number } | null;

function toClockMap(model: AthleteModel, samples: [number, number][]): JsonObject {
  const out: JsonObject = {};
  for (const [t, value] of samples) out[formatClockMinute(t, model.getOffsetAt(t))] = value;
  return out;
}

export function renderSleep(model: AthleteModel, detail: NightDetail, baseline: NightBaseline, apiBaseUrl: string): JsonObject {
  const { night } = detail;
  const hypnogram: JsonObject = {};
  for (const segment of detail.segments) {
    hypnogram[formatClockMinute(segment.startUtc, model.getOffsetAt(segment.startUtc))] = segment.stage;
  }
  hypnogram[formatClockMinute(night.endUtc, model.getOffsetAt(night.endUtc))] = 0;
  const diff = baseline ? detail.score - baseline.score : 0;
  const sleepCharge = diff <= -12 ? 1 : diff <= -4 ? 2 : diff < 4 ? 3 : diff < 12 ? 4 : 5;
  return {
    polar_user: `${apiBaseUrl}/v3/users/${model.spec.userId}`,
    date: night.date,
    sleep_start_time: formatLocalWithOffset(night.startUtc, model.getOffsetAt(night.startUtc)),
    sleep_end_time: formatLocalWithOffset(night.endUtc, model.getOffsetAt(night.endUtc)),
    device_id: model.spec.deviceId,
    continuity: detail.continuity,
    continuity_class: clamp(Math.round(detail.continuity), 1, 5),
    light_sleep: detail.light,
    deep_sleep: detail.deep,
    rem_sleep: detail.rem,
    unrecognized_sleep_stage: detail.unrecognized,
    sleep_score: detail.score,
    total_interruption_duration: detail.shortInterruptions + detail.longInterruptions,
    sleep_charge: sleepCharge,
    sleep_goal: model.spec.sleepGoal,
    sleep_rating: detail.rating,
    short_interruption_duration: detail.shortInterruptions,
    long_interruption_duration: detail.longInterruptions,
    sleep_cycles: detail.cycles,
    group_duration_score: detail.durationScore,
    group_solidity_score: detail.solidityScore,
    group_regeneration_score: detail.regenerationScore,
    hypnogram,
    heart_rate_samples: toClockMap(model, detail.heartRateSamples),
  };
}

export function renderSleepAvailable(model: AthleteModel, night: NightPlan): JsonObject {
  return {
    date: night.date,
    start_time: formatLocalWithOffset(night.startUtc, model.getOffsetAt(night.startUtc)),
    end_time: formatLocalWithOffset(night.endUtc, model.getOffsetAt(night.endUtc)),
  };
}

export function renderNightlyRecharge(
  model: AthleteModel,
  detail: NightDetail,
  baseline: NightBaseline,
  apiBaseUrl: string,
): JsonObject {
  const hrvUsual = baseline?.hrv ?? model.spec.rmssd;
  const hrUsual = baseline?.heartRate ?? model.spec.hrRest + model.spec.nightHeartRateAboveRest;
  const ansCharge = roundToTenth(clamp(20 * (detail.hrvMean / hrvUsual - 1) - 0.8 * (detail.heartRateMean - hrUsual), -10, 10));
  const ansStatus = ansCharge <= -6 ? 1 : ansCharge <= -2 ? 2 : ansCharge < 2 ? 3 : ansCharge < 6 ? 4 : 5;
  const scoreDiff = baseline ? detail.score - baseline.score : 0;
  const combined = 0.7 * ansCharge + 0.3 * clamp(scoreDiff / 3, -6, 6);
  const rechargeStatus =
    combined <= -6 ? 1 : combined <= -3 ? 2 : combined <= -1 ? 3 : combined < 1.5 ? 4 : combined < 4.5 ? 5 : 6;
  return {
    polar_user: `${apiBaseUrl}/v3/users/${model.spec.userId}`,
    date: detail.night.date,
    heart_rate_avg: Math.round(detail.heartRateMean),
    beat_to_beat_avg: Math.round(60_000 / detail.heartRateMean),
    heart_rate_variability_avg: Math.round(detail.hrvMean),
    breathing_rate_avg: roundToTenth(detail.breathingMean),
    nightly_recharge_status: rechargeStatus,
    ans_charge: ansCharge,
    ans_charge_status: ansStatus,
    hrv_samples: toClockMap(model, detail.hrvSamples),
    breathing_samples: toClockMap(model, detail.breathingSamples),
  };
}
