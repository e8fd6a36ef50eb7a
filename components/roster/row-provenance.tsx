import { EmptyDayExplainer } from "@/components/dashboard/empty-day";
import type { RosterRowDTO } from "@/lib/dal/roster/roster";

/**
 * How far a roster row's data goes and, when today is empty, why (the explainer the athlete's own pages use,
 * said about the athlete). "Data to" and "last night" are the same days the coach's and the athlete's
 * overviews show (lib/dal/overview/recent.ts).
 */
export function RowProvenance({ row }: { row: RosterRowDTO }) {
  const parts = [row.dataThrough ? `data to ${row.dataThrough}` : null, row.lastNight ? `last night ${row.lastNight}` : null].filter(Boolean);
  return (
    <div className="space-y-0.5 text-xs" data-testid="row-provenance">
      {parts.length > 0 ? <p className="text-muted">{parts.join(" · ")}</p> : null}
      {row.gap ? (
        <div className="max-w-64 [&_p]:text-xs">
          <EmptyDayExplainer explanation={row.gap} testId="row-gap-reason" />
        </div>
      ) : null}
    </div>
  );
}
