import Link from "next/link";
import { formatDayShort } from "@/components/charts/format";
import type { Advice, AdviceReasonKind } from "@/lib/analytics/advice";
import type { DailyPointDTO } from "@/lib/dal/dto";

/**
 * Today's advice (metrics.md §13.2) and the advice history row. Plain components (no hooks), so the overview
 * (server) and the Recovery panels (client) render the same markup from the series points.
 */

export const ADVICE_CLASS: Record<Advice, string> = {
  "as-planned": "bg-ok",
  easy: "bg-watch",
  rest: "bg-high",
  "not-enough-data": "bg-border",
};

export const ADVICE_ICON: Record<Advice, string> = { "as-planned": "✓", easy: "~", rest: "!", "not-enough-data": "?" };

/** Where the flag or the chart behind each kind of reason is, under `base` (`/dashboard` or a coach's athlete path). */
function reasonHref(kind: AdviceReasonKind, base: string, checkInHref: string | null): string | null {
  switch (kind) {
    case "risk-high":
    case "risk-elevated":
      return `${base}/recovery#flag-timeline`;
    case "hrv-chronic":
    case "hrv-acute":
    case "rhr-persistent":
    case "baseline-progress":
      return `${base}/recovery`;
    case "short-sleep":
      return `${base}/sleep`;
    case "illness":
    case "check-in":
      return checkInHref;
  }
}

/** The day's advice in words, each reason with its numbers and a link to what it comes from. */
export function AdviceSummary({ point, base, checkInHref = null }: { point: DailyPointDTO | null; base: string; checkInHref?: string | null }) {
  const advice = point?.advice ?? null;
  if (!advice) {
    return (
      <p className="text-sm text-muted" data-testid="advice" data-advice="none">
        No advice yet — it needs a synced day.
      </p>
    );
  }
  return (
    <div data-testid="advice" data-advice={advice.advice}>
      <p className="flex items-center gap-2 text-lg font-semibold">
        <span aria-hidden className={`inline-flex h-6 w-6 items-center justify-center rounded-full text-sm text-bg ${ADVICE_CLASS[advice.advice]}`}>
          {ADVICE_ICON[advice.advice]}
        </span>
        <span data-testid="advice-label">{advice.label}</span>
      </p>
      {advice.reasons.length > 0 ? (
        <ul className="mt-1 list-disc pl-6 text-sm" data-testid="advice-reasons">
          {advice.reasons.map((reason) => {
            const href = reasonHref(reason.kind, base, checkInHref);
            return (
              <li key={`${reason.kind}-${reason.text}`} data-kind={reason.kind}>
                {href ? (
                  <Link href={href} className="text-accent underline-offset-2 hover:underline">
                    {reason.text}
                  </Link>
                ) : (
                  reason.text
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      {!advice.hasCheckIn ? (
        <p className="mt-1 text-xs text-muted" data-testid="advice-no-check-in">
          No check-in today.
        </p>
      ) : null}
      <p className="mt-1 text-xs text-muted">A prompt from your data and check-in, never a prescription or a diagnosis.</p>
    </div>
  );
}

/** One cell per day with that day's advice (as it was given then); hover or focus shows the reasons. */
export function AdviceRow({ points }: { points: readonly DailyPointDTO[] }) {
  const days = points.filter((point) => point.advice !== null);
  if (days.length === 0) return null;
  return (
    <div data-testid="advice-row" className="mt-3">
      <p className="text-xs font-medium text-muted">Advice history</p>
      <ol className="mt-1 flex flex-wrap gap-0.5" aria-label="Advice per day">
        {days.map((point) => {
          const advice = point.advice;
          if (!advice) return null;
          const check = point.checkIn ? `${point.checkIn.illness ? " · illness reported" : " · checked in"}${point.checkIn.note ? ` · note: ${point.checkIn.note}` : ""}` : "";
          const label = `${formatDayShort(point.date)}: ${advice.label}${advice.reasons.length > 0 ? ` (${advice.reasons.map((r) => r.text).join("; ")})` : ""}${check}`;
          return (
            <li
              key={point.date}
              className={`flex h-5 w-5 items-center justify-center rounded-sm text-[10px] leading-none text-bg ${ADVICE_CLASS[advice.advice]}`}
              title={label}
              data-testid="advice-day"
              data-date={point.date}
              data-advice={advice.advice}
            >
              <span aria-hidden>{ADVICE_ICON[advice.advice]}</span>
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
