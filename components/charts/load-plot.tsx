"use client";

import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { formatDayLong, formatDayShort, formatNumber } from "./format";
import type { LoadChartPoint, LoadSource } from "./types";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, paddedDomain, yAxisLabel } from "./theme";

const SOURCE_LABEL: Record<LoadSource, string> = {
  polar: "Polar cardio load",
  trimp: "TRIMP (fallback)",
  none: "no session",
};

/** `testId` names the hatch pattern, so two load charts on one page keep their own. */
export type LoadPlotProps = { points: readonly LoadChartPoint[]; testId: string; height: number };

/** The load bars and PMC lines of LoadChart (loaded after the page; see lazy-plots.tsx). */
export function LoadPlot({ points, testId, height }: LoadPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={points as LoadChartPoint[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <defs>
          <pattern id={`${testId}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill={CHART_COLORS.c4} fillOpacity={0.35} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_COLORS.c4} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
        <YAxis tick={AXIS_TICK} width={56} domain={paddedDomain()} label={yAxisLabel("load (AU)")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<LoadChartPoint>
              {...props}
              title={(row) => formatDayLong(row.date)}
              lines={(row) => [
                { label: `Load (${SOURCE_LABEL[row.loadSource]})`, value: `${formatNumber(row.load, 1)} AU`, color: CHART_COLORS.c4 },
                { label: "CTL fitness", value: formatNumber(row.ctl, 1), color: CHART_COLORS.c1 },
                { label: "ATL fatigue", value: formatNumber(row.atl, 1), color: CHART_COLORS.c2 },
                { label: "TSB form", value: formatNumber(row.tsb, 1), color: CHART_COLORS.c3 },
              ]}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="load" name="Daily load" legendType="square" fill={CHART_COLORS.c4} fillOpacity={0.6} {...NO_ANIMATION}>
          {points.map((point) => (
            <Cell
              key={point.date}
              fill={point.loadSource === "trimp" ? `url(#${testId}-hatch)` : CHART_COLORS.c4}
              data-source={point.loadSource}
            />
          ))}
        </Bar>
        <Line legendType="plainline" dataKey="ctl" name="CTL (fitness)" stroke={CHART_COLORS.c1} dot={false} strokeWidth={2} connectNulls {...NO_ANIMATION} />
        <Line legendType="plainline" dataKey="atl" name="ATL (fatigue)" stroke={CHART_COLORS.c2} dot={false} strokeWidth={2} connectNulls {...NO_ANIMATION} />
        <Line
          dataKey="tsb"
          legendType="plainline"
          name="TSB (form)"
          stroke={CHART_COLORS.c3}
          dot={false}
          strokeWidth={2}
          strokeDasharray="5 3"
          connectNulls
          {...NO_ANIMATION}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
