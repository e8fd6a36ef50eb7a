"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CLOCK_TICKS, formatSecondOfDay } from "@/components/activity/format";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, xAxisLabel, yAxisLabel } from "@/components/charts/theme";
import type { HeartRateDayDTO } from "@/lib/dal/heart-rate";
import { NIGHT_FILL, SESSION_FILL, type HeartRateRow } from "./rows";

export type HeartRateDayPlotProps = Pick<HeartRateDayDTO, "sessions" | "nights" | "lowestHr" | "averageHr"> & {
  rows: readonly HeartRateRow[];
  /** Y-axis domain in bpm. */
  bottom: number;
  top: number;
  height: number;
};

/** The 24-hour curve and shaded spans of HeartRateDayChart (loaded after the page; see lazy-plots.tsx). */
export function HeartRateDayPlot({ rows, sessions: sharedSessions, nights: sharedNights, lowestHr, averageHr, bottom, top, height }: HeartRateDayPlotProps) {
  const sessions = sharedSessions ?? [];
  const nights = sharedNights ?? [];
  const spanAt = (second: number) => [
    ...sessions.filter((session) => second >= session.startSecond && second < session.endSecond).map((session) => `training: ${session.sport.toLowerCase()}`),
    ...nights.filter((night) => second >= night.startSecond && second < night.endSecond).map(() => "asleep"),
  ];
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows as HeartRateRow[]} margin={{ top: 16, right: 8, bottom: 16, left: 8 }}>
        <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
        {nights.map((night) => (
          <ReferenceArea
            key={`night-${night.date}`}
            x1={night.startSecond}
            x2={night.endSecond}
            fill={NIGHT_FILL}
            fillOpacity={0.18}
            ifOverflow="hidden"
          />
        ))}
        {sessions.map((session) => (
          <ReferenceArea
            key={`session-${session.id}`}
            x1={session.startSecond}
            x2={session.endSecond}
            fill={SESSION_FILL}
            fillOpacity={0.2}
            ifOverflow="hidden"
          />
        ))}
        <XAxis
          dataKey="secondOfDay"
          type="number"
          domain={[0, 86_400]}
          ticks={CLOCK_TICKS}
          tickFormatter={formatSecondOfDay}
          tick={AXIS_TICK}
          label={xAxisLabel("local time (HH:MM)")}
        />
        <YAxis domain={[bottom, top]} tick={AXIS_TICK} width={56} allowDecimals={false} label={yAxisLabel("heart rate (bpm)")} />
        {lowestHr !== null ? (
          <ReferenceLine
            y={lowestHr}
            stroke={CHART_COLORS.c1}
            strokeDasharray="4 3"
          />
        ) : null}
        {averageHr !== null ? (
          <ReferenceLine
            y={averageHr}
            stroke={CHART_COLORS.muted}
            strokeDasharray="2 3"
          />
        ) : null}
        <Tooltip
          content={(props) => (
            <ChartTooltip<HeartRateRow>
              {...props}
              title={(row) => formatSecondOfDay(row.secondOfDay)}
              lines={(row) => [
                { label: "Heart rate", value: row.bpm === null ? "no data" : `${row.bpm} bpm`, color: CHART_COLORS.c2 },
                ...spanAt(row.secondOfDay).map((text) => ({ label: "During", value: text })),
              ]}
            />
          )}
        />
        <Line dataKey="bpm" name="Heart rate" stroke={CHART_COLORS.c2} dot={false} strokeWidth={1.5} connectNulls={false} {...NO_ANIMATION} />
      </LineChart>
    </ResponsiveContainer>
  );
}
