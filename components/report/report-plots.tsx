"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { formatMinutes, formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, paddedDomain, xAxisLabel, yAxisLabel } from "@/components/charts/theme";
import type { HoursRow, ZoneCompareRow } from "@/components/charts/types";

export type WeeklyHoursPlotProps = { rows: readonly HoursRow[]; height: number };

/** The weekly bars of WeeklyHoursChart (loaded after the page; see lazy-plots.tsx). */
export function WeeklyHoursPlot({ rows, height }: WeeklyHoursPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows as HoursRow[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="week" tick={AXIS_TICK} tickFormatter={(value: string) => value.slice(5)} label={xAxisLabel("ISO week")} />
        <YAxis tick={AXIS_TICK} width={56} domain={paddedDomain([0, "auto"])} label={yAxisLabel("training time (h)")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<HoursRow>
              {...props}
              title={(row) => row.week}
              lines={(row) => [{ label: "Training time", value: row.hours === null ? "before your history" : formatMinutes(row.hours * 60), color: CHART_COLORS.c1 }]}
            />
          )}
        />
        <Bar dataKey="hours" name="Training time" fill={CHART_COLORS.c1} {...NO_ANIMATION} />
      </BarChart>
    </ResponsiveContainer>
  );
}

export type ZoneComparePlotProps = { rows: readonly ZoneCompareRow[]; height: number };

/** The stacked zone bars of ZoneCompareChart (loaded after the page; see lazy-plots.tsx). */
export function ZoneComparePlot({ rows, height }: ZoneComparePlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={rows as ZoneCompareRow[]} layout="vertical" margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" tick={AXIS_TICK} label={xAxisLabel("minutes")} />
        <YAxis type="category" dataKey="label" tick={AXIS_TICK} width={96} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<ZoneCompareRow>
              {...props}
              title={(row) => row.label}
              lines={(row) =>
                (["z1", "z2", "z3", "z4", "z5"] as const).map((key, index) => ({
                  label: `Z${index + 1}`,
                  value: `${formatNumber(row[key], 0)} min`,
                  color: ZONE_COLORS[index],
                }))
              }
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {(["z1", "z2", "z3", "z4", "z5"] as const).map((key, index) => (
          <Bar key={key} dataKey={key} name={`Z${index + 1}`} stackId="zones" fill={ZONE_COLORS[index]} {...NO_ANIMATION} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
