import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartLegend } from "@/components/charts/chart-legend";
import { formatNumber } from "@/components/charts/format";
import { CHART_COLORS } from "@/components/charts/theme";
import type { HeartRateDayDTO } from "@/lib/dal/heart-rate";
import { HeartRateDayPlot } from "./lazy-plots";
import { NIGHT_FILL, NO_HEART_RATE_DAY, SESSION_FILL, toHeartRateRows } from "./rows";

/**
 * The 24-hour heart-rate curve of one athlete-local day from Polar's ~5-minute samples, with training sessions
 * (which Polar leaves out of 24/7 HR) and the night shaded, and the day's lowest and average as lines.
 */
export function HeartRateDayChart({ day }: { day: HeartRateDayDTO }) {
  const rows = toHeartRateRows(day.samples);
  const hasValue = day.validSamples > 0;
  const sessions = day.sessions ?? [];
  const top = Math.max(day.highestHr ?? 0, ...sessions.map((session) => session.avgHr ?? 0)) + 10;
  const bottom = Math.max(0, (day.lowestHr ?? 40) - 10);
  return (
    <ChartFrame
      testId="chart-hr-day"
      title="Heart rate through the day"
      description="bpm on your local clock from the watch's ~5-minute 24/7 samples, with training sessions and sleep shaded."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage={NO_HEART_RATE_DAY}
      footer={
        <>
          <ChartLegend
            testId="chart-hr-day-legend"
            items={[
              { label: "Heart rate", color: CHART_COLORS.c2, mark: "line" },
              ...(day.lowestHr !== null ? [{ label: `Lowest ${day.lowestHr} bpm`, color: CHART_COLORS.c1, mark: "dashed" as const }] : []),
              ...(day.averageHr !== null ? [{ label: `Average ${formatNumber(day.averageHr, 0)} bpm`, color: CHART_COLORS.muted, mark: "dotted" as const }] : []),
              { label: `Training sessions${day.sessions === null ? " (not shared)" : ""}`, color: SESSION_FILL, mark: "area" },
              { label: `Sleep${day.nights === null ? " (not shared)" : ""}`, color: NIGHT_FILL, mark: "area" },
            ]}
          />
          <p>Polar leaves training out of 24/7 heart rate, so the curve has gaps there.</p>
        </>
      }
    >
      <HeartRateDayPlot rows={rows} sessions={day.sessions} nights={day.nights} lowestHr={day.lowestHr} averageHr={day.averageHr} bottom={bottom} top={top} height={300} />
    </ChartFrame>
  );
}
