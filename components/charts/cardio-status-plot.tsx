"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { CardioStatusRow } from "./types";
import { ChartTooltip } from "./chart-tooltip";
import { isolatedDot } from "./isolated-dot";
import { describeCardioStatus } from "./describe";
import { formatDayLong, formatDayShort, formatNumber } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, yAxisLabel } from "./theme";

const LEVEL_LABEL: Record<number, string> = { 1: "Detraining", 2: "Maintaining", 3: "Productive", 4: "Overreaching" };

export type CardioStatusPlotProps = { rows: readonly CardioStatusRow[]; height: number };

/** The status steps of CardioStatusChart (loaded after the page; see lazy-plots.tsx). */
export function CardioStatusPlot({ rows, height }: CardioStatusPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows as CardioStatusRow[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={24} />
        <YAxis
          domain={[0.5, 4.5]}
          ticks={[1, 2, 3, 4]}
          tickFormatter={(value: number) => LEVEL_LABEL[value] ?? ""}
          tick={AXIS_TICK}
          width={96}
          label={yAxisLabel("status")}
        />
        <Tooltip
          content={(props) => (
            <ChartTooltip<CardioStatusRow>
              {...props}
              title={(row) => formatDayLong(row.date)}
              lines={(row) => [
                {
                  label: row.source === "estimated" ? "Status (estimated)" : "Status (Polar)",
                  value: describeCardioStatus(row.status),
                },
                { label: "Strain ÷ tolerance", value: formatNumber(row.ratio, 2) },
              ]}
            />
          )}
        />
        <Line dataKey="polarLevel" name="Polar" type="stepAfter" stroke={CHART_COLORS.c1} strokeWidth={2} dot={isolatedDot(rows, "polarLevel", CHART_COLORS.c1)} connectNulls={false} {...NO_ANIMATION} />
        <Line
          dataKey="estimatedLevel"
          name="estimated"
          type="stepAfter"
          stroke={CHART_COLORS.muted}
          strokeDasharray="5 3"
          strokeWidth={2}
          dot={isolatedDot(rows, "estimatedLevel", CHART_COLORS.muted)}
          connectNulls={false}
          {...NO_ANIMATION}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
