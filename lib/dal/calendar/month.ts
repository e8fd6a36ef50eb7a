import { addDays, getWeekStart, isLocalDate, type LocalDate } from "@/lib/analytics/dates";

/**
 * The calendar's month arithmetic and load shading. Pure (no I/O): months are `YYYY-MM` of the athlete's
 * local calendar, days are athlete-local `YYYY-MM-DD`, weeks start on Monday (ISO).
 */

/** `YYYY-MM`, a month of the athlete's local calendar. */
export type CalendarMonth = string;

const MONTH_PATTERN = /^(\d{4})-(\d{2})$/;

/** The month a local day falls in. */
export function toCalendarMonth(date: LocalDate): CalendarMonth {
  return date.slice(0, 7);
}

/** Whether `value` is a real month as `YYYY-MM` (years 1900–9999, months 01–12). */
export function isCalendarMonth(value: string): boolean {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1900 && month >= 1 && month <= 12;
}

/** The month `count` months after `month` (negative: before). */
export function shiftMonth(month: CalendarMonth, count: number): CalendarMonth {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** First and last local day of a month. */
export function getMonthBounds(month: CalendarMonth): { first: LocalDate; last: LocalDate } {
  const first = `${month}-01`;
  return { first, last: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/** The grid of a month: whole Monday-first weeks from the week of the 1st to the week of the last day. */
export function listMonthWeeks(month: CalendarMonth): LocalDate[][] {
  const { first, last } = getMonthBounds(month);
  const weeks: LocalDate[][] = [];
  for (let start = getWeekStart(first, 1); start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

export type CalendarSelection = {
  month: CalendarMonth;
  /** The day whose details are open, inside `month`; null when none. */
  day: LocalDate | null;
  /** What was wrong with the query, in words; null when it was fine (the page then shows `month` anyway). */
  problem: string | null;
};

/**
 * The month and day a calendar URL asks for (`?month=2026-11&day=2026-11-03`), the athlete's current month by
 * default. A day alone opens its month; a day outside the asked month is dropped. Malformed values never fail
 * the page: they fall back to the default and `problem` says what was wrong, so the page can tell the user.
 */
export function parseCalendarSelection(query: { month?: string; day?: string }, today: LocalDate): CalendarSelection {
  const problems: string[] = [];
  let month: CalendarMonth | null = null;
  if (query.month !== undefined && query.month !== "") {
    if (isCalendarMonth(query.month)) month = query.month;
    else problems.push(`"${query.month}" is not a month (expected YYYY-MM, e.g. ${toCalendarMonth(today)})`);
  }
  let day: LocalDate | null = null;
  if (query.day !== undefined && query.day !== "") {
    if (isLocalDate(query.day) && isCalendarMonth(toCalendarMonth(query.day))) day = query.day;
    else problems.push(`"${query.day}" is not a date (expected YYYY-MM-DD)`);
  }
  const resolved = month ?? (day ? toCalendarMonth(day) : toCalendarMonth(today));
  if (day && toCalendarMonth(day) !== resolved) day = null;
  return { month: resolved, day, problem: problems.length > 0 ? `${problems.join("; ")}. Showing ${resolved} instead.` : null };
}

/** Shading steps of a day's load; `rest` is a day without load. */
export type LoadBand = "rest" | "light" | "moderate" | "hard" | "very-hard";

/**
 * Lower bounds (AU, inclusive) of each band of the day's load (Polar cardio load or TRIMP, the daily load of
 * metrics.md §2). Fixed numbers rather than the athlete's own spread, so a legend can name them and two
 * months (or two athletes) shade alike: an easy hour is about 40–60, a hard session 100–200.
 */
export const LOAD_BANDS: readonly { band: Exclude<LoadBand, "rest">; from: number; label: string; steps: number }[] = [
  { band: "light", from: 0, label: "Light", steps: 1 },
  { band: "moderate", from: 50, label: "Moderate", steps: 2 },
  { band: "hard", from: 100, label: "Hard", steps: 3 },
  { band: "very-hard", from: 200, label: "Very hard", steps: 4 },
];

/** The band of a day's load: `rest` for no load (0 or none), else the highest band it reaches. */
export function toLoadBand(load: number | null): LoadBand {
  if (load === null || !(load > 0)) return "rest";
  let band: LoadBand = "light";
  for (const step of LOAD_BANDS) if (load >= step.from) band = step.band;
  return band;
}
