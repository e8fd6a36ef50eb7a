/**
 * Day arithmetic on athlete-local dates (`YYYY-MM-DD`) with integers only: days since 1970-01-01 in the
 * proleptic Gregorian calendar (Hinnant's days_from_civil / civil_from_days), exact for every year and free of
 * time zones and DST. It imports nothing, so browser code that only shifts dates (range pickers, day pickers)
 * does not load the Temporal polyfill (about 20 kB gzipped); `dates.ts` re-exports these functions and keeps
 * Temporal for ISO weeks, ages and instants, so the project still has one date module.
 */

/** An athlete-local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month and day of a strict, existing `YYYY-MM-DD`, or null. */
function parseCivil(value: string): { year: number; month: number; day: number } | null {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `YYYY-MM-DD`, four-digit years; other years with a sign and six digits, as Temporal writes them. */
function formatCivil(year: number, month: number, day: number): LocalDate {
  const yearText = year >= 0 && year <= 9999 ? String(year).padStart(4, "0") : `${year < 0 ? "-" : "+"}${String(Math.abs(year)).padStart(6, "0")}`;
  return `${yearText}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True for a well-formed, existing calendar date such as `2024-02-29`. */
export function isLocalDate(value: string): boolean {
  return parseCivil(value) !== null;
}

/**
 * Days since 1970-01-01 for a local date.
 * @throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function toDayNumber(date: LocalDate): number {
  const civil = parseCivil(date);
  if (!civil) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return daysFromCivil(civil.year, civil.month, civil.day);
}

/** The local date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatCivil(year, month, day);
}

/** `date` shifted by `days` calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` shifted by whole years; 29 February lands on 28 February in a common year.
 * @throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function addYears(date: LocalDate, years: number): LocalDate {
  const civil = parseCivil(date);
  if (!civil) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const year = civil.year + years;
  return formatCivil(year, civil.month, Math.min(civil.day, daysInMonth(year, civil.month)));
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}
