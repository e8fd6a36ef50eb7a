"use client";

import { formatDuration, formatNumber } from "@/components/charts/format";
import { CHART_COLORS } from "@/components/charts/theme";
import { SeriesStatus } from "@/components/dashboard/series-status";
import type { ActivityPointDTO, ActivityRangeDTO } from "@/lib/dal/activity";
import { DailyBarsChart, type DailyBarsRow } from "./daily-bars-chart";
import { ACTIVITY_ZONE_VIEW, formatCount } from "./format";
import { useActivityRange } from "./use-activity-range";

const NO_RANGE_DATA = "No activity data in this range — wear the watch and sync.";

function toStepRows(days: readonly ActivityPointDTO[]): DailyBarsRow[] {
  return days.map((day) => ({ date: day.date, hasData: day.hasActivity, steps: day.steps, mean7: day.steps7dMean }));
}

function toActiveRows(days: readonly ActivityPointDTO[]): DailyBarsRow[] {
  // Minutes on the axis; the tooltip shows h/min.
  const toMinutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);
  return days.map((day) => ({ date: day.date, hasData: day.hasActivity, active: toMinutes(day.activeSeconds), mean7: toMinutes(day.activeSeconds7dMean) }));
}

function toCalorieRows(days: readonly ActivityPointDTO[]): DailyBarsRow[] {
  return days.map((day) => ({
    date: day.date,
    hasData: day.hasActivity,
    // Stacked: basal (total − active) under active, so the bar's top is the day's total.
    basal: day.calories !== null && day.activeCalories !== null ? day.calories - day.activeCalories : day.calories,
    activeCalories: day.activeCalories,
    total: day.calories,
  }));
}

function toZoneShareRows(days: readonly ActivityPointDTO[]): DailyBarsRow[] {
  return days.map((day) => {
    const zones = day.zoneSeconds;
    const covered = zones ? zones.reduce((total, value) => total + value, 0) : 0;
    const row: DailyBarsRow = { date: day.date, hasData: day.hasActivity && covered > 0, coveredSeconds: covered };
    ACTIVITY_ZONE_VIEW.forEach((zone, index) => {
      row[zone.key] = zones && covered > 0 ? (zones[index] / covered) * 100 : null;
    });
    return row;
  });
}

/** The Activity page's range view: steps, active time, calories and activity-zone shares per day. */
export function ActivityRangePanel({ initial }: { initial: ActivityRangeDTO }) {
  const { data, isError, isFetching } = useActivityRange(initial);
  const days = data?.days ?? [];
  return (
    <div className="space-y-4" data-testid="activity-range" data-from={data?.from} data-to={data?.to}>
      <SeriesStatus isFetching={isFetching} isError={isError} />
      <div className="grid gap-4 lg:grid-cols-2">
        <DailyBarsChart
          testId="chart-steps"
          title="Steps"
          description="Steps per day (Polar's active steps); line = mean of the days with data among the 7 ending that day (at least 3)."
          emptyMessage={NO_RANGE_DATA}
          isError={isError}
          yLabel="steps per day"
          rows={toStepRows(days)}
          series={[
            { key: "steps", name: "Steps", color: CHART_COLORS.c1, unit: "steps", format: (value) => `${formatCount(value)} steps` },
            { key: "mean7", name: "7-day mean", color: CHART_COLORS.c2, unit: "steps", kind: "line", format: (value) => `${formatCount(value)} steps` },
          ]}
        />
        <DailyBarsChart
          testId="chart-active-time"
          title="Active time"
          description="Minutes of activity per day; line = 7-day mean of the days with data (at least 3)."
          emptyMessage={NO_RANGE_DATA}
          isError={isError}
          yLabel="active time (min)"
          rows={toActiveRows(days)}
          series={[
            { key: "active", name: "Active time", color: CHART_COLORS.c3, unit: "min", format: (value) => formatDuration(value * 60) },
            { key: "mean7", name: "7-day mean", color: CHART_COLORS.c2, unit: "min", kind: "line", format: (value) => formatDuration(value * 60) },
          ]}
        />
        <DailyBarsChart
          testId="chart-calories"
          title="Calories"
          description="kcal per day: active calories on top of basal metabolism; the bar's top is the day's total."
          emptyMessage={NO_RANGE_DATA}
          isError={isError}
          yLabel="energy (kcal)"
          rows={toCalorieRows(days)}
          series={[
            { key: "basal", name: "Basal", color: CHART_COLORS.grid, unit: "kcal", stackId: "kcal" },
            { key: "activeCalories", name: "Active", color: CHART_COLORS.c4, unit: "kcal", stackId: "kcal" },
          ]}
          extraLines={(row) => [{ label: "Total", value: typeof row.total === "number" ? `${formatNumber(row.total)} kcal` : "—" }]}
        />
        <DailyBarsChart
          testId="chart-zone-share"
          title="Share of the day per activity zone"
          description="% of the recorded part of each day spent in each activity zone (intervals after the watch's last sync are not counted)."
          emptyMessage={NO_RANGE_DATA}
          isError={isError}
          yLabel="share of day (%)"
          yDomain={[0, 100]}
          rows={toZoneShareRows(days)}
          series={ACTIVITY_ZONE_VIEW.map((zone) => ({ key: zone.key, name: zone.label, color: zone.color, unit: "%", decimals: 1, stackId: "share" }))}
          missingLabel="no zone data — watch not worn or not synced"
          extraLines={(row) => [
            { label: "Recorded", value: typeof row.coveredSeconds === "number" ? formatDuration(row.coveredSeconds) : "—" },
          ]}
        />
      </div>
    </div>
  );
}
