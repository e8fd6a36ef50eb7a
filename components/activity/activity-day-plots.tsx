"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, xAxisLabel, yAxisLabel } from "@/components/charts/theme";
import type { ActivityZoneRow, StepRow } from "@/components/charts/types";
import { ACTIVITY_ZONE_VIEW, formatCount, formatSecondOfDay } from "./format";

/** `interval` = minutes per row, for the axis ticks and the tooltip's time span. */
export type ActivityZonesPlotProps = { rows: readonly ActivityZoneRow[]; interval: number; height: number };

/** The stacked zone bars of ActivityZonesChart (loaded after the page; see lazy-plots.tsx). */
export function ActivityZonesPlot({ rows, interval, height }: ActivityZonesPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows as ActivityZoneRow[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }} barCategoryGap={1}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="slot" tick={AXIS_TICK} interval={interval === 60 ? 2 : "preserveStartEnd"} label={xAxisLabel("local time (HH:MM)")} />
        <YAxis tick={AXIS_TICK} width={56} domain={[0, interval]} allowDecimals={false} label={yAxisLabel("minutes")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<ActivityZoneRow>
              {...props}
              title={(row) => `${row.slot}–${formatSecondOfDay(row.secondOfDay + interval * 60)}`}
              lines={(row) =>
                row.hasData
                  ? ACTIVITY_ZONE_VIEW.filter((zone) => (row[zone.key] ?? 0) > 0).map((zone) => ({
                      label: zone.label,
                      value: `${formatNumber(row[zone.key] ?? 0, 1)} min`,
                      color: zone.color,
                    }))
                  : [{ label: "Zones", value: "no data" }]
              }
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {ACTIVITY_ZONE_VIEW.map((zone) => (
          <Bar key={zone.key} dataKey={zone.key} name={zone.label} stackId="zones" fill={zone.color} {...NO_ANIMATION} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export type HourlyStepsPlotProps = { rows: readonly StepRow[]; interval: number; height: number };

/** The step bars of HourlyStepsChart (loaded after the page; see lazy-plots.tsx). */
export function HourlyStepsPlot({ rows, interval, height }: HourlyStepsPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows as StepRow[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="slot" tick={AXIS_TICK} interval={interval === 60 ? 2 : "preserveStartEnd"} label={xAxisLabel("local time (HH:MM)")} />
        <YAxis tick={AXIS_TICK} width={56} allowDecimals={false} label={yAxisLabel("steps")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<StepRow>
              {...props}
              title={(row) => `${row.slot}–${formatSecondOfDay(row.secondOfDay + interval * 60)}`}
              lines={(row) => [{ label: "Steps", value: row.steps === null ? "no data" : formatCount(row.steps), color: CHART_COLORS.c1 }]}
            />
          )}
        />
        <Bar dataKey="steps" name="Steps" fill={CHART_COLORS.c1} {...NO_ANIMATION} />
      </BarChart>
    </ResponsiveContainer>
  );
}
