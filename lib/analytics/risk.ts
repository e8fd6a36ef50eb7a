/**
 * The combined, explainable risk level (metrics.md §10). Flags carry their reasons; the top level needs a
 * load signal AND a physiological one. Never a diagnosis.
 */
import type { HrvDay } from "./hrv";
import type { RhrDay } from "./resting-hr";
import type { AnalyticsSettings } from "./settings";
import type { SleepDebt } from "./sleep";
import { resolveAnalyticsSettings } from "./settings";

export type LoadLevel = "none" | "amber" | "red";
export type RiskLevel = "insufficient-data" | "none" | "watch" | "elevated" | "high";
export type RiskCategory = "load" | "physio" | "sleep";
export type RiskSignal =
  | "load-spike"
  | "load-rising"
  | "accumulated-fatigue"
  | "monotony"
  | "resting-hr"
  | "hrv-chronic"
  | "hrv-acute"
  | "sleep-debt";

/** Nights of the sleep-debt window, and the day from which the sleep modifier may count. */
export const SLEEP_DEBT_NIGHTS = 7;
/** Days of the monotony window. */
export const MONOTONY_DAYS = 7;

export const CONTEXT_RESIDUAL_FATIGUE = "residual fatigue after a recent high-load period";
export const CONTEXT_NON_TRAINING_STRAIN =
  "physiological strain without high training load: illness, travel, alcohol, heat or life stress are possible causes";

/** One triggered signal, as text and as structured fields for the UI. */
export type RiskReason = {
  signal: RiskSignal;
  category: RiskCategory;
  /** What the signal adds: a load level, one physiological point, or the sleep modifier. */
  contributes: "red" | "amber" | "physio" | "modifier";
  /** e.g. `ACWR 1.42 >= 1.3`, `RHR +6.1 bpm for 3 nights`. */
  text: string;
  /**
   * Today's value: ACWR_EWMA (ratio), TSB and monotony (load units / ratio), RHR delta (bpm), HRV 7-night
   * mean or tonight's ln rMSSD (ln ms), gross sleep debt (minutes).
   */
  value: number;
  /** The value it was compared with, in the same unit; for HRV the bound derived from the baseline. */
  threshold: number | null;
  /** The personal baseline judged against (RHR bpm, HRV ln ms), when the signal has one. */
  baseline: { mean: number; sd: number | null; nights: number } | null;
  /** Consecutive nights for persistence signals. */
  streak: number | null;
  /** The window the value describes. */
  window: { length: number; unit: "days" | "nights"; description: string };
};

export type BaselineProgress = {
  key: "load" | "rhr" | "hrv" | "hrv-rolling" | "sleep";
  have: number;
  need: number;
  ready: boolean;
  /** e.g. "building baseline — day 9 of 28", "RHR 9 of 14 nights". */
  label: string;
};

export type RiskSufficiency = {
  /** Day index (days of history, day 1 = first day of the series). */
  historyDays: number;
  isLoadHistoryReady: boolean;
  progress: BaselineProgress[];
};

export type RiskAssessment = {
  level: RiskLevel;
  loadLevel: LoadLevel;
  /** Physiological points, 0–2. */
  physio: number;
  hasSleepDebt: boolean;
  reasons: RiskReason[];
  /** Context text, only when physio ≥ 1 and load level is none. */
  context: string | null;
  sufficiency: RiskSufficiency;
  /** For the insufficient-data state: "building baseline — day 9 of 28 · RHR 9 of 14 nights …". */
  message: string | null;
};

/** What the risk rules read for one day. */
export type RiskInput = {
  /** Days of history including today (day 1 = first day of the series). */
  dayIndex: number;
  /** ACWR_EWMA (null before day 28 or on a zero denominator). */
  acwrEwma: number | null;
  /** TSB from yesterday's CTL − ATL. */
  tsb: number | null;
  /** Monotony of the 7 days ending today (population SD). */
  monotony: number | null;
  rhr: Pick<RhrDay, "persistent" | "delta" | "streak" | "baselineMean" | "baselineSd" | "baselineN"> | null;
  hrv: Pick<HrvDay, "chronicLow" | "acuteStreak" | "rolling7" | "rollingN" | "lnRmssd" | "baselineMean" | "baselineSd" | "baselineN" | "bandLow"> | null;
  sleepDebt: SleepDebt | null;
  /** Load levels of earlier days, oldest first; only the last `contextLookbackDays` are read. */
  previousLoadLevels: readonly LoadLevel[];
};

/** toFixed without a "-0.0" for values that round to zero. */
function formatFixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return Number(text) === 0 ? (0).toFixed(digits) : text;
}

/** A threshold with at least one decimal ("1.3", "2.0", "-30.0"), more when configured finer ("1.25"). */
function formatThreshold(value: number): string {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9 ? formatFixed(value, 1) : String(value);
}

function formatSigned(value: number, digits: number): string {
  const text = formatFixed(value, digits);
  return text.startsWith("-") ? text : `+${text}`;
}

const LEVEL_RANK: Record<LoadLevel, number> = { none: 0, amber: 1, red: 2 };

function raise(current: LoadLevel, next: LoadLevel): LoadLevel {
  return LEVEL_RANK[next] > LEVEL_RANK[current] ? next : current;
}

/** Baseline progress for each baseline, with the §10.3 labels. */
export function computeRiskSufficiency(input: RiskInput, settings: AnalyticsSettings): RiskSufficiency {
  const minHistory = settings.risk.minLoadHistoryDays;
  const isLoadHistoryReady = input.dayIndex >= minHistory;
  const rhrHave = input.rhr?.baselineN ?? 0;
  const hrvHave = input.hrv?.baselineN ?? 0;
  const rollingHave = input.hrv?.rollingN ?? 0;
  const sleepHave = input.sleepDebt?.validNights ?? 0;
  const progress: BaselineProgress[] = [
    {
      key: "load",
      have: input.dayIndex,
      need: minHistory,
      ready: isLoadHistoryReady,
      label: isLoadHistoryReady
        ? `load history ${input.dayIndex} days`
        : `building baseline — day ${input.dayIndex} of ${minHistory}`,
    },
    {
      key: "rhr",
      have: rhrHave,
      need: settings.rhr.minNights,
      ready: rhrHave >= settings.rhr.minNights,
      // Past the minimum, "29 of 14 nights" would read as impossible: name the nights the baseline uses.
      label: rhrHave >= settings.rhr.minNights ? `RHR baseline from ${rhrHave} nights` : `RHR ${rhrHave} of ${settings.rhr.minNights} nights`,
    },
    {
      key: "hrv",
      have: hrvHave,
      need: settings.hrv.minBaselineNights,
      ready: hrvHave >= settings.hrv.minBaselineNights,
      label: hrvHave >= settings.hrv.minBaselineNights ? `HRV baseline from ${hrvHave} nights` : `HRV ${hrvHave} of ${settings.hrv.minBaselineNights} nights`,
    },
    {
      key: "hrv-rolling",
      have: rollingHave,
      need: settings.hrv.minRollingNights,
      ready: rollingHave >= settings.hrv.minRollingNights,
      label: `HRV ${rollingHave} of ${settings.hrv.rollingNights} nights this week (${settings.hrv.minRollingNights} needed)`,
    },
    {
      key: "sleep",
      have: sleepHave,
      need: SLEEP_DEBT_NIGHTS,
      ready: input.dayIndex >= SLEEP_DEBT_NIGHTS && sleepHave > 0,
      label: `sleep ${sleepHave} of ${SLEEP_DEBT_NIGHTS} nights`,
    },
  ];
  return { historyDays: input.dayIndex, isLoadHistoryReady, progress };
}

/** The load level a day's load signals give (none before the history minimum). */
export function computeLoadLevel(
  input: Pick<RiskInput, "dayIndex" | "acwrEwma" | "tsb" | "monotony">,
  settings: AnalyticsSettings,
): LoadLevel {
  return evaluateLoadSignals(input, settings).level;
}

function evaluateLoadSignals(
  input: Pick<RiskInput, "dayIndex" | "acwrEwma" | "tsb" | "monotony">,
  settings: AnalyticsSettings,
): { level: LoadLevel; reasons: RiskReason[] } {
  const t = settings.risk;
  const reasons: RiskReason[] = [];
  let level: LoadLevel = "none";
  if (input.dayIndex < t.minLoadHistoryDays) return { level, reasons };
  const { acuteDays, chronicDays } = settings.acwr;
  if (input.acwrEwma !== null && input.acwrEwma >= t.acwrAmber) {
    const isSpike = input.acwrEwma >= t.acwrRed;
    const threshold = isSpike ? t.acwrRed : t.acwrAmber;
    level = raise(level, isSpike ? "red" : "amber");
    reasons.push({
      signal: isSpike ? "load-spike" : "load-rising",
      category: "load",
      contributes: isSpike ? "red" : "amber",
      text: `ACWR ${formatFixed(input.acwrEwma, 2)} >= ${formatThreshold(threshold)}`,
      value: input.acwrEwma,
      threshold,
      baseline: null,
      streak: null,
      window: { length: chronicDays, unit: "days", description: `EWMA ${acuteDays}/${chronicDays} days` },
    });
  }
  if (input.tsb !== null && input.tsb <= t.tsbRed) {
    level = raise(level, "red");
    reasons.push({
      signal: "accumulated-fatigue",
      category: "load",
      contributes: "red",
      text: `TSB ${formatFixed(input.tsb, 1)} <= ${formatThreshold(t.tsbRed)}`,
      value: input.tsb,
      threshold: t.tsbRed,
      baseline: null,
      streak: null,
      window: {
        length: settings.pmc.ctlDays,
        unit: "days",
        description: `yesterday's CTL (${settings.pmc.ctlDays} d) − ATL (${settings.pmc.atlDays} d)`,
      },
    });
  }
  if (input.monotony !== null && input.monotony >= t.monotonyAmber) {
    level = raise(level, "amber");
    reasons.push({
      signal: "monotony",
      category: "load",
      contributes: "amber",
      text: `monotony ${formatFixed(input.monotony, 2)} >= ${formatThreshold(t.monotonyAmber)}`,
      value: input.monotony,
      threshold: t.monotonyAmber,
      baseline: null,
      streak: null,
      window: { length: MONOTONY_DAYS, unit: "days", description: `${MONOTONY_DAYS} days ending today` },
    });
  }
  return { level, reasons };
}

/** Minimal number text: 1 → "1", 1.5 → "1.5". */
function formatPlain(value: number): string {
  return String(Number(value.toFixed(6)));
}

function evaluatePhysioSignals(input: RiskInput, settings: AnalyticsSettings): RiskReason[] {
  const reasons: RiskReason[] = [];
  const rhr = input.rhr;
  if (rhr && rhr.persistent && rhr.delta !== null && rhr.baselineMean !== null) {
    reasons.push({
      signal: "resting-hr",
      category: "physio",
      contributes: "physio",
      text: `RHR ${formatSigned(rhr.delta, 1)} bpm for ${rhr.streak} nights`,
      value: rhr.delta,
      threshold: settings.rhr.deltaBpm,
      baseline: { mean: rhr.baselineMean, sd: rhr.baselineSd, nights: rhr.baselineN },
      streak: rhr.streak,
      window: {
        length: settings.rhr.windowNights,
        unit: "nights",
        description: `${settings.rhr.windowNights} nights before tonight`,
      },
    });
  }
  const hrv = input.hrv;
  const hrvBaseline =
    hrv && hrv.baselineMean !== null ? { mean: hrv.baselineMean, sd: hrv.baselineSd, nights: hrv.baselineN } : null;
  const hrvWindow = {
    length: settings.hrv.baselineNights,
    unit: "nights" as const,
    description: `${settings.hrv.baselineNights} nights before tonight`,
  };
  const isChronic = hrv !== null && hrv.chronicLow === true && hrv.rolling7 !== null;
  if (hrv && isChronic && hrv.rolling7 !== null) {
    reasons.push({
      signal: "hrv-chronic",
      category: "physio",
      contributes: "physio",
      text: "HRV 7-day mean below normal range",
      value: hrv.rolling7,
      threshold: hrv.bandLow,
      baseline: hrvBaseline,
      streak: null,
      window: hrvWindow,
    });
  }
  // The acute rule counts only when the chronic one did not, so one HRV drop never scores twice.
  if (hrv && !isChronic && hrv.acuteStreak >= settings.hrv.persistenceNights && hrv.lnRmssd !== null && hrvBaseline) {
    reasons.push({
      signal: "hrv-acute",
      category: "physio",
      contributes: "physio",
      text: `HRV below -${formatPlain(settings.hrv.acuteSd)} SD for ${hrv.acuteStreak} days`,
      value: hrv.lnRmssd,
      threshold: hrvBaseline.sd === null ? null : hrvBaseline.mean - settings.hrv.acuteSd * hrvBaseline.sd,
      baseline: hrvBaseline,
      streak: hrv.acuteStreak,
      window: hrvWindow,
    });
  }
  return reasons;
}

function evaluateSleepSignal(input: RiskInput, settings: AnalyticsSettings): RiskReason | null {
  const debt = input.sleepDebt;
  if (input.dayIndex < SLEEP_DEBT_NIGHTS || !debt || debt.grossMinutes === null) return null;
  if (debt.grossMinutes < settings.risk.sleepDebtMinutes) return null;
  return {
    signal: "sleep-debt",
    category: "sleep",
    contributes: "modifier",
    text: `7-day sleep debt ${formatFixed(debt.grossMinutes / 60, 1)} h`,
    value: debt.grossMinutes,
    threshold: settings.risk.sleepDebtMinutes,
    baseline: null,
    streak: null,
    window: {
      length: SLEEP_DEBT_NIGHTS,
      unit: "nights",
      description: `${debt.validNights} of ${SLEEP_DEBT_NIGHTS} nights measured, need ${formatPlain(settings.sleepNeedMinutes)} min`,
    },
  };
}

/** §10.3 level order. */
export function determineRiskLevel(params: {
  isLoadHistoryReady: boolean;
  loadLevel: LoadLevel;
  physio: number;
  hasSleepDebt: boolean;
}): RiskLevel {
  const { isLoadHistoryReady, loadLevel, physio, hasSleepDebt } = params;
  if (!isLoadHistoryReady && physio === 0) return "insufficient-data";
  if (loadLevel !== "none" && physio >= 1) return "high";
  if (loadLevel === "red" || physio >= 2 || (physio >= 1 && hasSleepDebt)) return "elevated";
  if (loadLevel === "amber" || physio === 1 || hasSleepDebt) return "watch";
  return "none";
}

/**
 * The day's risk level with its reasons, context text and data sufficiency.
 * @param settings thresholds and windows (defaults from metrics.md §10.3).
 */
export function evaluateRisk(input: RiskInput, settings: AnalyticsSettings = resolveAnalyticsSettings()): RiskAssessment {
  const sufficiency = computeRiskSufficiency(input, settings);
  const load = evaluateLoadSignals(input, settings);
  const physioReasons = evaluatePhysioSignals(input, settings);
  const sleepReason = evaluateSleepSignal(input, settings);
  const physio = physioReasons.length;
  const hasSleepDebt = sleepReason !== null;
  const level = determineRiskLevel({
    isLoadHistoryReady: sufficiency.isLoadHistoryReady,
    loadLevel: load.level,
    physio,
    hasSleepDebt,
  });
  let context: string | null = null;
  if (physio >= 1 && load.level === "none") {
    const lookback = settings.risk.contextLookbackDays;
    const recent = input.previousLoadLevels.slice(Math.max(0, input.previousLoadLevels.length - lookback));
    context = recent.some((l) => l !== "none") ? CONTEXT_RESIDUAL_FATIGUE : CONTEXT_NON_TRAINING_STRAIN;
  }
  const isInsufficient = level === "insufficient-data";
  const message = isInsufficient
    ? sufficiency.progress
        .filter((p) => p.key === "load" || ((p.key === "rhr" || p.key === "hrv") && !p.ready))
        .map((p) => p.label)
        .join(" · ")
    : null;
  return {
    level,
    loadLevel: load.level,
    physio,
    hasSleepDebt,
    reasons: [...load.reasons, ...physioReasons, ...(sleepReason ? [sleepReason] : [])],
    context,
    sufficiency,
    message,
  };
}
