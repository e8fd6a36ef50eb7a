"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartTooltip } from "./chart-tooltip";
import { LEVEL_NAME, type HypnogramNight, type HypnogramRow } from "./describe";
import { formatClock } from "./format";
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

/** The night's bounds and clock; the stages come as rows. */
export type HypnogramPlotProps = { night: Pick<HypnogramNight, "startUtcMs" | "endUtcMs" | "offsetMinutes">; rows: readonly HypnogramRow[]; height: number };

/** The stage steps of HypnogramChart (loaded after the page; see lazy-plots.tsx). */
export function HypnogramPlot({ night, rows, height }: HypnogramPlotProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows as HypnogramRow[]} margin={{ top: 8, right: 8, bottom: 16, left: 8 }}>
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
  );
}
