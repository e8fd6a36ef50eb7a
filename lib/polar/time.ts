/**
 * Parsers for AccessLink's time formats, one rule per field (polar-accesslink.md §1.4). Pure functions: no clock,
 * no time-zone database — every instant is computed from the numbers Polar sends. Malformed input throws a
 * RangeError naming the value's format (never the surrounding payload).
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const DURATION_RE = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** True when `value` is an ISO-8601 duration of the kind Polar sends (`PT1H2M45S`, `PT210.026S`, `P1DT2H`). */
export function isIsoDuration(value: string): boolean {
  const match = DURATION_RE.exec(value);
  if (!match) return false;
  // "P" and "PT" alone match the pattern but carry no component.
  return match.slice(1).some((part) => part !== undefined);
}

/** ISO-8601 duration → seconds (fractional seconds kept): `PT1H2M45.5S` → 3765.5, `PT210.026S` → 210.026. */
export function parseIsoDuration(value: string): number {
  const match = DURATION_RE.exec(value);
  if (!match || !isIsoDuration(value)) throw new RangeError("not an ISO-8601 duration");
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * 86_400 + Number(hours ?? 0) * 3600 + Number(minutes ?? 0) * 60 + Number(seconds ?? 0);
  // Rounded to microseconds so that `PT210.026S` is exactly 210.026 and not 210.02599999999998.
  return Math.round(total * 1e6) / 1e6;
}

type DateTimeParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Explicit zone suffix: minutes east of UTC; `null` when the string has none. */
  zoneMinutes: number | null;
};

const DATE_TIME_RE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})T(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function fractionToMs(fraction: string | undefined): number {
  // ".57" is 570 ms, ".000" 0 ms; more than 3 digits are rounded to the millisecond.
  return fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
}

function parseZone(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  return sign * (hours * 60 + minutes);
}

/** Lenient on digit counts (Polar's own example has `T10:40:0.000Z`), strict on ranges. */
function parseDateTimeParts(value: string): DateTimeParts | null {
  const match = DATE_TIME_RE.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const parts: DateTimeParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
    ms: fractionToMs(frac),
    zoneMinutes: zone === undefined ? null : parseZone(zone),
  };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return null;
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 60) return null;
  if (parts.zoneMinutes !== null && Math.abs(parts.zoneMinutes) > 18 * 60) return null;
  // Reject impossible calendar days such as 2024-02-31 instead of letting Date.UTC roll them over.
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (check.getUTCDate() !== parts.day) return null;
  return parts;
}

/** Wall-clock fields read as if they were UTC: the "local epoch" of a local date-time. */
function wallClockMs(parts: DateTimeParts): number {
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function toDateString(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getUTCFullYear()).padStart(4, "0")}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function toLocalMinuteString(wallMs: number): string {
  const d = new Date(wallMs);
  return `${toDateString(wallMs)}T${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

/**
 * Exercise `start-time` / `start_time` (the watch's local clock, no offset) plus `start-time-utc-offset`
 * (minutes east of UTC) → UTC. UTC = local − offset: `("2024-05-02T18:05:00", 180)` → 15:05Z, local date
 * 2024-05-02. If a start string ever does carry its own zone suffix, that suffix is authoritative and the
 * separate offset is not applied again (an offset is never applied twice).
 */
export function exerciseStartToUtc(startTime: string, utcOffsetMinutes: number): { utcMs: number; localDate: string } {
  const parts = parseDateTimeParts(startTime);
  if (!parts) throw new RangeError("not a local date-time (YYYY-MM-DDTHH:MM[:SS[.fff]])");
  if (!Number.isFinite(utcOffsetMinutes)) throw new RangeError("UTC offset must be a finite number of minutes");
  const localDate = `${String(parts.year).padStart(4, "0")}-${pad2(parts.month)}-${pad2(parts.day)}`;
  const offset = parts.zoneMinutes ?? utcOffsetMinutes;
  return { utcMs: wallClockMs(parts) - offset * MINUTE_MS, localDate };
}

/**
 * A local date-time with its offset (sleep `sleep_start_time`, `sleep_end_time`, sleep-available times):
 * `"2024-05-02T23:12:30+03:00"` → 20:12:30Z, offset 180, local date 2024-05-02. `Z` counts as offset 0.
 */
export function parseOffsetDateTime(value: string): { utcMs: number; offsetMinutes: number; localDate: string } {
  const parts = parseDateTimeParts(value);
  if (!parts || parts.zoneMinutes === null) throw new RangeError("not a date-time with offset (…±HH:MM)");
  const localDate = `${String(parts.year).padStart(4, "0")}-${pad2(parts.month)}-${pad2(parts.day)}`;
  return { utcMs: wallClockMs(parts) - parts.zoneMinutes * MINUTE_MS, offsetMinutes: parts.zoneMinutes, localDate };
}

/**
 * UTC written without `Z` (SleepWise, biosensing, observed error timestamps), optional fraction:
 * `"2024-05-02T20:12:30.57"` → epoch ms of 20:12:30.570Z. A trailing `Z` is tolerated; any other offset is
 * rejected because these fields are documented as UTC.
 */
export function parseUtcNoZ(value: string): number {
  const parts = parseDateTimeParts(value);
  if (!parts || (parts.zoneMinutes !== null && parts.zoneMinutes !== 0)) {
    throw new RangeError("not a UTC date-time without offset");
  }
  return wallClockMs(parts);
}

/**
 * UTC instants (`upload-time`, `created`, `registration-date`, webhook and error timestamps), parsed leniently:
 * single-digit fields (`…T10:40:0.000Z`, Polar's own malformed example), 2-digit fractions, a missing `Z`, or an
 * explicit offset (honoured) are all accepted.
 */
export function parseUtcTimestamp(value: string): number {
  const parts = parseDateTimeParts(value);
  if (!parts) throw new RangeError("not a UTC timestamp");
  return wallClockMs(parts) - (parts.zoneMinutes ?? 0) * MINUTE_MS;
}

/** True when `parseUtcTimestamp` accepts the value (used by the schemas). */
export function isUtcTimestamp(value: string): boolean {
  return parseDateTimeParts(value) !== null;
}

/** True for a local date-time without zone (`2024-05-02T18:05:00`, `2024-05-02T07:02`). */
export function isLocalDateTime(value: string): boolean {
  const parts = parseDateTimeParts(value);
  return parts !== null && parts.zoneMinutes === null;
}

/** True for a date-time that carries an explicit offset or `Z`. */
export function isOffsetDateTime(value: string): boolean {
  const parts = parseDateTimeParts(value);
  return parts !== null && parts.zoneMinutes !== null;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a valid calendar date `YYYY-MM-DD` (path/query dates, `date` fields). */
export function isIsoDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

const CLOCK_KEY_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for an `"HH:MM"` key of the sleep and Nightly Recharge maps. */
export function isClockKey(value: string): boolean {
  return CLOCK_KEY_RE.test(value);
}

const CLOCK_TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d+))?)?$/;

/**
 * A local clock time of day → seconds after local midnight, fraction kept: continuous-HR `sample_time`
 * `"00:03:11"` → 191, transactional sample `time` `"13:00:00.000"` → 46800.
 */
export function parseClockTime(value: string): number {
  const match = CLOCK_TIME_RE.exec(value);
  if (!match) throw new RangeError("not a clock time (HH:MM[:SS[.fff]])");
  const [, h, m, s, frac] = match;
  return Number(h) * 3600 + Number(m) * 60 + Number(s ?? 0) + fractionToMs(frac) / 1000;
}

/** True when `parseClockTime` accepts the value. */
export function isClockTime(value: string): boolean {
  return CLOCK_TIME_RE.test(value);
}

export type UnwrappedPoint<T> = {
  /** Epoch ms of the key's minute. */
  utcMs: number;
  /** The unwrapped local wall-clock minute, `YYYY-MM-DDTHH:MM` (the date says which side of midnight). */
  localTime: string;
  value: T;
};

/**
 * Unwraps an `"HH:MM"`-keyed map (sleep `hypnogram`, `heart_rate_samples`; Nightly Recharge `hrv_samples`,
 * `breathing_samples`) against the night's `sleep_start_time` (local time with offset), §1.4:
 * each key is placed on the start's calendar date; a key earlier than the start's clock time **truncated to the
 * minute** belongs to the next day (start `23:12:30` → key `"23:12"` stays on the start date, `"00:47"` moves to
 * the next). The keys are wall-clock times in the start's offset. Sorted by the unwrapped instant; JSON key
 * order is never relied on.
 */
export function unwrapClockMap<T>(map: Readonly<Record<string, T>>, sleepStartTime: string): UnwrappedPoint<T>[] {
  const start = parseDateTimeParts(sleepStartTime);
  if (!start || start.zoneMinutes === null) throw new RangeError("sleep start is not a date-time with offset");
  const offsetMinutes = start.zoneMinutes;
  const startDateWallMs = Date.UTC(start.year, start.month - 1, start.day);
  const startMinuteOfDay = start.hour * 60 + start.minute;

  const points: UnwrappedPoint<T>[] = [];
  for (const [key, value] of Object.entries(map)) {
    const match = CLOCK_KEY_RE.exec(key);
    if (!match) throw new RangeError("map key is not an HH:MM clock time");
    const minuteOfDay = Number(match[1]) * 60 + Number(match[2]);
    const dayShift = minuteOfDay < startMinuteOfDay ? DAY_MS : 0;
    const wallMs = startDateWallMs + dayShift + minuteOfDay * MINUTE_MS;
    points.push({ utcMs: wallMs - offsetMinutes * MINUTE_MS, localTime: toLocalMinuteString(wallMs), value });
  }
  return points.sort((a, b) => a.utcMs - b.utcMs);
}

/**
 * An exercise sample `data` string → numbers, with `null` for a missing value (a sensor that was offline).
 * Missing values appear as empty fields (`598,,611`) or the word `null` (§5.2, U22). `""` → `[]`.
 * Values are returned as sent (an HR of 0 stays 0; treating HR ≤ 0 as missing is the analytics' job).
 */
export function parseSampleData(data: string): (number | null)[] {
  const values: (number | null)[] = [];
  if (data.trim() === "") return values;
  // One pass with indexOf/slice: a 2-hour session is ~7,000 fields per series, parsed once per item.
  let start = 0;
  for (;;) {
    const comma = data.indexOf(",", start);
    const end = comma === -1 ? data.length : comma;
    values.push(parseSampleField(data.slice(start, end)));
    if (comma === -1) return values;
    start = comma + 1;
  }
}

function parseSampleField(field: string): number | null {
  // `Number` trims whitespace itself; it reads a blank field as 0, which is why 0 is checked against blanks.
  const n = Number(field);
  if (n !== 0 && Number.isFinite(n)) return n;
  if (n === 0) return field.trim() === "" ? null : 0;
  if (field.trim().toLowerCase() === "null") return null;
  throw new RangeError("sample data holds a non-numeric value");
}
