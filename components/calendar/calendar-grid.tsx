import Link from "next/link";
import { ADVICE_ICON } from "@/components/checkin/advice";
import { RISK_PRESENTATION } from "@/components/dashboard/risk-badge";
import { FOCUS_RING, joinClasses } from "@/components/ui/class-names";
import type { RiskLevel } from "@/lib/analytics";
import type { CalendarDayDTO } from "@/lib/dal/calendar/calendar";
import { formatSport } from "@/components/dashboard/session-table";
import { BAND_CLASS, describeBand, describeDay, formatSessionFigures, formatSleepHours, hasAdviceMarker } from "./describe";

const WEEKDAYS = [
  { short: "M", long: "Monday" },
  { short: "T", long: "Tuesday" },
  { short: "W", long: "Wednesday" },
  { short: "T", long: "Thursday" },
  { short: "F", long: "Friday" },
  { short: "S", long: "Saturday" },
  { short: "S", long: "Sunday" },
];

/** The flag's colour (with its icon, never alone). */
export const FLAG_TEXT: Record<RiskLevel, string> = { "insufficient-data": "text-muted", none: "text-ok", watch: "text-watch", elevated: "text-elevated", high: "text-high" };

/** Sessions a wide cell lists before "+N more". */
const SESSIONS_PER_CELL = 2;

/** Four pips, `steps` of them filled: the load band without colour. */
function LoadPips({ steps }: { steps: number }) {
  return (
    <span aria-hidden className="font-mono text-[10px] leading-none tracking-tighter" data-testid="calendar-pips" data-steps={steps}>
      {"▮".repeat(steps)}
      {"▯".repeat(4 - steps)}
    </span>
  );
}

function DayMarkers({ day }: { day: CalendarDayDTO }) {
  return (
    <span className="flex items-center gap-0.5 text-xs leading-none" aria-hidden>
      {day.flag ? (
        <span className={`rounded-sm bg-surface px-0.5 font-semibold ${FLAG_TEXT[day.flag.level]}`} data-testid="calendar-flag" data-level={day.flag.level}>
          {RISK_PRESENTATION[day.flag.level].icon}
        </span>
      ) : null}
      {hasAdviceMarker(day) && day.advice ? (
        <span className="rounded-sm border border-border bg-surface px-0.5 font-semibold" data-testid="calendar-advice" data-advice={day.advice.advice}>
          {ADVICE_ICON[day.advice.advice]}
        </span>
      ) : null}
    </span>
  );
}

function DayCell({ day, href, isSelected }: { day: CalendarDayDTO; href: string; isSelected: boolean }) {
  const dayNumber = Number(day.date.slice(8, 10));
  if (!day.inMonth) {
    return (
      <td className="h-12 border border-border p-1 align-top text-xs text-muted sm:h-24" data-testid="calendar-day-outside">
        {dayNumber}
      </td>
    );
  }
  const band = day.load?.band ?? "rest";
  const sessions = day.sessions ?? [];
  return (
    <td className={joinClasses("h-12 border border-border p-0 align-top sm:h-24", BAND_CLASS[band])} data-testid="calendar-day" data-date={day.date} data-band={band}>
      <Link
        href={href}
        scroll={false}
        aria-label={describeDay(day)}
        aria-current={isSelected ? "date" : undefined}
        className={joinClasses(
          "flex h-full min-w-0 flex-col gap-0.5 overflow-hidden p-1 text-fg",
          FOCUS_RING,
          isSelected && "outline-2 -outline-offset-2 outline-accent",
        )}
      >
        <span className="flex flex-wrap items-center justify-between gap-0.5">
          <span className={joinClasses("text-xs tabular-nums", day.isToday && "rounded-full bg-accent px-1 font-bold text-accent-fg")}>{dayNumber}</span>
          <DayMarkers day={day} />
        </span>
        {sessions.length > 0 ? (
          <span className="text-[10px] leading-tight sm:hidden" aria-hidden data-testid="calendar-session-count">
            {sessions.length}×
          </span>
        ) : null}
        <span className="hidden min-w-0 flex-col text-[11px] leading-tight sm:flex" aria-hidden>
          {sessions.slice(0, SESSIONS_PER_CELL).map((session) => (
            <span key={session.id} className="flex min-w-0 gap-1" data-testid="calendar-session">
              <span className="min-w-0 truncate">{formatSport(session.sport, session.detailedSport)}</span>
              <span className="shrink-0 tabular-nums">{formatSessionFigures(session)}</span>
            </span>
          ))}
          {sessions.length > SESSIONS_PER_CELL ? <span>+{sessions.length - SESSIONS_PER_CELL} more</span> : null}
          {day.sleep ? <span data-testid="calendar-sleep">☾ {formatSleepHours(day.sleep.actualMinutes)}</span> : null}
        </span>
        {day.load && day.load.band !== "rest" ? (
          <span className="mt-auto">
            <LoadPips steps={describeBand(day.load.band).steps} />
          </span>
        ) : null}
      </Link>
    </td>
  );
}

/**
 * The month grid: Monday-first weeks, one cell per athlete-local day. Wide screens list sessions and sleep in
 * the cell; at phone width a cell keeps its number, markers, session count and load pips (the day panel has
 * the rest), so seven columns fit 390 px. Each cell is a link opening that day's details.
 */
export function CalendarGrid({ weeks, hrefOf, selectedDay, caption }: { weeks: readonly CalendarDayDTO[][]; hrefOf: (date: string) => string; selectedDay: string | null; caption: string }) {
  return (
    <table className="w-full table-fixed border-collapse" data-testid="calendar-grid">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((weekday) => (
            <th key={weekday.long} scope="col" className="pb-1 text-xs font-medium text-muted">
              <abbr title={weekday.long} className="no-underline sm:hidden">
                {weekday.short}
              </abbr>
              <span className="hidden sm:inline">{weekday.long.slice(0, 3)}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0].date}>
            {week.map((day) => (
              <DayCell key={day.date} day={day} href={hrefOf(day.date)} isSelected={day.date === selectedDay} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
