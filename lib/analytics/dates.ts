import { Temporal } from "temporal-polyfill";
import { addDays, fromDayNumber, isLocalDate, toDayNumber, type LocalDate } from "./civil-days";

export { addDays, addYears, diffDays, fromDayNumber, isLocalDate, toDayNumber, type LocalDate } from "./civil-days";

/**
 * The project's one date module: calendar arithmetic on the athlete's local dates (`YYYY-MM-DD`), ISO weeks,
 * ages, and the local date of a UTC instant at a fixed offset. Day arithmetic (day numbers, adding days and
 * years, validation) is integer-only in `civil-days.ts`, re-exported here, so browser code can use it without
 * the polyfill; the rest goes through Temporal (`temporal-polyfill`, imported as a module so the global scope
 * is untouched): a `PlainDate` has no time zone, so neither the server's nor the viewer's zone can shift a day
 * and DST never applies.
 *
 * Polar's own timestamp formats are parsed leniently in `lib/polar/time.ts`; this module takes clean dates.
 *
 * Pure: no clock is read. The cache below only memoizes parsing (a date string always maps to the same day),
 * because series loops call it per day and the polyfill costs microseconds per call.
 */

/** An ISO 8601 week: the week (Monday start) belongs to the year of its Thursday. */
export type IsoWeek = { year: number; week: number };

const LOCAL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** Bound on each memo; a dashboard touches a few thousand distinct days at most. */
const MEMO_LIMIT = 20_000;

const plainDates = new Map<string, Temporal.PlainDate>();

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The `PlainDate` of a strict `YYYY-MM-DD`, or null (Temporal alone would also accept `20240203`, times, …). */
function parsePlainDate(value: string): Temporal.PlainDate | null {
  const cached = plainDates.get(value);
  if (cached) return cached;
  if (!LOCAL_DATE_PATTERN.test(value)) return null;
  try {
    return remember(plainDates, value, Temporal.PlainDate.from(value, { overflow: "reject" }));
  } catch {
    return null;
  }
}

/**
 * A local date as a Temporal `PlainDate`.
 * @throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function toPlainDate(date: LocalDate): Temporal.PlainDate {
  const plain = parsePlainDate(date);
  if (!plain) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return plain;
}

/** `YYYY-MM-DD` of a `PlainDate` (four-digit years; Temporal writes others with a sign). */
function fromPlainDate(date: Temporal.PlainDate): LocalDate {
  return date.toString();
}

/** Every calendar day from `from` to `to`, both inclusive; empty when `to` is before `from`. */
export function listDays(from: LocalDate, to: LocalDate): LocalDate[] {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const days: LocalDate[] = [];
  for (let n = start; n <= end; n += 1) days.push(fromDayNumber(n));
  return days;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday. */
export function getIsoWeekday(date: LocalDate): number {
  return toPlainDate(date).dayOfWeek;
}

/**
 * First day of the week containing `date`.
 * @param weekStartsOn ISO weekday the week starts on: 1 = Monday (default) … 7 = Sunday.
 */
export function getWeekStart(date: LocalDate, weekStartsOn = 1): LocalDate {
  const offset = (getIsoWeekday(date) - weekStartsOn + 7) % 7;
  return addDays(date, -offset);
}

/** ISO 8601 week of a local date (2021-01-03 is in 2020-W53). */
export function getIsoWeek(date: LocalDate): IsoWeek {
  const plain = toPlainDate(date);
  const year = plain.yearOfWeek;
  const week = plain.weekOfYear;
  if (year === undefined || week === undefined) throw new RangeError(`no ISO week for ${date}`);
  return { year, week };
}

/** Monday of ISO week `week` of `year` (week 1 holds 4 January). */
export function getIsoWeekStart(week: IsoWeek): LocalDate {
  const jan4 = Temporal.PlainDate.from({ year: week.year, month: 1, day: 4 });
  return fromPlainDate(jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: week.week - 1 }));
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
export function countIsoWeeks(year: number): number {
  return Temporal.PlainDate.from({ year, month: 12, day: 28 }).weekOfYear ?? 52;
}

/** Whole years between a birth date and a reference date (both local), as on a birthday card. */
export function computeAgeYears(birthday: LocalDate, onDate: LocalDate): number {
  if (!isLocalDate(birthday) || !isLocalDate(onDate)) throw new RangeError("dates must be YYYY-MM-DD");
  // Temporal counts a 29 February birthday as reached on 1 March in a common year.
  return toPlainDate(birthday).until(toPlainDate(onDate), { largestUnit: "years" }).years;
}

/**
 * The local calendar date of a UTC instant on a clock `offsetMinutes` east of UTC (the athlete's last known
 * offset). A fixed offset, not a zone: Polar reports offsets, so DST arrives as a new offset, not a rule.
 */
export function toLocalDateAt(epochMs: number, offsetMinutes: number): LocalDate {
  return fromPlainDate(Temporal.Instant.fromEpochMilliseconds(epochMs + offsetMinutes * 60_000).toZonedDateTimeISO("UTC").toPlainDate());
}
