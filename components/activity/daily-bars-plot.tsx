"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { readNumber } from "@/components/charts/describe";
import { formatDayLong, formatDayShort, formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, yAxisLabel } from "@/components/charts/theme";
import type { DailyBarsChartProps, DailyBarsRow } from "@/components/charts/types";

export type DailyBarsPlotProps = Pick<DailyBarsChartProps, "yLabel" | "rows" | "series" | "extraLines"> &
  Required<Pick<DailyBarsChartProps, "yDomain" | "missingLabel" | "height">>;

/** The bars, lines and shaded missing days of DailyBarsChart (loaded after the page; see lazy-plots.tsx). */
export function DailyBarsPlot({ yLabel, rows, series, yDomain, missingLabel, extraLines, height }: DailyBarsPlotProps) {
  const missing = rows.filter((row) => !row.hasData);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows as DailyBarsRow[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
        <YAxis tick={AXIS_TICK} width={64} domain={yDomain} label={yAxisLabel(yLabel)} allowDecimals={false} />
        {missing.map((row) => (
          <ReferenceArea key={row.date} x1={row.date} x2={row.date} fill={CHART_COLORS.grid} fillOpacity={0.6} ifOverflow="visible" />
        ))}
        <Tooltip
          content={(props) => (
            <ChartTooltip<DailyBarsRow>
              {...props}
              title={(row) => formatDayLong(row.date)}
              lines={(row) =>
                row.hasData
                  ? [
                      ...series.map((item) => {
                        const value = readNumber(row, item.key);
                        return {
                          label: item.name,
                          value: value === null ? "—" : item.format ? item.format(value) : `${formatNumber(value, item.decimals ?? 0)} ${item.unit}`.trim(),
                          color: item.color,
                        };
                      }),
                      ...(extraLines ? extraLines(row) : []),
                    ]
                  : [{ label: "Day", value: missingLabel }]
              }
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {series.map((item) =>
          item.kind === "line" ? (
            <Line
              key={item.key}
              dataKey={item.key}
              name={item.name}
              type="monotone"
              stroke={item.color}
              strokeWidth={2}
              dot={false}
              connectNulls={false}
              {...NO_ANIMATION}
            />
          ) : (
            <Bar key={item.key} dataKey={item.key} name={item.name} fill={item.color} stackId={item.stackId} {...NO_ANIMATION} />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
