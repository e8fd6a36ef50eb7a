/**
 * Formatting shared by the charts. Dates are athlete-local `YYYY-MM-DD` strings and are formatted from their
 * digits, never through `new Date(...)`, so the viewer's browser time zone cannot move a day.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2026-03-04` → `Mar 4`. */
export function formatDayShort(date: string): string {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return `${MONTHS[month - 1] ?? "?"} ${day}`;
}

/** `2026-03-04` → `Wed 4 Mar 2026` (weekday from the civil date, Sakamoto's method). */
export function formatDayLong(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  const weekday =
    (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offsets[month - 1] + day) % 7;
  const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return `${names[weekday]} ${day} ${MONTHS[month - 1] ?? "?"} ${year}`;
}

/** A number with fixed decimals, or an em dash for "not computable" (never 0, NaN or Infinity). */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return value.toFixed(decimals);
}

export type DurationUnit = "seconds" | "milliseconds";

/**
 * A duration in words: `1 h 05 min` / `42 min` / `5 min 05 s` / `35 s`; an em dash when unknown. The one
 * duration formatter: session and zone times pass seconds (the default), sync runs pass milliseconds.
 */
export function formatDuration(amount: number | null | undefined, options: { unit?: DurationUnit } = {}): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return "—";
  const total = Math.round(options.unit === "milliseconds" ? amount / 1000 : amount);
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, "0")} min`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${String(rest).padStart(2, "0")} s`;
}

/** Minutes → `7 h 30 min`. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return "—";
  return formatDuration(minutes * 60);
}

/**
 * Wall-clock `HH:MM` of a UTC instant at a fixed offset (minutes east of UTC) — the athlete's clock that
 * night, not the viewer's.
 */
export function formatClock(utcMs: number, offsetMinutes: number): string {
  const local = new Date(utcMs + offsetMinutes * 60_000);
  return `${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`;
}

/**
 * An instant as `YYYY-MM-DD HH:MM UTC` (epoch ms or a Date; an em dash for none): account and sync facts are not
 * athlete-day data, so they are shown unambiguously whatever the viewer's browser zone.
 */
export function formatInstantUtc(instant: Date | number | null | undefined): string {
  if (instant === null || instant === undefined) return "—";
  return `${new Date(instant).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** Elapsed seconds → `m:ss` or `h:mm:ss` for session time axes. */
export function formatElapsed(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/**
 * rMSSD in ms from ln rMSSD. The analytics work on ln (metrics.md §8: means and SDs of the log); people read
 * rMSSD in ms, as Polar Flow shows it. Every HRV number shown to a person goes through this one conversion.
 */
export function toRmssdMs(lnRmssd: number | null | undefined): number | null {
  if (lnRmssd === null || lnRmssd === undefined || !Number.isFinite(lnRmssd)) return null;
  return Math.exp(lnRmssd);
}

/** ln rMSSD → `38 ms`, or `38 ms (lnRMSSD 3.64)` with `withLn` (details and tooltips); an em dash when unknown. */
export function formatHrv(lnRmssd: number | null | undefined, options: { withLn?: boolean; decimals?: number } = {}): string {
  const ms = toRmssdMs(lnRmssd);
  if (ms === null) return "—";
  const text = `${formatNumber(ms, options.decimals ?? 0)} ms`;
  return options.withLn ? `${text} (lnRMSSD ${formatNumber(lnRmssd, 2)})` : text;
}

/**
 * Decimals that tell two HRV values apart in ms: 0 as a rule, 1 when whole milliseconds would print a value and
 * the limit it crossed as the same number ("60 ms is below 60 ms").
 */
export function chooseHrvDecimals(lnA: number | null | undefined, lnB: number | null | undefined): number {
  return formatHrv(lnA) !== "—" && formatHrv(lnA) === formatHrv(lnB) ? 1 : 0;
}

/** A normal range given in ln rMSSD → `36–41 ms`. */
export function formatHrvRange(lowLn: number | null | undefined, highLn: number | null | undefined): string {
  const low = toRmssdMs(lowLn);
  const high = toRmssdMs(highLn);
  if (low === null || high === null) return "—";
  return `${formatNumber(low, 0)}–${formatNumber(high, 0)} ms`;
}

/** A signed number with a true minus sign (`−63.5`, `+6.1`), for values whose sign is the message. */
export function formatSigned(value: number | null | undefined, decimals = 0): string {
  const text = formatNumber(value, decimals);
  if (text === "—" || value === null || value === undefined) return text;
  if (text.startsWith("-")) return `−${text.slice(1)}`;
  return value > 0 && Number(text) !== 0 ? `+${text}` : text;
}
