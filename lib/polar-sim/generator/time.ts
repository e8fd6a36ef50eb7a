/**
 * Time helpers. Everything internal is epoch milliseconds (UTC); athletes' local clocks come from a
 * `TimeZoneRule`. Formats follow `shared/polar-accesslink.md` §1.4 field by field.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** An athlete's UTC offset (minutes) at any instant. */
export type TimeZoneRule = {
  getOffsetAt(utcMs: number): number;
};

export function createFixedZone(offsetMinutes: number): TimeZoneRule {
  return { getOffsetAt: () => offsetMinutes };
}

/** Epoch day (days since 1970-01-01) of the n-th `weekday` (0 = Sunday) of a UTC month. */
function findNthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): number {
  const first = Date.UTC(year, month, 1) / DAY_MS;
  const firstWeekday = (((first + 4) % 7) + 7) % 7;
  return first + ((weekday - firstWeekday + 7) % 7) + 7 * (n - 1);
}

/**
 * US daylight-saving rule: `standard` minutes (e.g. −300) from the first Sunday of November 02:00 local until
 * the second Sunday of March 02:00 local, `standard + 60` in between.
 */
export function createUsDstZone(standardOffsetMinutes: number): TimeZoneRule {
  const daylight = standardOffsetMinutes + 60;
  return {
    getOffsetAt(utcMs) {
      const year = new Date(utcMs).getUTCFullYear();
      const start = findNthWeekdayOfMonth(year, 2, 0, 2) * DAY_MS + 2 * HOUR_MS - standardOffsetMinutes * MINUTE_MS;
      const end = findNthWeekdayOfMonth(year, 10, 0, 1) * DAY_MS + 2 * HOUR_MS - daylight * MINUTE_MS;
      return utcMs >= start && utcMs < end ? daylight : standardOffsetMinutes;
    },
  };
}

/** UTC instant of a local wall-clock time: `localMs` is epoch ms as if the local clock were UTC. */
export function toUtc(zone: TimeZoneRule, localMs: number): number {
  const guess = localMs - zone.getOffsetAt(localMs) * MINUTE_MS;
  return localMs - zone.getOffsetAt(guess) * MINUTE_MS;
}

export function toLocalMs(zone: TimeZoneRule, utcMs: number): number {
  return utcMs + zone.getOffsetAt(utcMs) * MINUTE_MS;
}

export function toEpochDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`invalid date ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

export function formatEpochDay(epochDay: number): string {
  return new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
}

/** Monday = 0 … Sunday = 6. */
export function getWeekday(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

const padTwoDigits = (n: number): string => String(n).padStart(2, "0");

/** `2024-05-02T18:05:00` — a local wall-clock time without offset (exercise `start-time`). */
export function formatLocalDateTime(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * MINUTE_MS).toISOString().slice(0, 19);
}

/** `+03:00` / `-04:00` */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${padTwoDigits(Math.floor(abs / 60))}:${padTwoDigits(abs % 60)}`;
}

/** `2024-05-02T23:12:30+03:00` (sleep start/end). */
export function formatLocalWithOffset(utcMs: number, offsetMinutes: number): string {
  return formatLocalDateTime(utcMs, offsetMinutes) + formatOffset(offsetMinutes);
}

/** `2024-05-02T16:21:09.000Z` */
export function formatUtcMillis(utcMs: number): string {
  return new Date(utcMs).toISOString();
}

/** `2024-04-01T07:45:12Z` */
export function formatUtcSeconds(utcMs: number): string {
  return new Date(Math.floor(utcMs / 1000) * 1000).toISOString().slice(0, 19) + "Z";
}

/** `"23:42"` local clock key of the sleep / Nightly Recharge maps. */
export function formatClockMinute(utcMs: number, offsetMinutes: number): string {
  return new Date(utcMs + offsetMinutes * MINUTE_MS).toISOString().slice(11, 16);
}

/** ISO-8601 duration from whole seconds: `PT1H2M45S`, `PT0S`. */
export function formatIsoDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s === 0) return "PT0S";
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${sec ? `${sec}S` : ""}`;
}

/** ISO duration without hours, as the transactional zone samples write it (`PT60M`, `PT41M20S`). */
export function formatMinuteDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.round(totalSeconds));
  const m = Math.floor(s / 60);
  const sec = s % 60;
  if (m === 0) return `PT${sec}S`;
  return `PT${m}M${sec ? `${sec}S` : ""}`;
}

/** `HH:MM:SS` of a local second-of-day. */
export function formatClockSeconds(secondOfDay: number): string {
  const s = Math.floor(secondOfDay);
  return `${padTwoDigits(Math.floor(s / 3600))}:${padTwoDigits(Math.floor((s % 3600) / 60))}:${padTwoDigits(s % 60)}`;
}

export function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
