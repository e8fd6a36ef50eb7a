/**
 * Day arithmetic on the athlete's local calendar dates (`YYYY-MM-DD`).
 *
 * Dates are handled as plain civil dates converted to a day number (days since 1970-01-01) with integer
 * arithmetic, so neither the server's nor the viewer's time zone can shift a day, and DST never applies.
 */

/** An athlete-local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a well-formed, existing calendar date such as `2024-02-29`. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Days since 1970-01-01 for a local date (Howard Hinnant's `days_from_civil`).
 * @throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function toDayNumber(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** The local date of a day number (inverse of `toDayNumber`, Hinnant's `civil_from_days`). */
export function fromDayNumber(dayNumber: number): LocalDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`day number must be an integer: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** `date` shifted by `days` calendar days (negative goes back). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function diffDays(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Every calendar day from `from` to `to`, both inclusive; empty when `to` is before `from`. */
export function listDays(from: LocalDate, to: LocalDate): LocalDate[] {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const days: LocalDate[] = [];
  for (let n = start; n <= end; n += 1) days.push(fromDayNumber(n));
  return days;
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function getIsoWeekday(date: LocalDate): number {
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * First day of the week containing `date`.
 * @param weekStartsOn ISO weekday the week starts on: 1 = Monday (default) … 7 = Sunday.
 */
export function getWeekStart(date: LocalDate, weekStartsOn = 1): LocalDate {
  const offset = (getIsoWeekday(date) - weekStartsOn + 7) % 7;
  return addDays(date, -offset);
}

/** Whole years between a birth date and a reference date (both local), as on a birthday card. */
export function computeAgeYears(birthday: LocalDate, onDate: LocalDate): number {
  if (!isLocalDate(birthday) || !isLocalDate(onDate)) throw new RangeError("dates must be YYYY-MM-DD");
  const by = Number(birthday.slice(0, 4));
  const oy = Number(onDate.slice(0, 4));
  const hadBirthday = onDate.slice(5) >= birthday.slice(5);
  return oy - by - (hadBirthday ? 0 : 1);
}
