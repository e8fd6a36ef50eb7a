import Link from "next/link";
import { ADVICE_ICON } from "@/components/checkin/advice";
import { RISK_PRESENTATION } from "@/components/dashboard/risk-badge";
import type { CalendarMonthDTO } from "@/lib/dal/calendar/calendar";
import { LOAD_BANDS } from "@/lib/dal/calendar/month";
import { CalendarDayPanel } from "./calendar-day-panel";
import { CalendarGrid, FLAG_TEXT } from "./calendar-grid";
import { BAND_CLASS, describeBandRange } from "./describe";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2026-11` → `November 2026`. */
export function formatMonth(month: string): string {
  return `${MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? "?"} ${month.slice(0, 4)}`;
}

function Legend({ scopes }: { scopes: CalendarMonthDTO["scopes"] }) {
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-2 text-xs" data-testid="calendar-legend">
      {scopes.includes("training") ? (
        <div>
          <p className="font-medium">Day load (shading and pips)</p>
          <ul className="mt-1 flex flex-wrap gap-1">
            {LOAD_BANDS.map((step, index) => (
              <li key={step.band} className={`rounded-sm border border-border px-1.5 py-0.5 text-fg ${BAND_CLASS[step.band]}`}>
                <span aria-hidden className="font-mono">{"▮".repeat(step.steps)} </span>
                {step.label}: {describeBandRange(index)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <p className="font-medium">Markers</p>
        <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {scopes.includes("training") && scopes.includes("recovery")
            ? (["watch", "elevated", "high"] as const).map((level) => (
                <li key={level}>
                  <span aria-hidden className={`font-semibold ${FLAG_TEXT[level]}`}>
                    {RISK_PRESENTATION[level].icon}
                  </span>{" "}
                  {RISK_PRESENTATION[level].word} flag
                </li>
              ))
            : null}
          {scopes.includes("recovery") ? (
            <>
              <li>
                <span aria-hidden className="rounded-sm border border-border px-0.5 font-semibold">{ADVICE_ICON.easy}</span> advice: keep it easy
              </li>
              <li>
                <span aria-hidden className="rounded-sm border border-border px-0.5 font-semibold">{ADVICE_ICON.rest}</span> advice: rest or recover
              </li>
            </>
          ) : null}
          {scopes.includes("sleep") ? <li>☾ hours slept the night before</li> : null}
        </ul>
      </div>
    </div>
  );
}

/**
 * The month calendar with its navigation (the month and the open day live in the URL: `?month=2026-11&day=…`),
 * the legend and the open day's panel. `basePath` is the calendar's page; `sessionHrefBase` where session
 * pages live for this viewer; `reader` words the flags for the athlete or the coach.
 */
export function CalendarView({
  calendar,
  basePath,
  sessionHrefBase,
  reader,
}: {
  calendar: CalendarMonthDTO;
  basePath: string;
  sessionHrefBase: string;
  reader: "athlete" | "coach";
}) {
  const monthHref = (month: string) => `${basePath}?month=${month}`;
  const dayHref = (date: string) => `${basePath}?month=${calendar.month}&day=${date}#calendar-day`;
  const currentMonth = calendar.today.slice(0, 7);
  return (
    <div className="space-y-4" data-testid="calendar" data-month={calendar.month}>
      {calendar.problem ? (
        <p role="alert" className="rounded-md border border-high px-3 py-2 text-sm" data-testid="calendar-problem">
          {calendar.problem}
        </p>
      ) : null}
      <nav aria-label="Month" className="flex flex-wrap items-center gap-2">
        <Link href={monthHref(calendar.previousMonth)} className="rounded-md border border-border px-2 py-1 text-sm hover:bg-bg" data-testid="calendar-previous">
          ← <span className="sr-only">Previous month, </span>
          {formatMonth(calendar.previousMonth)}
        </Link>
        <h2 className="px-2 text-lg font-semibold" data-testid="calendar-month-title" aria-live="polite">
          {formatMonth(calendar.month)}
        </h2>
        <Link href={monthHref(calendar.nextMonth)} className="rounded-md border border-border px-2 py-1 text-sm hover:bg-bg" data-testid="calendar-next">
          <span className="sr-only">Next month, </span>
          {formatMonth(calendar.nextMonth)} →
        </Link>
        {calendar.month !== currentMonth ? (
          <Link href={basePath} className="text-sm text-accent hover:underline" data-testid="calendar-this-month">
            This month
          </Link>
        ) : null}
      </nav>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-3">
          <CalendarGrid weeks={calendar.weeks} hrefOf={dayHref} selectedDay={calendar.selected?.day.date ?? null} caption={`${formatMonth(calendar.month)}: one cell per day, Monday first`} />
          <Legend scopes={calendar.scopes} />
        </div>
        {calendar.selected ? (
          <CalendarDayPanel selected={calendar.selected} scopes={calendar.scopes} sessionHrefBase={sessionHrefBase} reader={reader} closeHref={monthHref(calendar.month)} />
        ) : (
          <p className="text-sm text-muted" data-testid="calendar-day-hint">
            Pick a day for its sessions, sleep, flags and advice.
          </p>
        )}
      </div>
    </div>
  );
}
