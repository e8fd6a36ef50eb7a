/**
 * Maps the daily series (API DTO) onto the presentational charts' rows. Pure, shared by server and client.
 */
import type { AcwrChartPoint } from "@/components/charts/acwr-chart";
import type { CardioStatusPoint } from "@/components/charts/cardio-status-chart";
import type { BaselineProgress } from "@/components/charts/chart-frame";
import type { LoadChartPoint } from "@/components/charts/load-chart";
import type { SleepStagesPoint } from "@/components/charts/sleep-stages-chart";
import type { TrendRow } from "@/components/charts/trend-chart";
import type { RiskReason } from "@/lib/analytics";
import type { DailyPointDTO } from "@/lib/dal/dto";
import { chooseHrvDecimals, formatHrv, formatNumber, formatSigned, toRmssdMs } from "@/components/charts/format";

export function toLoadPoints(points: readonly DailyPointDTO[]): LoadChartPoint[] {
  return points.map((point) => ({
    date: point.date,
    dayIndex: point.dayIndex,
    load: point.load.value,
    loadSource: point.load.source,
    ctl: point.pmc.ctl,
    atl: point.pmc.atl,
    tsb: point.pmc.tsb,
  }));
}

export function toAcwrPoints(points: readonly DailyPointDTO[]): AcwrChartPoint[] {
  return points.map((point) => ({
    date: point.date,
    acwrEwma: point.acwr.ewma,
    acwrCoupled: point.acwr.coupled,
    acwrUncoupled: point.acwr.uncoupled,
  }));
}

export function toMonotonyRows(points: readonly DailyPointDTO[]): TrendRow[] {
  return points.map((point) => ({
    date: point.date,
    monotony: point.monotony?.monotony ?? null,
    strain: point.monotony?.strain ?? null,
  }));
}

export function toCardioStatusPoints(points: readonly DailyPointDTO[]): CardioStatusPoint[] {
  return points.map((point) => {
    const status = point.cardioLoad.status === "LOAD_STATUS_NOT_AVAILABLE" ? null : point.cardioLoad.status;
    return {
      date: point.date,
      status,
      source: status === null ? null : point.cardioLoad.estimated ? "estimated" : "polar",
      ratio: point.cardioLoad.ratio,
    };
  });
}

/** RHR with its baseline band (mean ± 1 SD of the 30 nights before). */
export function toRhrRows(points: readonly DailyPointDTO[]): TrendRow[] {
  return points.map((point) => {
    const { baselineMean: mean, baselineSd: sd } = point.restingHr;
    return {
      date: point.date,
      rhr: point.restingHr.rhr,
      baselineMean: mean,
      low: mean !== null && sd !== null ? mean - sd : null,
      high: mean !== null && sd !== null ? mean + sd : null,
    };
  });
}

/**
 * HRV rows in rMSSD ms (what people read, as in Polar Flow): tonight, the 7-night mean and the normal range
 * (baseline mean ± 0.5 SD, computed on ln and converted at the ends, so the band is the same nights). The ln
 * values ride along (`…Ln`) for the tooltip.
 */
export function toHrvRows(points: readonly DailyPointDTO[]): TrendRow[] {
  return points.map((point) => ({
    date: point.date,
    nightly: toRmssdMs(point.hrv.lnRmssd),
    nightlyLn: point.hrv.lnRmssd,
    rolling7: toRmssdMs(point.hrv.rolling7),
    rolling7Ln: point.hrv.rolling7,
    low: toRmssdMs(point.hrv.bandLow),
    high: toRmssdMs(point.hrv.bandHigh),
    cv7: point.hrv.cv7,
  }));
}

export function toSleepStagePoints(points: readonly DailyPointDTO[]): SleepStagesPoint[] {
  return points.map((point) => ({
    date: point.date,
    lightMin: point.night?.lightMinutes ?? null,
    deepMin: point.night?.deepMinutes ?? null,
    remMin: point.night?.remMinutes ?? null,
    unrecognizedMin: point.night?.unrecognizedMinutes ?? null,
  }));
}

export function toSleepScoreRows(points: readonly DailyPointDTO[]): TrendRow[] {
  return points.map((point) => ({
    date: point.date,
    sleepScore: point.night?.sleepScore ?? null,
    actualSleepHours: point.sleep.night ? point.sleep.night.actualSleepMinutes / 60 : null,
  }));
}

/** Sleep debt in hours (gross drives the warning; net lets surplus nights pay back). */
export function toSleepDebtRows(points: readonly DailyPointDTO[]): TrendRow[] {
  return points.map((point) => ({
    date: point.date,
    grossHours: point.sleep.debt?.grossMinutes === null || point.sleep.debt === null ? null : point.sleep.debt.grossMinutes / 60,
    netHours: point.sleep.debt?.netMinutes === null || point.sleep.debt === null ? null : point.sleep.debt.netMinutes / 60,
    validNights: point.sleep.debt?.validNights ?? null,
  }));
}

export function toRechargeRows(points: readonly DailyPointDTO[]): TrendRow[] {
  return points.map((point) => ({
    date: point.date,
    ansCharge: point.night?.ansCharge ?? null,
    rechargeStatus: point.night?.nightlyRechargeStatus ?? null,
    ansChargeStatus: point.night?.ansChargeStatus ?? null,
  }));
}

const BASELINE_NAMES: Record<string, string> = {
  load: "load history, days",
  rhr: "RHR, nights",
  hrv: "HRV, nights",
  "hrv-rolling": "HRV this week, nights",
  sleep: "sleep, nights",
};

/** "building baseline (n of N)" items of the last day for the given baselines. */
export function toBuilding(points: readonly DailyPointDTO[], keys: readonly string[]): BaselineProgress[] {
  const last = points[points.length - 1];
  if (!last) return [];
  return last.risk.sufficiency.progress
    .filter((item) => keys.includes(item.key))
    .map((item) => ({ label: BASELINE_NAMES[item.key] ?? item.key, have: item.have, need: item.need }));
}

/** Nightly Recharge status words (Polar's 1–6 scale). */
export const RECHARGE_STATUS_WORDS: Record<number, string> = {
  1: "very poor",
  2: "poor",
  3: "compromised",
  4: "OK",
  5: "good",
  6: "very good",
};

/** ANS charge status words (Polar's 1–5 scale). */
export const ANS_STATUS_WORDS: Record<number, string> = {
  1: "much below usual",
  2: "below usual",
  3: "usual",
  4: "above usual",
  5: "much above usual",
};

/** A threshold as people write it: `1.5`, `−30`, `2.0` keeps the one decimal the rules are written with. */
function formatLevel(value: number | null, decimals: number): string {
  return formatSigned(value, decimals).replace(/^\+/, "");
}

/** Who a reason speaks of: the athlete reading their own, or a coach reading about them. */
const READER_WORDS = {
  athlete: { your: "your", Your: "Your", you: "you", You: "You" },
  coach: { your: "the athlete's", Your: "The athlete's", you: "they", You: "The athlete" },
} as const;

/**
 * One flag reason as a sentence with its numbers, its baseline and its window, e.g. "Form (TSB) is −63.5, at or
 * below the −30.0 level: fatigue has outrun fitness (yesterday's CTL (42 d) − ATL (7 d))." The one wording of a
 * reason: the overview, the flag timeline, the coach's pages and the weekly report all use it. HRV is shown as
 * rMSSD in ms with lnRMSSD beside it (the rules compare ln values).
 */
export function describeReason(reason: RiskReason, reader: "athlete" | "coach" = "athlete"): string {
  const w = READER_WORDS[reader];
  const hrvDecimals = chooseHrvDecimals(reason.value, reason.threshold);
  const window = reason.window.description;
  const baseline = reason.baseline;
  switch (reason.signal) {
    case "load-spike":
    case "load-rising":
      return `Workload ratio (ACWR) is ${formatNumber(reason.value, 2)}: this week's load is ${formatNumber(reason.value, 2)} times ${w.your} recent normal, at or above the ${reason.signal === "load-spike" ? "spike" : "rising"} level of ${formatLevel(reason.threshold, 1)} (${window}).`;
    case "accumulated-fatigue":
      return `Form (TSB) is ${formatSigned(reason.value, 1)}, at or below the ${formatLevel(reason.threshold, 1)} level: fatigue has outrun fitness (${window}).`;
    case "monotony":
      return `Monotony is ${formatNumber(reason.value, 2)}, at or above the warning level of ${formatLevel(reason.threshold, 1)} (${window}).`;
    case "resting-hr":
      return baseline
        ? `Resting HR ${formatNumber(baseline.mean + reason.value, 0)} bpm is ${formatNumber(Math.abs(reason.value), 1)} bpm ${reason.value >= 0 ? "above" : "below"} ${w.your} normal of ${formatNumber(baseline.mean, 1)}${baseline.sd !== null ? ` ± ${formatNumber(baseline.sd, 1)}` : ""} bpm (${baseline.nights} nights), ${reason.streak ?? 1} nights in a row.`
        : `Resting HR is ${formatNumber(Math.abs(reason.value), 1)} bpm above ${w.your} normal, ${reason.streak ?? 1} nights in a row.`;
    case "hrv-chronic":
      return `${w.Your} 7-night HRV mean, ${formatHrv(reason.value, { withLn: true, decimals: hrvDecimals })}, is below ${w.your} normal range, which starts at ${formatHrv(reason.threshold, { decimals: hrvDecimals })}${baseline ? ` (baseline of ${baseline.nights} nights)` : ""}.`;
    case "hrv-acute":
      return `Tonight's HRV, ${formatHrv(reason.value, { withLn: true, decimals: hrvDecimals })}, is below ${formatHrv(reason.threshold, { decimals: hrvDecimals })}, well under ${w.your} normal of ${formatHrv(baseline?.mean)}${baseline ? ` (${baseline.nights} nights)` : ""}, ${reason.streak ?? 1} nights in a row.`;
    case "sleep-debt":
      return `${w.You} slept ${formatNumber(reason.value / 60, 1)} h less than ${w.you} need over the last 7 nights (the flag starts at ${formatNumber((reason.threshold ?? 0) / 60, 0)} h).`;
  }
}

/** Plain-words explanation per signal, for people rather than formulas. */
export const SIGNAL_WORDS: Record<RiskReason["signal"], string> = {
  "load-spike": "This week's training load is far above your recent normal.",
  "load-rising": "This week's training load is rising above your recent normal.",
  "accumulated-fatigue": "Fatigue has built up faster than fitness (form well below zero).",
  monotony: "Your training days have been very similar, with little variation between hard and easy.",
  "resting-hr": "Your resting heart rate at night has been higher than your normal.",
  "hrv-chronic": "Your heart-rate variability this week is below your normal range.",
  "hrv-acute": "Your heart-rate variability was well below normal on consecutive nights.",
  "sleep-debt": "You have slept less than you need over the last week.",
};

/** The same words said to the athlete's coach: about the athlete, never "your" of someone else's numbers. */
const COACH_SIGNAL_WORDS: Record<RiskReason["signal"], string> = {
  "load-spike": "This week's training load is far above the athlete's recent normal.",
  "load-rising": "This week's training load is rising above the athlete's recent normal.",
  "accumulated-fatigue": SIGNAL_WORDS["accumulated-fatigue"],
  monotony: "The athlete's training days have been very similar, with little variation between hard and easy.",
  "resting-hr": "The athlete's resting heart rate at night has been higher than their normal.",
  "hrv-chronic": "The athlete's heart-rate variability this week is below their normal range.",
  "hrv-acute": "The athlete's heart-rate variability was well below normal on consecutive nights.",
  "sleep-debt": "The athlete has slept less than they need over the last week.",
};

/** A signal in plain words for whoever reads it: the athlete or their coach. */
export function describeSignal(signal: RiskReason["signal"], reader: "athlete" | "coach"): string {
  return reader === "athlete" ? SIGNAL_WORDS[signal] : COACH_SIGNAL_WORDS[signal];
}
