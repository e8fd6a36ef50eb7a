"use client";

import type { ReactNode } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartTooltip, type TooltipLine } from "@/components/charts/chart-tooltip";
import { formatDayLong, formatDayShort, formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, yAxisLabel } from "@/components/charts/theme";

/** One athlete-local day; `hasData` false = no record that day (shaded and labelled, never drawn as 0). */
export type DailyBarsRow = { date: string; hasData: boolean } & { [key: string]: string | number | boolean | null };

export type DailyBarsSeries = {
  key: string;
  name: string;
  color: string;
  unit: string;
  decimals?: number;
  kind?: "bar" | "line";
  stackId?: string;
  /** Formats the tooltip value (default: number + unit). */
  format?: (value: number) => string;
};

export type DailyBarsChartProps = {
  testId: string;
  title: string;
  description?: ReactNode;
  emptyMessage: string;
  yLabel: string;
  rows: readonly DailyBarsRow[];
  series: readonly DailyBarsSeries[];
  yDomain?: [number | "auto", number | "auto"];
  footer?: ReactNode;
  /** What a day without data means, in the tooltip. */
  missingLabel?: string;
  extraLines?: (row: DailyBarsRow) => TooltipLine[];
  height?: number;
  /** The range could not be loaded. */
  isError?: boolean;
};

function readNumber(row: DailyBarsRow, key: string): number | null {
  const value = row[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * Bars (and lines) per athlete-local day. Days without data are shaded columns with "no data" in the tooltip
 * and are counted under the chart, so a missing day never reads as a day of zero.
 */
export function DailyBarsChart({
  testId,
  title,
  description,
  emptyMessage,
  yLabel,
  rows,
  series,
  yDomain = [0, "auto"],
  footer,
  missingLabel = "no data — watch not worn or not synced",
  extraLines,
  height = 260,
  isError = false,
}: DailyBarsChartProps) {
  const missing = rows.filter((row) => !row.hasData);
  const hasValue = rows.some((row) => row.hasData && series.some((item) => readNumber(row, item.key) !== null));
  return (
    <div data-testid={`${testId}-wrapper`} data-missing-days={missing.length} data-days={rows.length}>
      <ChartFrame
        testId={testId}
        title={title}
        description={description}
        state={isError ? "error" : hasValue ? "loaded" : "empty"}
        emptyMessage={emptyMessage}
        footer={
          <>
            {missing.length > 0 ? (
              <p data-testid={`${testId}-missing`}>
                <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-border align-middle" />
                {missing.length} of {rows.length} days without data (shaded, not zero).
              </p>
            ) : null}
            {footer}
          </>
        }
      >
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
      </ChartFrame>
    </div>
  );
}
