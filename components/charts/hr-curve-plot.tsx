"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { formatElapsed, formatNumber } from "./format";
import type { SessionSamplePoint } from "./types";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, xAxisLabel, yAxisLabel } from "./theme";

export type HrCurvePlotProps = {
  points: readonly SessionSamplePoint[];
  zoneLowerBounds: readonly number[] | null;
  /** Y-axis domain in bpm: the zone bands and the curve fit inside. */
  bottom: number;
  top: number;
  height: number;
};

/** The curve and zone bands of HrCurveChart (loaded after the page; see lazy-plots.tsx). */
export function HrCurvePlot({ points, zoneLowerBounds, bottom, top, height }: HrCurvePlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={points as SessionSamplePoint[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
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
          dataKey="t"
          type="number"
          domain={["dataMin", "dataMax"]}
          tickFormatter={formatElapsed}
          tick={AXIS_TICK}
          label={xAxisLabel("elapsed (h:mm:ss)")}
        />
        <YAxis domain={[bottom, top]} tick={AXIS_TICK} width={56} label={yAxisLabel("heart rate (bpm)")} allowDecimals={false} />
        <Tooltip
          content={(props) => (
            <ChartTooltip<SessionSamplePoint>
              {...props}
              title={(row) => formatElapsed(row.t)}
              lines={(row) => [{ label: "Heart rate", value: row.value === null ? "no data" : `${formatNumber(row.value)} bpm`, color: CHART_COLORS.c2 }]}
            />
          )}
        />
        <Line dataKey="value" name="Heart rate" stroke={CHART_COLORS.c2} dot={false} strokeWidth={1.5} connectNulls={false} {...NO_ANIMATION} />
      </LineChart>
    </ResponsiveContainer>
  );
}
