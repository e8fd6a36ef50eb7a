"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";
import { formatDayShort, formatMinutes } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, ZONE_COLORS, yAxisLabel } from "./theme";

/** Minutes per zone in one week (Monday start, athlete-local), computed zones only. */
export type WeeklyZonePoint = {
  weekStart: string;
  z1: number;
  z2: number;
  z3: number;
  z4: number;
  z5: number;
  sessions: number;
};

const KEYS = ["z1", "z2", "z3", "z4", "z5"] as const;

/** Weekly time in zone as stacked bars. */
export function WeeklyZoneChart({ points, testId = "chart-weekly-zones", height = 260 }: { points: readonly WeeklyZonePoint[]; testId?: string; height?: number }) {
  const hasValue = points.some((point) => KEYS.some((key) => point[key] > 0));
  return (
    <ChartFrame
      testId={testId}
      title="Weekly time in zone"
      description="Minutes per week in Z1–Z5, computed from each session's samples with the same zone model (weeks start Monday)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No sessions with heart rate in this range yet."
      footer={<p>Easy = Z1–Z2, moderate = Z3, hard = Z4–Z5.</p>}
    >
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={points as WeeklyZonePoint[]} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="weekStart" tickFormatter={formatDayShort} tick={AXIS_TICK} minTickGap={16} />
          <YAxis tick={AXIS_TICK} width={56} label={yAxisLabel("time (min)")} />
          <Tooltip
            content={(props) => (
              <ChartTooltip<WeeklyZonePoint>
                {...props}
                title={(row) => `Week of ${formatDayShort(row.weekStart)} · ${row.sessions} session${row.sessions === 1 ? "" : "s"}`}
                lines={(row) => KEYS.map((key, index) => ({ label: `Z${index + 1}`, value: formatMinutes(row[key]), color: ZONE_COLORS[index] }))}
              />
            )}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {KEYS.map((key, index) => (
            <Bar key={key} dataKey={key} name={`Z${index + 1}`} stackId="zones" fill={ZONE_COLORS[index]} {...NO_ANIMATION} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
