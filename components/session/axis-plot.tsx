"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { formatElapsed, formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, xAxisLabel, yAxisLabel } from "@/components/charts/theme";
import { formatPace } from "@/lib/analytics/motion";
import type { AxisKind, AxisPoint } from "./axis-series";

export type AxisPlotProps = {
  points: readonly AxisPoint[];
  axis: AxisKind;
  label: string;
  /** Axis title with its unit, e.g. `heart rate (bpm)`. */
  yLabel: string;
  unit: string;
  /** `pace`: values are seconds per km, shown m:ss, faster (smaller) on top. */
  format: "number" | "pace";
  decimals: number;
  color: string;
  height: number;
  domain: [number, number] | null;
  /** HR zone lower bounds (bpm) drawn as bands Z1–Z5. */
  zoneLowerBounds?: readonly number[] | null;
};

const formatDistance = (km: number) => `${formatNumber(km, km < 10 ? 1 : 0)}`;

/** One session series over elapsed time or distance (loaded after the page, like every plot). */
export function AxisPlot({ points, axis, label, yLabel, unit, format, decimals, color, height, domain, zoneLowerBounds }: AxisPlotProps) {
  const formatX = axis === "time" ? formatElapsed : formatDistance;
  const formatValue = (value: number) => (format === "pace" ? formatPace(value) : formatNumber(value, decimals));
  const top = domain?.[1] ?? 0;
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={points as AxisPoint[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        {zoneLowerBounds?.map((lower, index) => (
          <ReferenceArea
            key={lower}
            y1={lower}
            y2={zoneLowerBounds[index + 1] ?? top}
            fill={ZONE_COLORS[index]}
            fillOpacity={0.16}
            ifOverflow="hidden"
            label={{ value: `Z${index + 1}`, position: "insideLeft", fill: "var(--color-muted)", fontSize: 11 }}
          />
        ))}
        <XAxis
          dataKey="x"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={formatX}
          tick={AXIS_TICK}
          label={xAxisLabel(axis === "time" ? "elapsed (h:mm:ss)" : "distance (km)")}
        />
        <YAxis
          tick={AXIS_TICK}
          width={56}
          domain={domain ?? ["auto", "auto"]}
          allowDataOverflow={domain !== null}
          reversed={format === "pace"}
          tickFormatter={formatValue}
          label={yAxisLabel(yLabel)}
        />
        <Tooltip
          content={(props) => (
            <ChartTooltip<AxisPoint>
              {...props}
              title={(row) => (axis === "time" ? formatElapsed(row.x) : `${formatNumber(row.x, 2)} km`)}
              lines={(row) => [{ label, value: row.value === null ? "no data" : `${formatValue(row.value)} ${unit}`, color }]}
            />
          )}
        />
        <Line dataKey="value" name={label} stroke={color} dot={false} strokeWidth={1.5} connectNulls={false} {...NO_ANIMATION} />
      </LineChart>
    </ResponsiveContainer>
  );
}
