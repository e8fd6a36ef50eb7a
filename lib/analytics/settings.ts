/**
 * Per-athlete settings: physiology (HRmax, HRrest, sex, zone model, sleep need) resolved from Polar's
 * physical info and the athlete's overrides, and the configurable analytics parameters with their defaults.
 */
import type { CardioStatusCutPoints } from "./cardio-load";
import type { LocalDate } from "./dates";
import type { HrvParams } from "./hrv";
import type { RhrParams } from "./resting-hr";
import type { Sex } from "./trimp";
import type { ZoneModel } from "./zones";
import { DEFAULT_CARDIO_STATUS_CUT_POINTS } from "./cardio-load";
import { computeAgeYears, isLocalDate } from "./dates";
import { DEFAULT_HRV_PARAMS } from "./hrv";
import { DEFAULT_RHR_PARAMS } from "./resting-hr";
import { DEFAULT_SLEEP_NEED_MINUTES } from "./sleep";
import { DEFAULT_MAX_HOLD_SECONDS } from "./zones";

/** Risk-rule thresholds (metrics.md §10.3), all configurable. */
export type RiskThresholds = {
  /** ACWR_EWMA ≥ this → load amber (default 1.3). */
  acwrAmber: number;
  /** ACWR_EWMA ≥ this → load red (default 1.5). */
  acwrRed: number;
  /** TSB ≤ this → load red (default −30). */
  tsbRed: number;
  /** Monotony ≥ this → load amber (default 2.0). */
  monotonyAmber: number;
  /** Gross sleep debt over 7 nights ≥ this many minutes → sleep modifier (default 420). */
  sleepDebtMinutes: number;
  /** Days of history before load signals count (default 28). */
  minLoadHistoryDays: number;
  /** Previous days searched for a high-load period in the context text (default 14). */
  contextLookbackDays: number;
};

export const DEFAULT_RISK_THRESHOLDS: RiskThresholds = {
  acwrAmber: 1.3,
  acwrRed: 1.5,
  tsbRed: -30,
  monotonyAmber: 2.0,
  sleepDebtMinutes: 420,
  minLoadHistoryDays: 28,
  contextLookbackDays: 14,
};

/** Every configurable analytics parameter. */
export type AnalyticsSettings = {
  risk: RiskThresholds;
  rhr: RhrParams;
  hrv: HrvParams;
  cardioStatus: CardioStatusCutPoints;
  /** PMC time constants in days (default 42 / 7). */
  pmc: { ctlDays: number; atlDays: number };
  /** ACWR windows in days (default 7 / 28; also the EWMA N values). */
  acwr: { acuteDays: number; chronicDays: number };
  /** The athlete's sleep need, minutes (default 480). */
  sleepNeedMinutes: number;
};

/** Overrides: any group may be omitted, and inside a group any field. */
export type AnalyticsSettingsInput = {
  risk?: Partial<RiskThresholds>;
  rhr?: Partial<RhrParams>;
  hrv?: Partial<HrvParams>;
  cardioStatus?: Partial<CardioStatusCutPoints>;
  pmc?: Partial<AnalyticsSettings["pmc"]>;
  acwr?: Partial<AnalyticsSettings["acwr"]>;
  sleepNeedMinutes?: number;
};

/** Defaults merged with overrides. @throws RangeError for inconsistent values (e.g. amber above red). */
export function resolveAnalyticsSettings(input: AnalyticsSettingsInput = {}): AnalyticsSettings {
  const settings: AnalyticsSettings = {
    risk: { ...DEFAULT_RISK_THRESHOLDS, ...input.risk },
    rhr: { ...DEFAULT_RHR_PARAMS, ...input.rhr },
    hrv: { ...DEFAULT_HRV_PARAMS, ...input.hrv },
    cardioStatus: { ...DEFAULT_CARDIO_STATUS_CUT_POINTS, ...input.cardioStatus },
    pmc: { ctlDays: 42, atlDays: 7, ...input.pmc },
    acwr: { acuteDays: 7, chronicDays: 28, ...input.acwr },
    sleepNeedMinutes: input.sleepNeedMinutes ?? DEFAULT_SLEEP_NEED_MINUTES,
  };
  if (settings.risk.acwrAmber > settings.risk.acwrRed) throw new RangeError("ACWR amber threshold must not exceed red");
  if (settings.acwr.acuteDays >= settings.acwr.chronicDays) throw new RangeError("acute window must be shorter than chronic");
  const counts = [
    settings.rhr.windowNights,
    settings.rhr.minNights,
    settings.hrv.baselineNights,
    settings.hrv.minBaselineNights,
    settings.hrv.rollingNights,
    settings.hrv.minRollingNights,
    settings.acwr.acuteDays,
    settings.acwr.chronicDays,
  ];
  if (counts.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError("window sizes must be positive integers");
  if (!(settings.sleepNeedMinutes > 0)) throw new RangeError("sleep need must be positive");
  return settings;
}

/** Where a physiology value came from. `age-formula` is the labelled 220 − age last resort. */
export type SettingSource = "athlete" | "polar" | "age-formula" | "default" | "unknown";

export type ResolvedSetting<T> = {
  value: T;
  source: SettingSource;
  /** Text the UI shows beside the value. */
  label: string;
};

/**
 * Polar physical info as either endpoint spells it, normalised by the caller: `maximum-heart-rate` /
 * `maximum_heart_rate`, `resting-heart-rate`, `gender`, `birthday`, and the sleep goal as seconds (sleep
 * resource) or an ISO-8601 duration (`PT8H`, new physical-info endpoint).
 */
export type PolarPhysicalInfoLike = {
  maximumHeartRate?: number | null;
  restingHeartRate?: number | null;
  gender?: string | null;
  birthday?: LocalDate | null;
  sleepGoal?: number | string | null;
};

/** The athlete's own overrides; each wins over Polar's value. */
export type PhysiologyOverrides = {
  /** bpm */
  hrmax?: number | null;
  /** bpm */
  hrrest?: number | null;
  sex?: Sex | null;
  zoneModel?: ZoneModel | null;
  /** minutes */
  sleepNeedMinutes?: number | null;
  /** seconds; never below the recording rate when applied. */
  maxHoldSeconds?: number | null;
};

export type PhysiologySettings = {
  /** bpm; null when neither an override, Polar nor a birthday gives one. */
  hrmax: ResolvedSetting<number | null>;
  /** bpm; null when unknown (Banister TRIMP and HRR zones then cannot be computed). */
  hrrest: ResolvedSetting<number | null>;
  /** null when neither the athlete nor Polar gives it: Banister TRIMP then cannot be computed (metrics §2.1). */
  sex: ResolvedSetting<Sex | null>;
  zoneModel: ResolvedSetting<ZoneModel>;
  /** minutes */
  sleepNeedMinutes: ResolvedSetting<number>;
  /** seconds */
  maxHoldSeconds: ResolvedSetting<number>;
};

/** Seconds of an ISO-8601 duration such as `PT8H`, `PT7H30M`, `P0DT8H0M0S`; null when unparseable. */
export function parseIsoDurationSeconds(value: string): number | null {
  const match = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match || value === "P" || value.endsWith("T")) return null;
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 86400 + Number(h ?? 0) * 3600 + Number(m ?? 0) * 60 + Number(s ?? 0);
}

function isPositive(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value > 0;
}

function toSex(gender: string | null | undefined): Sex | null {
  if (gender === "MALE") return "male";
  if (gender === "FEMALE") return "female";
  return null;
}

/** What the UI says where a TRIMP is missing because the athlete's sex is unknown. */
export const TRIMP_NEEDS_SEX = "TRIMP needs your sex: set it in Body";

/**
 * Physiology settings: athlete override → Polar physical info → fallback. HRmax falls back to 220 − age
 * (labelled as a last-resort estimate, needs `onDate` for the age); zone model to Polar's %HRmax; sleep need
 * to 480 min; maxHold to 10 s. Sex has no fallback: Banister's coefficients are sex-specific (metrics §2.1)
 * and a guessed sex would put a wrong number on every session, so an unknown sex resolves to null and TRIMP
 * is left empty, with `TRIMP_NEEDS_SEX` shown where it is missing.
 * @param context.onDate the day whose age the 220 − age fallback uses (pure function, no clock).
 * @param context.onInconsistent "throw" (default): a resolved HRrest not below HRmax is a RangeError;
 *   "keep": the values are returned as they are (the sync derives zones from HRmax and leaves TRIMP empty).
 * @throws RangeError when the resolved HRrest is not below HRmax and `onInconsistent` is "throw".
 */
export function resolvePhysiologySettings(
  polar: PolarPhysicalInfoLike | null,
  overrides: PhysiologyOverrides = {},
  context: { onDate?: LocalDate; onInconsistent?: "throw" | "keep" } = {},
): PhysiologySettings {
  let hrmax: ResolvedSetting<number | null>;
  if (isPositive(overrides.hrmax)) hrmax = { value: overrides.hrmax, source: "athlete", label: "set by athlete" };
  else if (isPositive(polar?.maximumHeartRate)) {
    hrmax = { value: polar.maximumHeartRate, source: "polar", label: "from Polar physical info" };
  } else if (polar?.birthday && isLocalDate(polar.birthday) && context.onDate) {
    const age = computeAgeYears(polar.birthday, context.onDate);
    hrmax = { value: 220 - age, source: "age-formula", label: "estimated as 220 − age (last resort; set your HRmax)" };
  } else hrmax = { value: null, source: "unknown", label: "unknown: set your HRmax" };

  let hrrest: ResolvedSetting<number | null>;
  if (isPositive(overrides.hrrest)) hrrest = { value: overrides.hrrest, source: "athlete", label: "set by athlete" };
  else if (isPositive(polar?.restingHeartRate)) {
    hrrest = { value: polar.restingHeartRate, source: "polar", label: "from Polar physical info" };
  } else hrrest = { value: null, source: "unknown", label: "unknown: set your resting HR" };

  if ((context.onInconsistent ?? "throw") === "throw" && hrmax.value !== null && hrrest.value !== null && hrrest.value >= hrmax.value) {
    throw new RangeError(`resting HR ${hrrest.value} must be below HRmax ${hrmax.value}`);
  }

  const polarSex = toSex(polar?.gender);
  const sex: ResolvedSetting<Sex | null> = overrides.sex
    ? { value: overrides.sex, source: "athlete", label: "set by athlete" }
    : polarSex
      ? { value: polarSex, source: "polar", label: "from Polar profile" }
      : { value: null, source: "unknown", label: `unknown: ${TRIMP_NEEDS_SEX}` };

  const zoneModel: ResolvedSetting<ZoneModel> = overrides.zoneModel
    ? { value: overrides.zoneModel, source: "athlete", label: "set by athlete" }
    : { value: "polar-hrmax", source: "default", label: "Polar default (% of HRmax)" };

  const goal = polar?.sleepGoal;
  const goalSeconds = typeof goal === "string" ? parseIsoDurationSeconds(goal) : (goal ?? null);
  const sleepNeedMinutes: ResolvedSetting<number> = isPositive(overrides.sleepNeedMinutes)
    ? { value: overrides.sleepNeedMinutes, source: "athlete", label: "set by athlete" }
    : isPositive(goalSeconds)
      ? { value: goalSeconds / 60, source: "polar", label: "Polar sleep goal" }
      : { value: DEFAULT_SLEEP_NEED_MINUTES, source: "default", label: "default 8 h" };

  const maxHoldSeconds: ResolvedSetting<number> = isPositive(overrides.maxHoldSeconds)
    ? { value: overrides.maxHoldSeconds, source: "athlete", label: "set by athlete" }
    : { value: DEFAULT_MAX_HOLD_SECONDS, source: "default", label: "default 10 s" };

  return { hrmax, hrrest, sex, zoneModel, sleepNeedMinutes, maxHoldSeconds };
}
