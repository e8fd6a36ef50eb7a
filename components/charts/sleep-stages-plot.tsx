"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { formatDayLong, formatDayShort, formatMinutes, formatNumber } from "./format";
import type { SleepStagesPoint } from "./types";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, paddedDomain, yAxisLabel } from "./theme";

const STAGES = [
  { key: "deepMin", name: "Deep (N3)", color: CHART_COLORS.c1 },
  { key: "lightMin", name: "Light (N1+N2)", color: CHART_COLORS.c5 },
  { key: "remMin", name: "REM", color: CHART_COLORS.c3 },
  { key: "unrecognizedMin", name: "Unrecognised", color: CHART_COLORS.muted },
] as const;

export type SleepStagesPlotProps = { points: readonly SleepStagesPoint[]; height: number };

/** The stacked stage bars of SleepStagesChart (loaded after the page; see lazy-plots.tsx). */
export function SleepStagesPlot({ points, height }: SleepStagesPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={points as SleepStagesPoint[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
        <YAxis tick={AXIS_TICK} width={56} domain={paddedDomain([0, "auto"])} label={yAxisLabel("sleep (min)")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<SleepStagesPoint>
              {...props}
              title={(row) => formatDayLong(row.date)}
              lines={(row) => {
                const staged = (row.lightMin ?? 0) + (row.deepMin ?? 0) + (row.remMin ?? 0);
                return STAGES.map((stage) => {
                  const value = row[stage.key];
                  const share = stage.key !== "unrecognizedMin" && value !== null && staged > 0 ? ` (${formatNumber((value / staged) * 100)} %)` : "";
                  return { label: stage.name, value: `${formatMinutes(value)}${share}`, color: stage.color };
                });
              }}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {STAGES.map((stage) => (
          <Bar key={stage.key} dataKey={stage.key} name={stage.name} stackId="stages" fill={stage.color} {...NO_ANIMATION} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
