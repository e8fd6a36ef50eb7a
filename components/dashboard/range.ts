/**
 * Date ranges of the dashboard, kept in the URL (`?range=4w`, or `?range=custom&from=…&to=…`). Pure: the
 * athlete's local today is passed in (server-computed), never read from the viewer's clock.
 */

export const RANGE_PRESETS = [
  { key: "7d", label: "7 days", days: 7 },
  { key: "4w", label: "4 weeks", days: 28 },
  { key: "3m", label: "3 months", days: 91 },
  { key: "1y", label: "1 year", days: 365 },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]["key"];
export type RangeKey = RangePreset | "custom";
export type ResolvedRange = { key: RangeKey; from: string; to: string };

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** The daily API serves at most three calendar years (`to` ≤ `from` + 3 years). */
const MAX_YEARS = 3;

function toDayNumber(date: string): number {
  return Math.floor(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
}

function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** True for a real calendar date `YYYY-MM-DD` (round-trips through UTC day arithmetic). */
export function isCalendarDate(value: string | null | undefined): value is string {
  return typeof value === "string" && isRealDate(value);
}

function isRealDate(value: string): boolean {
  return DATE_PATTERN.test(value) && fromDayNumber(toDayNumber(value)) === value;
}

export function shiftDate(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export type RangeParams = { range?: string | null; from?: string | null; to?: string | null };

/** The range the URL asks for; unknown or invalid input falls back to `fallback` ending today. */
export function resolveRange(params: RangeParams, today: string, fallback: RangePreset = "3m"): ResolvedRange {
  if (params.range === "custom" && isCalendarDate(params.from) && isCalendarDate(params.to)) {
    const shifted = `${Number(params.from.slice(0, 4)) + MAX_YEARS}${params.from.slice(4)}`;
    // 29 February + 3 years falls back to 28 February.
    const limit = isRealDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
    if (params.from <= params.to && params.to <= limit) return { key: "custom", from: params.from, to: params.to };
  }
  const preset = RANGE_PRESETS.find((item) => item.key === params.range) ?? RANGE_PRESETS.find((item) => item.key === fallback);
  const days = preset?.days ?? 91;
  return { key: preset?.key ?? "3m", from: shiftDate(today, -(days - 1)), to: today };
}

/** First value of a Next.js search param (which may be repeated). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
