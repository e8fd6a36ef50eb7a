"use client";

import type { ReactNode } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";
import { LEVEL_NAME, toHypnogramRows, type HypnogramNight, type HypnogramRow } from "./describe";

export type { HypnogramNight, HypnogramStage } from "./describe";
import { formatClock, formatDayLong } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, xAxisLabel, yAxisLabel } from "./theme";

/** Whole local hours between start and end, as UTC instants, for axis ticks. */
function listHourTicks(startUtcMs: number, endUtcMs: number, offsetMinutes: number): number[] {
  const hour = 3_600_000;
  const offsetMs = offsetMinutes * 60_000;
  const ticks: number[] = [];
  for (let local = Math.ceil((startUtcMs + offsetMs) / hour) * hour; local - offsetMs <= endUtcMs; local += hour) {
    ticks.push(local - offsetMs);
  }
  return ticks;
}

/** Sleep stages over the athlete's clock time across midnight. */
export function HypnogramChart({
  night,
  testId = "chart-hypnogram",
  height = 220,
  actions,
}: {
  night: HypnogramNight | null;
  testId?: string;
  height?: number;
  actions?: ReactNode;
}) {
  const rows = night ? toHypnogramRows(night) : [];
  return (
    <ChartFrame
      testId={testId}
      title={night ? `Hypnogram · night to ${formatDayLong(night.date)}` : "Hypnogram"}
      description="Sleep stages over your clock time that night (30-second epochs from Polar). Wrist staging is an estimate."
      state={night && rows.length > 0 ? "loaded" : "empty"}
      emptyMessage="No sleep data yet — sleep needs a night with the watch on."
      actions={actions}
    >
      {night ? (
        <ResponsiveContainer width="100%" height={height}>
          <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              domain={[night.startUtcMs, night.endUtcMs]}
              ticks={listHourTicks(night.startUtcMs, night.endUtcMs, night.offsetMinutes)}
              tickFormatter={(value: number) => formatClock(value, night.offsetMinutes)}
              tick={AXIS_TICK}
              label={xAxisLabel("local time (HH:MM)")}
            />
            <YAxis
              domain={[0, 5]}
              ticks={[1, 2, 3, 4, 5]}
              tickFormatter={(value: number) => LEVEL_NAME[value] ?? ""}
              tick={AXIS_TICK}
              width={80}
              label={yAxisLabel("stage")}
            />
            <Tooltip
              content={(props) => (
                <ChartTooltip<HypnogramRow>
                  {...props}
                  title={(row) => formatClock(row.t, night.offsetMinutes)}
                  lines={(row) => [{ label: "Stage", value: LEVEL_NAME[row.level] ?? "Unknown" }]}
                />
              )}
            />
            <Line dataKey="level" name="Stage" type="stepAfter" stroke={CHART_COLORS.c5} strokeWidth={2} dot={false} {...NO_ANIMATION} />
          </LineChart>
        </ResponsiveContainer>
      ) : null}
    </ChartFrame>
  );
}
