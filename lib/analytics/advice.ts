/**
 * Today's training advice and the morning check-in (metrics.md §13). A prompt for the athlete and the coach,
 * never a prescription or a diagnosis: every advice names the conditions that produced it.
 */
import type { HrvDay } from "./hrv";
import type { RhrDay } from "./resting-hr";
import type { RiskAssessment, RiskReason } from "./risk";

export type Advice = "rest" | "easy" | "as-planned" | "not-enough-data";

export const ADVICE_LABELS: Record<Advice, string> = {
  rest: "Rest or recover",
  easy: "Keep it easy",
  "as-planned": "Train as planned",
  "not-enough-data": "Not enough data",
};

/** The five scaled check-in items, each 1–5 (§13.1). */
export const CHECK_IN_ITEMS = ["fatigue", "soreness", "stress", "mood", "sleepQuality"] as const;
export type CheckInItem = (typeof CHECK_IN_ITEMS)[number];

export const CHECK_IN_ITEM_LABELS: Record<CheckInItem, string> = {
  fatigue: "fatigue",
  soreness: "soreness",
  stress: "stress",
  mood: "mood",
  sleepQuality: "sleep quality",
};

/** Which end of each 1–5 scale is "poor": fatigue 4–5 is poor, mood 1–2 is poor. */
const POOR_AT_HIGH_END: Record<CheckInItem, boolean> = {
  fatigue: true,
  soreness: true,
  stress: true,
  mood: false,
  sleepQuality: false,
};

/** The longest check-in note, in characters. */
export const CHECK_IN_NOTE_MAX = 500;

/** One local day's answers; any item may be left out (null). */
export type CheckIn = Record<CheckInItem, number | null> & {
  illness: boolean | null;
  note: string | null;
};

/** Thresholds of §13.2, configurable. */
export type AdviceThresholds = {
  /** Poor check-in items that make the day easy (default 2). */
  poorItems: number;
  /** Last night's actual sleep below this fraction of the need makes the day easy (default 0.7). */
  sleepFraction: number;
};

export const DEFAULT_ADVICE_THRESHOLDS: AdviceThresholds = { poorItems: 2, sleepFraction: 0.7 };

export type AdviceReasonKind =
  | "risk-high"
  | "risk-elevated"
  | "illness"
  | "hrv-chronic"
  | "hrv-acute"
  | "rhr-persistent"
  | "check-in"
  | "short-sleep"
  | "baseline-progress";

/** One matched condition, as text with the numbers behind it. */
export type AdviceReason = {
  kind: AdviceReasonKind;
  /** e.g. `risk level high`, `2 check-in items poor (fatigue 4, soreness 5)`, `slept 5 h 10 min of 8 h need (65 %)`. */
  text: string;
};

/** What the advice reads for day d: that day's risk, the night that ended on d, and the day's check-in. */
export type AdviceInput = {
  risk: Pick<RiskAssessment, "level" | "reasons" | "sufficiency">;
  hrv: Pick<HrvDay, "chronicLow" | "acuteStreak" | "rolling7" | "rollingN" | "bandLow" | "baselineN" | "baselineMean"> | null;
  rhr: Pick<RhrDay, "persistent" | "delta" | "streak"> | null;
  /** Actual sleep of the night that ended on d, minutes; null without a night. */
  lastNightSleepMinutes: number | null;
  sleepNeedMinutes: number;
  /** The check-in of day d as it stood that day; null when there is none. */
  checkIn: CheckIn | null;
};

export type AdviceDay = {
  advice: Advice;
  label: string;
  /** The conditions of the winning rule, in rule order; empty for "Train as planned". */
  reasons: AdviceReason[];
  /** False when the athlete gave no check-in that day ("no check-in today"). */
  hasCheckIn: boolean;
  /** Number of the five scaled items at their poor end (0 without a check-in). */
  poorItems: number;
};

/** Whether one scaled item sits at its poor end (§13.1). */
export function isPoorCheckInItem(item: CheckInItem, value: number): boolean {
  return POOR_AT_HIGH_END[item] ? value >= 4 : value <= 2;
}

/** The scaled items at their poor end, in table order. */
export function listPoorCheckInItems(checkIn: CheckIn | null): { item: CheckInItem; value: number }[] {
  if (!checkIn) return [];
  const poor: { item: CheckInItem; value: number }[] = [];
  for (const item of CHECK_IN_ITEMS) {
    const value = checkIn[item];
    if (value !== null && isPoorCheckInItem(item, value)) poor.push({ item, value });
  }
  return poor;
}

/** Minutes as `4 h 58 min`, `8 h`, `45 min`. */
function formatSleepMinutes(minutes: number): string {
  const total = Math.round(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function findRiskReasonText(reasons: readonly RiskReason[], signal: RiskReason["signal"]): string | null {
  return reasons.find((r) => r.signal === signal)?.text ?? null;
}

function describeRhr(input: AdviceInput): string {
  const fromRisk = findRiskReasonText(input.risk.reasons, "resting-hr");
  if (fromRisk) return fromRisk;
  const delta = input.rhr?.delta ?? null;
  const sign = delta !== null && delta >= 0 ? "+" : "";
  return delta === null ? "RHR elevated" : `RHR ${sign}${delta.toFixed(1)} bpm for ${input.rhr?.streak ?? 0} nights`;
}

/**
 * The advice for one day, by the rules of metrics.md §13.2 evaluated in order (the first that matches wins).
 * Pure: the caller passes the data and the check-in that existed for that day, so a past day is judged the
 * same way as today.
 */
export function computeAdvice(input: AdviceInput, thresholds: AdviceThresholds = DEFAULT_ADVICE_THRESHOLDS): AdviceDay {
  const { risk, hrv, rhr, checkIn } = input;
  const poor = listPoorCheckInItems(checkIn);
  const base = { hasCheckIn: checkIn !== null, poorItems: poor.length };
  const make = (advice: Advice, reasons: AdviceReason[]): AdviceDay => ({
    advice,
    label: ADVICE_LABELS[advice],
    reasons,
    ...base,
  });

  const isHrvChronicLow = hrv?.chronicLow === true;
  const isRhrPersistent = rhr?.persistent === true;
  const hrvChronicReason: AdviceReason = { kind: "hrv-chronic", text: "HRV 7-day mean below normal range" };

  const rest: AdviceReason[] = [];
  if (risk.level === "high") rest.push({ kind: "risk-high", text: "risk level high" });
  if (checkIn?.illness === true) rest.push({ kind: "illness", text: "illness reported" });
  if (isHrvChronicLow && isRhrPersistent) {
    rest.push(hrvChronicReason, { kind: "rhr-persistent", text: describeRhr(input) });
  }
  if (rest.length > 0) return make("rest", rest);

  const easy: AdviceReason[] = [];
  if (risk.level === "elevated") easy.push({ kind: "risk-elevated", text: "risk level elevated" });
  if (isHrvChronicLow) easy.push(hrvChronicReason);
  if (!isHrvChronicLow && hrv !== null && hrv.acuteStreak >= 1) {
    easy.push({
      kind: "hrv-acute",
      text: findRiskReasonText(risk.reasons, "hrv-acute") ?? "HRV tonight below -1 SD of baseline",
    });
  }
  if (poor.length >= thresholds.poorItems) {
    const items = poor.map((p) => `${CHECK_IN_ITEM_LABELS[p.item]} ${p.value}`).join(", ");
    easy.push({ kind: "check-in", text: `${poor.length} check-in items poor (${items})` });
  }
  const sleep = input.lastNightSleepMinutes;
  if (sleep !== null && input.sleepNeedMinutes > 0 && sleep < thresholds.sleepFraction * input.sleepNeedMinutes) {
    const percent = Math.round((100 * sleep) / input.sleepNeedMinutes);
    easy.push({
      kind: "short-sleep",
      text: `slept ${formatSleepMinutes(sleep)} of ${formatSleepMinutes(input.sleepNeedMinutes)} need (${percent} %)`,
    });
  }
  if (easy.length > 0) return make("easy", easy);

  // "Within or above the normal range": a 7-night mean exists and is not below the band.
  if (hrv !== null && hrv.rolling7 !== null && hrv.bandLow !== null && hrv.chronicLow === false) {
    return make("as-planned", []);
  }

  const progress = risk.sufficiency.progress
    .filter((p) => !p.ready && (p.key === "hrv" || p.key === "hrv-rolling"))
    .map((p): AdviceReason => ({ kind: "baseline-progress", text: p.label }));
  return make("not-enough-data", progress);
}
