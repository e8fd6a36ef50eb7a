"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";
import { formatElapsed, formatNumber } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, xAxisLabel, yAxisLabel } from "./theme";

/** One point of a session series: seconds from the start, value (null = sensor dropout). */
export type SessionSamplePoint = { t: number; value: number | null };

export type HrCurveChartProps = {
  points: readonly SessionSamplePoint[];
  /** Lower bounds of Z1..Z5 in bpm (half-open zones; Z5 open above). */
  zoneLowerBounds: readonly number[] | null;
  hrMax: number | null;
  testId?: string;
  height?: number;
};

/** Heart rate over the session on the athlete's zone bands. */
export function HrCurveChart({ points, zoneLowerBounds, hrMax, testId = "chart-hr-curve", height = 280 }: HrCurveChartProps) {
  const hasValue = points.some((point) => point.value !== null);
  const values = points.flatMap((point) => (point.value === null ? [] : [point.value]));
  const top = Math.max(hrMax ?? 0, ...values) + 5;
  const bottom = Math.max(0, Math.min(zoneLowerBounds?.[0] ?? top, ...values) - 10);
  return (
    <ChartFrame
      testId={testId}
      title="Heart rate"
      description="bpm over elapsed time; shaded bands are your heart-rate zones Z1–Z5 (computed)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="This session has no heart-rate samples — record with a heart-rate sensor to see the curve."
    >
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
    </ChartFrame>
  );
}
