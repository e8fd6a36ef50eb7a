import { ChartFrame } from "@/components/charts/chart-frame";
import { WeeklyHoursPlot, ZoneComparePlot } from "./lazy-plots";
import type { HoursRow, ZoneCompareRow } from "@/components/charts/types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { HoursRow, ZoneCompareRow } from "@/components/charts/types";

/** Training time per ISO week: the report's week and the 12 before it. */
export function WeeklyHoursChart({ weeks, currentWeek }: { weeks: readonly { week: string; hours: number | null }[]; currentWeek: string }) {
  const rows: HoursRow[] = weeks.map((week) => ({ ...week, isCurrent: week.week === currentWeek }));
  const hasValue = rows.some((row) => row.hours !== null && row.hours > 0);
  return (
    <ChartFrame
      testId="chart-report-hours"
      title="Training time per week"
      description="Hours of recorded sessions per ISO week (Monday–Sunday, your local days); the report's week is the last bar."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No training sessions in these 13 weeks — record a session and sync."
    >
      <WeeklyHoursPlot rows={rows} height={220} />
    </ChartFrame>
  );
}

/** Minutes in Z1–Z5 this week against the means of the previous 4 and 12 weeks (computed zones). */
export function ZoneCompareChart({ value, avg4, avg12 }: { value: readonly number[]; avg4: readonly number[] | null; avg12: readonly number[] | null }) {
  const toRow = (label: string, zones: readonly number[]): ZoneCompareRow => ({ label, z1: zones[0], z2: zones[1], z3: zones[2], z4: zones[3], z5: zones[4] });
  const rows: ZoneCompareRow[] = [toRow("This week", value), ...(avg4 ? [toRow("4-week mean", avg4)] : []), ...(avg12 ? [toRow("12-week mean", avg12)] : [])];
  const hasValue = rows.some((row) => row.z1 + row.z2 + row.z3 + row.z4 + row.z5 > 0);
  return (
    <ChartFrame
      testId="chart-report-zones"
      title="Time in heart-rate zones"
      description="Minutes in heart-rate zones Z1–Z5 over the week's sessions, against your recent weeks."
      formula={<p>Zones are % of HRmax, computed from each session&apos;s samples (sample-and-hold), summed over the week.</p>}
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No heart-rate zones this week — record sessions with a heart-rate sensor and sync."
    >
      <ZoneComparePlot rows={rows} height={180} />
    </ChartFrame>
  );
}
