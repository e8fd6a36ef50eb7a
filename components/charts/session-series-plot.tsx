"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { formatElapsed, formatNumber } from "./format";
import type { SessionSamplePoint } from "./types";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, xAxisLabel, yAxisLabel } from "./theme";

export type SessionSeriesPlotProps = { title: string; unit: string; decimals: number; points: readonly SessionSamplePoint[]; color: string; height: number };

/** The line of SessionSeriesChart (loaded after the page; see lazy-plots.tsx). */
export function SessionSeriesPlot({ title, unit, decimals, points, color, height }: SessionSeriesPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={points as SessionSamplePoint[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatElapsed} tick={AXIS_TICK} label={xAxisLabel("elapsed (h:mm:ss)")} />
        <YAxis tick={AXIS_TICK} width={56} domain={["auto", "auto"]} label={yAxisLabel(unit)} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<SessionSamplePoint>
              {...props}
              title={(row) => formatElapsed(row.t)}
              lines={(row) => [{ label: title, value: row.value === null ? "no data" : `${formatNumber(row.value, decimals)} ${unit}`, color }]}
            />
          )}
        />
        <Line dataKey="value" name={title} stroke={color} dot={false} strokeWidth={1.5} connectNulls={false} {...NO_ANIMATION} />
      </LineChart>
    </ResponsiveContainer>
  );
}
