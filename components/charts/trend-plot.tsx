"use client";

import { Area, Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { isolatedDot } from "./isolated-dot";
import { readNumber } from "./describe";
import { formatDayLong, formatDayShort, formatNumber } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, paddedDomain, referenceLineLabel, yAxisLabel } from "./theme";
import type { TrendChartProps, TrendRow } from "./types";

export type TrendPlotProps = Pick<TrendChartProps, "yLabel" | "rows" | "series" | "band" | "referenceLines" | "extraLines" | "yTickDecimals" | "yTicks"> &
  Required<Pick<TrendChartProps, "yDomain" | "height">>;

/** The lines, bars and band of TrendChart (loaded after the page; see lazy-plots.tsx). */
export function TrendPlot({ yLabel, rows, series, band, referenceLines, extraLines, yDomain, height, yTickDecimals, yTicks }: TrendPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <ComposedChart data={rows as TrendRow[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
        <YAxis
          tick={AXIS_TICK}
          width={56}
          domain={paddedDomain(yDomain)}
          ticks={yTicks}
          tickFormatter={yTickDecimals === undefined ? undefined : (value: number) => value.toFixed(yTickDecimals)}
          label={yAxisLabel(yLabel)}
          allowDecimals
        />
        {referenceLines?.map((line) => (
          <ReferenceLine
            key={line.label}
            y={line.y}
            stroke={line.color ?? CHART_COLORS.c2}
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
            label={referenceLineLabel(line.label)}
          />
        ))}
        <Tooltip
          content={(props) => (
            <ChartTooltip<TrendRow>
              {...props}
              title={(row) => formatDayLong(row.date)}
              lines={(row) => [
                ...series.map((item) => {
                  const value = readNumber(row, item.key);
                  return {
                    label: item.name,
                    value: value === null ? "—" : item.format ? item.format(value, row) : `${formatNumber(value, item.decimals ?? 0)} ${item.unit}`.trim(),
                    color: item.color,
                  };
                }),
                ...(band
                  ? [
                      {
                        label: band.name,
                        value:
                          readNumber(row, band.lowKey) === null || readNumber(row, band.highKey) === null
                            ? "building"
                            : `${formatNumber(readNumber(row, band.lowKey), band.decimals ?? 1)}–${formatNumber(
                                readNumber(row, band.highKey),
                                band.decimals ?? 1,
                              )} ${band.unit}`.trim(),
                        color: band.color,
                      },
                    ]
                  : []),
                ...(extraLines ? extraLines(row) : []),
              ]}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {band ? (
          <Area
            dataKey={(row: TrendRow) => {
              const low = readNumber(row, band.lowKey);
              const high = readNumber(row, band.highKey);
              return low === null || high === null ? null : [low, high];
            }}
            name={band.name}
            legendType="square"
            stroke="none"
            fill={band.color}
            fillOpacity={0.18}
            connectNulls={false}
            {...NO_ANIMATION}
          />
        ) : null}
        {series.map((item) =>
          item.kind === "bar" ? (
            <Bar key={item.key} dataKey={item.key} name={item.name} fill={item.color} {...NO_ANIMATION} />
          ) : (
            <Line
              key={item.key}
              dataKey={item.key}
              name={item.name}
              type={item.kind === "step" ? "stepAfter" : "linear"}
              legendType="plainline"
              stroke={item.color}
              strokeWidth={2}
              strokeDasharray={item.dashed ? "5 3" : undefined}
              dot={rows.length <= 60 ? { r: 2 } : isolatedDot(rows, item.key, item.color)}
              connectNulls={false}
              {...NO_ANIMATION}
            />
          ),
        )}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
