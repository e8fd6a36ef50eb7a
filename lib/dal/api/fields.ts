import type { DailyPointDTO, ReadScope } from "../dto";

/**
 * The daily-series fields the token API and the MCP tools serve (`fields=`), flattened from the page's
 * `DailyPointDTO` with their unit and the scope they need. Values come from the same loader as the pages;
 * nothing here computes.
 */
type FieldSpec = { unit: string; scope: ReadScope; description: string; pick: (point: DailyPointDTO) => number | string | null };

export const DAILY_FIELDS = {
  load: { unit: "AU (Polar cardio load, or Banister TRIMP when Polar gives none)", scope: "training", description: "The day's training load; 0 on a rest day.", pick: (p) => p.load.value },
  loadSource: { unit: "polar | trimp | none", scope: "training", description: "Where the day's load comes from.", pick: (p) => p.load.source },
  sessions: { unit: "count", scope: "training", description: "Training sessions that day.", pick: (p) => p.load.sessionCount },
  ctl: { unit: "AU/day", scope: "training", description: "Chronic training load (fitness), 42-day EWMA.", pick: (p) => p.pmc.ctl },
  atl: { unit: "AU/day", scope: "training", description: "Acute training load (fatigue), 7-day EWMA.", pick: (p) => p.pmc.atl },
  tsb: { unit: "AU/day", scope: "training", description: "Form: yesterday's CTL − ATL.", pick: (p) => p.pmc.tsb },
  acwr: { unit: "ratio", scope: "training", description: "Acute:chronic workload ratio (EWMA 7/28); null before day 28.", pick: (p) => p.acwr.ewma },
  acwrBand: { unit: "low | usual | rising | spike", scope: "training", description: "Display band of the ACWR.", pick: (p) => p.acwr.band },
  monotony: { unit: "ratio", scope: "training", description: "Foster monotony of the 7 days ending that day.", pick: (p) => p.monotony?.monotony ?? null },
  strain: { unit: "AU", scope: "training", description: "Foster strain (weekly load × monotony).", pick: (p) => p.monotony?.strain ?? null },
  rhr: { unit: "bpm", scope: "recovery", description: "Resting heart rate of the night ending that day.", pick: (p) => p.restingHr.rhr },
  rhrBaseline: { unit: "bpm", scope: "recovery", description: "Mean RHR of the nights before (personal baseline).", pick: (p) => p.restingHr.baselineMean },
  rhrDelta: { unit: "bpm", scope: "recovery", description: "RHR − baseline.", pick: (p) => p.restingHr.delta },
  lnRmssd: { unit: "ln ms", scope: "recovery", description: "Night HRV: ln of rMSSD in ms.", pick: (p) => p.hrv.lnRmssd },
  hrv7: { unit: "ln ms", scope: "recovery", description: "7-night mean of ln rMSSD.", pick: (p) => p.hrv.rolling7 },
  hrvBandLow: { unit: "ln ms", scope: "recovery", description: "Lower bound of the normal HRV range (baseline − 0.5 SD).", pick: (p) => p.hrv.bandLow },
  hrvBandHigh: { unit: "ln ms", scope: "recovery", description: "Upper bound of the normal HRV range (baseline + 0.5 SD).", pick: (p) => p.hrv.bandHigh },
  sleepMinutes: { unit: "min", scope: "sleep", description: "Actual sleep of the night ending that day.", pick: (p) => p.sleep.night?.actualSleepMinutes ?? null },
  sleepScore: { unit: "1–100 (Polar)", scope: "sleep", description: "Polar sleep score.", pick: (p) => p.night?.sleepScore ?? null },
  sleepDebt: { unit: "min", scope: "sleep", description: "Gross sleep debt over the 7 nights ending that day.", pick: (p) => p.sleep.debt?.grossMinutes ?? null },
  risk: { unit: "insufficient-data | none | watch | elevated | high", scope: "training", description: "Overreaching flag level (a prompt to look, not a diagnosis).", pick: (p) => p.risk.level },
} as const satisfies Record<string, FieldSpec>;

export type DailyField = keyof typeof DAILY_FIELDS;
export const DAILY_FIELD_NAMES = Object.keys(DAILY_FIELDS) as DailyField[];

/** The chosen fields of one point; a field of a scope the viewer may not read is null. */
export function pickDailyFields(point: DailyPointDTO, fields: readonly DailyField[], readable: ReadonlySet<ReadScope>): Record<string, number | string | null> {
  return Object.fromEntries([["date", point.date], ...fields.map((field) => [field, readable.has(DAILY_FIELDS[field].scope) ? DAILY_FIELDS[field].pick(point) : null])]);
}

/** `{ field: unit }` for the chosen fields, for the response's `units`. */
export function toFieldUnits(fields: readonly DailyField[]): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field, DAILY_FIELDS[field].unit]));
}
