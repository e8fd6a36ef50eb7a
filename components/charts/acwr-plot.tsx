"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AcwrChartPoint } from "./types";
import { ChartTooltip } from "./chart-tooltip";
import { describeAcwrBand } from "./describe";
import { formatDayLong, formatDayShort, formatNumber } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, paddedDomain, referenceLineLabel, yAxisLabel } from "./theme";

export type AcwrPlotProps = { points: readonly AcwrChartPoint[]; height: number };

/** The ACWR lines of AcwrChart (loaded after the page; see lazy-plots.tsx). */
export function AcwrPlot({ points, height }: AcwrPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={points as AcwrChartPoint[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <ReferenceArea y1={0.8} y2={1.3} fill={CHART_COLORS.c3} fillOpacity={0.12} ifOverflow="extendDomain" />
        <ReferenceLine
          y={1.5}
          stroke={CHART_COLORS.c2}
          strokeDasharray="4 4"
          ifOverflow="extendDomain"
          label={referenceLineLabel("1.5 spike")}
        />
        <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
        <YAxis tick={AXIS_TICK} width={56} domain={paddedDomain([0, "auto"])} label={yAxisLabel("ratio")} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<AcwrChartPoint>
              {...props}
              title={(row) => formatDayLong(row.date)}
              lines={(row) => [
                { label: "EWMA 7/28", value: `${formatNumber(row.acwrEwma, 2)} (${describeAcwrBand(row.acwrEwma)})`, color: CHART_COLORS.c1 },
                { label: "Rolling coupled", value: formatNumber(row.acwrCoupled, 2), color: CHART_COLORS.c5 },
                { label: "Rolling uncoupled", value: formatNumber(row.acwrUncoupled, 2), color: CHART_COLORS.muted },
              ]}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line legendType="plainline" dataKey="acwrEwma" name="EWMA (used for flags)" stroke={CHART_COLORS.c1} strokeWidth={2} dot={false} {...NO_ANIMATION} />
        <Line legendType="plainline" dataKey="acwrCoupled" name="Rolling coupled" stroke={CHART_COLORS.c5} strokeDasharray="5 3" dot={false} {...NO_ANIMATION} />
        <Line legendType="plainline" dataKey="acwrUncoupled" name="Rolling uncoupled" stroke={CHART_COLORS.muted} strokeDasharray="2 3" dot={false} {...NO_ANIMATION} />
      </LineChart>
    </ResponsiveContainer>
  );
}
