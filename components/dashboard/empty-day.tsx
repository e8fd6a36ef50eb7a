import Link from "next/link";
import type { EmptyDayExplanationDTO } from "@/lib/dal/provenance";

/**
 * Why a day or night is empty, in one sentence with its fix (lib/dal/provenance.ts): the one explainer used by
 * the overview, Sleep, Activity, 24/7 HR and the roster. `data-reason` names the case for browser tests.
 */
export function EmptyDayExplainer({ explanation, testId = "empty-day-reason" }: { explanation: EmptyDayExplanationDTO; testId?: string }) {
  return (
    <p className="text-sm text-muted" data-testid={testId} data-reason={explanation.reason}>
      <span className="font-medium">Why: </span>
      {explanation.message}
      {explanation.link ? (
        <>
          {" "}
          <Link href={explanation.link.href} className="text-accent underline">
            {explanation.link.label}
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** A day view's empty box: what is missing, then why (when known), for Activity and 24/7 HR alike. */
export function EmptyDayBox({ message, explanation, testId }: { message: string; explanation: EmptyDayExplanationDTO | null; testId: string }) {
  return (
    <div className="space-y-2">
      <p className="rounded-md border border-dashed border-border p-4 text-center text-sm text-muted" data-testid={testId}>
        <span aria-hidden className="mr-1">
          ∅
        </span>
        {message}
      </p>
      {explanation ? <EmptyDayExplainer explanation={explanation} /> : null}
    </div>
  );
}

/**
 * Said above a day view that opened on an earlier day because today has nothing yet, with a link to today.
 * Renders nothing when the view shows today or the athlete asked for a day.
 */
export function TodayNoDataNotice({ shownDay, today, askedForDay, todayHref }: { shownDay: string; today: string; askedForDay: boolean; todayHref: string }) {
  if (askedForDay || shownDay === today) return null;
  return (
    <p role="status" className="rounded-md border border-border bg-surface px-3 py-2 text-sm" data-testid="today-no-data">
      Today has no data yet, so this shows {shownDay}, the latest day with data.{" "}
      <Link href={todayHref} className="text-accent underline" data-testid="today-no-data-link">
        Show today
      </Link>
    </p>
  );
}
