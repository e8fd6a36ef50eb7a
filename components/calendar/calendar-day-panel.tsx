import type { ReactNode } from "react";
import Link from "next/link";
import { formatDayLong, formatMinutes, formatNumber } from "@/components/charts/format";
import { ADVICE_CLASS, ADVICE_ICON } from "@/components/checkin/advice";
import { EmptyDayExplainer } from "@/components/dashboard/empty-day";
import { RiskDetails } from "@/components/dashboard/risk-details";
import type { CalendarMonthDTO } from "@/lib/dal/calendar/calendar";
import { describeBand, describeSession } from "./describe";

function NotShared({ what }: { what: string }) {
  return <p className="text-sm italic text-muted">{what} not shared</p>;
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="space-y-1" data-testid={testId} aria-label={title}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/**
 * The open day of the calendar: its sessions (each linking to its session page), the day's load, the night's
 * sleep or why there is none, the flag with every reason, and the day's advice.
 */
export function CalendarDayPanel({
  selected,
  scopes,
  sessionHrefBase,
  reader,
  closeHref,
}: {
  selected: NonNullable<CalendarMonthDTO["selected"]>;
  scopes: CalendarMonthDTO["scopes"];
  sessionHrefBase: string;
  reader: "athlete" | "coach";
  closeHref: string;
}) {
  const { day, point, sleepGap } = selected;
  const has = (scope: CalendarMonthDTO["scopes"][number]) => scopes.includes(scope);
  return (
    <section id="calendar-day" className="min-w-0 space-y-3 rounded-lg border border-border bg-surface p-4" data-testid="calendar-day-panel" data-date={day.date} aria-labelledby="calendar-day-title">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="calendar-day-title" className="font-semibold">
          {formatDayLong(day.date)}
          {day.isToday ? " (today)" : ""}
        </h2>
        <Link href={closeHref} scroll={false} className="text-sm text-accent hover:underline">
          Close
        </Link>
      </div>
      {day.isFuture ? (
        <p className="text-sm text-muted">This day has not come yet.</p>
      ) : (
        <>
          <Section title="Sessions" testId="calendar-day-sessions">
            {day.sessions === null ? (
              <NotShared what="Training" />
            ) : day.sessions.length === 0 ? (
              <p className="text-sm text-muted">No sessions.</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {day.sessions.map((session) => (
                  <li key={session.id}>
                    <span className="text-muted tabular-nums">{session.startTimeLocal.slice(11, 16)} </span>
                    <Link href={`${sessionHrefBase}/${session.id}`} className="text-accent underline-offset-2 hover:underline" data-testid="calendar-session-link">
                      {describeSession(session)}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {day.load ? (
              <p className="text-sm" data-testid="calendar-day-load">
                Day load {formatNumber(day.load.value, 0)} AU ({describeBand(day.load.band).label.toLowerCase()})
                {day.load.source === "trimp" ? ", from TRIMP" : ""}
              </p>
            ) : null}
          </Section>
          <Section title="Sleep" testId="calendar-day-sleep">
            {!has("sleep") ? (
              <NotShared what="Sleep" />
            ) : day.sleep ? (
              <p className="text-sm">
                Slept {formatMinutes(day.sleep.actualMinutes)} in the night to this day
                {day.sleep.score !== null ? ` · sleep score ${day.sleep.score} / 100` : ""}
              </p>
            ) : sleepGap ? (
              <EmptyDayExplainer explanation={sleepGap} />
            ) : (
              <p className="text-sm text-muted">No night recorded.</p>
            )}
          </Section>
          <Section title="Flags" testId="calendar-day-flags">
            {!has("training") || !has("recovery") ? (
              <NotShared what="Flags (need training and recovery)" />
            ) : day.flag && point ? (
              <RiskDetails point={point} headingLevel={3} reader={reader} />
            ) : (
              <p className="text-sm text-muted">No flag this day.</p>
            )}
          </Section>
          <Section title="Advice" testId="calendar-day-advice">
            {!has("recovery") ? (
              <NotShared what="Advice (needs recovery)" />
            ) : day.advice ? (
              <div data-advice={day.advice.advice}>
                <p className="flex items-center gap-2 text-sm font-semibold">
                  <span aria-hidden className={`inline-flex h-5 w-5 items-center justify-center rounded-full text-xs text-bg ${ADVICE_CLASS[day.advice.advice]}`}>
                    {ADVICE_ICON[day.advice.advice]}
                  </span>
                  {day.advice.label}
                </p>
                {day.advice.reasons.length > 0 ? (
                  <ul className="mt-1 list-disc pl-6 text-sm">
                    {day.advice.reasons.map((reason) => (
                      <li key={`${reason.kind}-${reason.text}`}>{reason.text}</li>
                    ))}
                  </ul>
                ) : null}
                <p className="mt-1 text-xs text-muted">{day.advice.hasCheckIn ? "With that day's check-in." : "No check-in that day."}</p>
              </div>
            ) : (
              <p className="text-sm text-muted">No advice for this day.</p>
            )}
          </Section>
        </>
      )}
    </section>
  );
}
