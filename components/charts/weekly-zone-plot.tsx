"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { formatDayShort, formatMinutes } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, yAxisLabel } from "./theme";
import type { WeeklyZonePoint } from "./types";

const KEYS = ["z1", "z2", "z3", "z4", "z5"] as const;

export type WeeklyZonePlotProps = { points: readonly WeeklyZonePoint[]; height: number };

/** The stacked zone bars of WeeklyZoneChart (loaded after the page; see lazy-plots.tsx). */
export function WeeklyZonePlot({ points, height }: WeeklyZonePlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={points as WeeklyZonePoint[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="weekStart" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={16} />
        <YAxis tick={AXIS_TICK} width={56} label={yAxisLabel("time (min)")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<WeeklyZonePoint>
              {...props}
              title={(row) => `Week of ${formatDayShort(row.weekStart)} · ${row.sessions} session${row.sessions === 1 ? "" : "s"}`}
              lines={(row) => KEYS.map((key, index) => ({ label: `Z${index + 1}`, value: formatMinutes(row[key]), color: ZONE_COLORS[index] }))}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {KEYS.map((key, index) => (
          <Bar key={key} dataKey={key} name={`Z${index + 1}`} stackId="zones" fill={ZONE_COLORS[index]} {...NO_ANIMATION} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
