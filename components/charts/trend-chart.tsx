"use client";

import type { ReactNode } from "react";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartFrame, type BaselineProgress } from "./chart-frame";
import { ChartTooltip, type TooltipLine } from "./chart-tooltip";
import { formatDayLong, formatDayShort, formatNumber } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, yAxisLabel } from "./theme";

/** One plotted value per athlete-local day; `null` = not measured / not computable (drawn as a gap). */
export type TrendRow = { date: string } & { [key: string]: string | number | null };

export type TrendSeries = {
  key: string;
  name: string;
  color: string;
  /** Unit in the tooltip (`bpm`, `kg`, `min`…). */
  unit: string;
  decimals?: number;
  kind?: "line" | "bar" | "step";
  dashed?: boolean;
};

/** A shaded normal range (e.g. baseline mean ± SD) between two keys of the same row. */
export type TrendBand = { lowKey: string; highKey: string; name: string; color: string; decimals?: number; unit: string };

export type TrendReferenceLine = { y: number; label: string; color?: string };

export type TrendChartProps = {
  testId: string;
  title: string;
  description?: ReactNode;
  emptyMessage: string;
  /** Y-axis title with its unit, e.g. "bpm". */
  yLabel: string;
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  band?: TrendBand;
  referenceLines?: readonly TrendReferenceLine[];
  building?: readonly BaselineProgress[];
  footer?: ReactNode;
  yDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  /** Extra tooltip lines for a row (e.g. a status word). */
  extraLines?: (row: TrendRow) => TooltipLine[];
  height?: number;
  actions?: ReactNode;
  /** Decimals of the y-axis tick labels (default: as recharts picks). */
  yTickDecimals?: number;
  /** Explicit y-axis ticks (e.g. every step of an integer status scale). */
  yTicks?: number[];
};

function readNumber(row: TrendRow, key: string): number | null {
  const value = row[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Line/bar trend over athlete-local days with an optional normal-range band and reference lines. */
export function TrendChart({
  testId,
  title,
  description,
  emptyMessage,
  yLabel,
  rows,
  series,
  band,
  referenceLines,
  building,
  footer,
  yDomain = ["auto", "auto"],
  extraLines,
  height = 260,
  actions,
  yTickDecimals,
  yTicks,
}: TrendChartProps) {
  const hasValue = rows.some((row) => series.some((item) => readNumber(row, item.key) !== null));
  return (
    <ChartFrame
      testId={testId}
      title={title}
      description={description}
      state={hasValue ? "loaded" : "empty"}
      emptyMessage={emptyMessage}
      building={building}
      footer={footer}
      actions={actions}
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows as TrendRow[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
          <YAxis
            tick={AXIS_TICK}
            width={56}
            domain={yDomain}
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
              label={{ value: line.label, position: "insideTopRight", fill: "var(--color-muted)", fontSize: 11 }}
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
                      value: value === null ? "—" : `${formatNumber(value, item.decimals ?? 0)} ${item.unit}`.trim(),
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
                type={item.kind === "step" ? "stepAfter" : "monotone"}
                stroke={item.color}
                strokeWidth={2}
                strokeDasharray={item.dashed ? "5 3" : undefined}
                dot={rows.length <= 60 ? { r: 2 } : false}
                connectNulls={false}
                {...NO_ANIMATION}
              />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
