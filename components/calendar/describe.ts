import { formatDayLong, formatDuration, formatMinutes, formatNumber } from "@/components/charts/format";
import { formatSport } from "@/components/dashboard/session-table";
import { RISK_PRESENTATION } from "@/components/dashboard/risk-badge";
import type { CalendarDayDTO, CalendarSessionDTO } from "@/lib/dal/calendar/calendar";
import { LOAD_BANDS, type LoadBand } from "@/lib/dal/calendar/month";

/**
 * Words and classes for the calendar. Every signal a cell shows by colour (the load shading, the flag's colour)
 * is also said in words: in the cell's accessible name and the legend, and by the load pips' count.
 */

/** Background tint per band, from the chart palette (light and dark themes alike); text stays `fg` on it. */
export const BAND_CLASS: Record<LoadBand, string> = {
  rest: "",
  light: "bg-[color-mix(in_srgb,var(--chart-1)_12%,var(--color-surface))]",
  moderate: "bg-[color-mix(in_srgb,var(--chart-1)_24%,var(--color-surface))]",
  hard: "bg-[color-mix(in_srgb,var(--chart-1)_38%,var(--color-surface))]",
  "very-hard": "bg-[color-mix(in_srgb,var(--chart-1)_52%,var(--color-surface))]",
};

/** The band's word and how many of the four pips it fills (0 on a rest day). */
export function describeBand(band: LoadBand): { label: string; steps: number } {
  const step = LOAD_BANDS.find((item) => item.band === band);
  return step ? { label: step.label, steps: step.steps } : { label: "Rest", steps: 0 };
}

/** `Light: under 50 AU`, `Moderate: 50–99 AU`, …, `Very hard: 200 AU or more`. */
export function describeBandRange(index: number): string {
  const step = LOAD_BANDS[index];
  const next = LOAD_BANDS[index + 1];
  if (!step) return "";
  if (index === 0 && next) return `under ${next.from} AU`;
  return next ? `${step.from}–${next.from - 1} AU` : `${step.from} AU or more`;
}

/** `Running 45 min · load 62` */
export function describeSession(session: CalendarSessionDTO): string {
  const load = session.load === null ? "" : ` · load ${formatNumber(session.load, 0)}${session.loadSource === "trimp" ? " (TRIMP)" : ""}`;
  return `${formatSport(session.sport, session.detailedSport)} ${formatDuration(session.durationSeconds)}${load}`;
}

/** A cell's short duration and load: `40m · 62`, `1h05 · 140` (the words are in the cell's label and the day panel). */
export function formatSessionFigures(session: CalendarSessionDTO): string {
  const minutes = Math.round(session.durationSeconds / 60);
  const duration = minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}`;
  return session.load === null ? duration : `${duration} · ${formatNumber(session.load, 0)}`;
}

/** Sleep in hours with one decimal, as a cell has room for: `7.3 h`. */
export function formatSleepHours(minutes: number): string {
  return `${formatNumber(minutes / 60, 1)} h`;
}

/** The accessible name of a day's cell: everything the cell shows, in words. */
export function describeDay(day: CalendarDayDTO): string {
  const parts = [formatDayLong(day.date) + (day.isToday ? " (today)" : "")];
  if (day.isFuture) return `${parts[0]}: not yet`;
  if (day.sessions !== null) {
    parts.push(day.sessions.length === 0 ? "no sessions" : `${day.sessions.length} session${day.sessions.length === 1 ? "" : "s"}: ${day.sessions.map(describeSession).join(", ")}`);
  }
  if (day.load) parts.push(`day load ${formatNumber(day.load.value, 0)} AU (${describeBand(day.load.band).label.toLowerCase()})`);
  if (day.sleep) parts.push(`slept ${formatMinutes(day.sleep.actualMinutes)}`);
  if (day.flag) parts.push(`flag: ${RISK_PRESENTATION[day.flag.level].word}`);
  if (hasAdviceMarker(day) && day.advice) parts.push(`advice: ${day.advice.label}`);
  return parts.join("; ");
}

/** Advice worth a marker on the grid: the days it asked for less (rest or easy), not "as planned". */
export function hasAdviceMarker(day: CalendarDayDTO): boolean {
  return day.advice?.advice === "rest" || day.advice?.advice === "easy";
}
