/**
 * Date ranges of the dashboard, kept in the URL (`?range=4w`, or `?range=custom&from=…&to=…`). Pure: the
 * athlete's local today is passed in (server-computed), never read from the viewer's clock.
 */
// civil-days, not dates: the range picker runs in the browser, and this keeps the Temporal polyfill out of it.
import { addDays, addYears, isLocalDate } from "@/lib/analytics/civil-days";

export const RANGE_PRESETS = [
  { key: "7d", label: "7 days", days: 7 },
  { key: "4w", label: "4 weeks", days: 28 },
  { key: "3m", label: "3 months", days: 91 },
  { key: "1y", label: "1 year", days: 365 },
] as const;

export type RangePreset = (typeof RANGE_PRESETS)[number]["key"];
export type RangeKey = RangePreset | "custom";
export type ResolvedRange = { key: RangeKey; from: string; to: string };

/** The daily API serves at most three calendar years (`to` ≤ `from` + 3 years). */
const MAX_YEARS = 3;

/** True for a real calendar date `YYYY-MM-DD` (a narrowing form of `isLocalDate` for URL params). */
export function isCalendarDate(value: string | null | undefined): value is string {
  return typeof value === "string" && isLocalDate(value);
}

export type RangeParams = { range?: string | null; from?: string | null; to?: string | null };

/** The range the URL asks for; unknown or invalid input falls back to `fallback` ending today. */
export function resolveRange(params: RangeParams, today: string, fallback: RangePreset = "3m"): ResolvedRange {
  if (params.range === "custom" && isCalendarDate(params.from) && isCalendarDate(params.to)) {
    const limit = addYears(params.from, MAX_YEARS);
    if (params.from <= params.to && params.to <= limit) return { key: "custom", from: params.from, to: params.to };
  }
  const preset = RANGE_PRESETS.find((item) => item.key === params.range) ?? RANGE_PRESETS.find((item) => item.key === fallback);
  const days = preset?.days ?? 91;
  return { key: preset?.key ?? "3m", from: addDays(today, -(days - 1)), to: today };
}

/** First value of a Next.js search param (which may be repeated). */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The message for a filter whose From is after its To (no day can match), or null when the range is fine.
 * Said instead of the empty list's "record a training session…", which would send the athlete the wrong way.
 */
export function describeInvertedRange(from: string, to: string): string | null {
  return from > to ? `From (${from}) is after To (${to}), so no day can match. Swap the two dates.` : null;
}
