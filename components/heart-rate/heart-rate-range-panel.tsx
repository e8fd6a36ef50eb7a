"use client";

import { useActivityRange } from "@/components/activity/use-activity-range";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart, type TrendRow } from "@/components/charts/trend-chart";
import { SeriesStatus } from "@/components/dashboard/series-status";
import type { ActivityPointDTO, ActivityRangeDTO } from "@/lib/dal/activity";

/** The two definitions, side by side (metrics §7.1). */
export const HEART_RATE_DEFINITIONS =
  "Lowest continuous HR is the single lowest ~5-minute 24/7 sample of the day — lower and more artefact-prone. " +
  "Nightly resting HR is what the flags use: Polar's Nightly Recharge average heart rate over about four hours from 30 minutes after falling asleep (or, without Nightly Recharge, the mean of the sleep's samples in that window), compared with your own 30-night normal.";

function toRows(days: readonly ActivityPointDTO[]): TrendRow[] {
  return days.map((day) => ({ date: day.date, lowestHr: day.lowestHr, nightlyRhr: day.nightlyRhr, source: day.nightlyRhrSource }));
}

/** Daily lowest continuous HR and nightly resting HR over the range in the URL. */
export function HeartRateRangePanel({ initial }: { initial: ActivityRangeDTO }) {
  const { data, isError, isFetching } = useActivityRange(initial);
  const days = data?.days ?? [];
  return (
    <div className="space-y-3" data-testid="hr-range" data-from={data?.from} data-to={data?.to}>
      <SeriesStatus isFetching={isFetching} isError={isError} />
      <TrendChart
        testId="chart-hr-range"
        title="Lowest 24/7 heart rate and nightly resting heart rate"
        description="bpm per athlete-local day; gaps are days without data (never zero)."
        emptyMessage="No heart-rate data in this range — wear the watch with 24/7 heart rate on and sync."
        yLabel="heart rate (bpm)"
        rows={toRows(days)}
        series={[
          { key: "lowestHr", name: "Lowest 24/7 HR", color: CHART_COLORS.c1, unit: "bpm" },
          { key: "nightlyRhr", name: "Nightly resting HR (flags)", color: CHART_COLORS.c2, unit: "bpm", decimals: 1 },
        ]}
        extraLines={(row) => [
          {
            label: "RHR source",
            value: row.source === "nightly-recharge" ? "Nightly Recharge" : row.source === "sleep-samples" ? "sleep samples" : "—",
          },
        ]}
        footer={<p data-testid="hr-definitions">{HEART_RATE_DEFINITIONS}</p>}
      />
    </div>
  );
}
