"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CLOCK_TICKS, formatSecondOfDay } from "@/components/activity/format";
import { ChartFrame } from "@/components/charts/chart-frame";
import { ChartTooltip } from "@/components/charts/chart-tooltip";
import { formatNumber } from "@/components/charts/format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, xAxisLabel, yAxisLabel } from "@/components/charts/theme";
import type { HeartRateDayDTO } from "@/lib/dal/heart-rate";
import { NO_HEART_RATE_DAY, toHeartRateRows, type HeartRateRow } from "./rows";

const SESSION_FILL = "var(--chart-2)";
const NIGHT_FILL = "var(--chart-5)";

/**
 * The 24-hour heart-rate curve of one athlete-local day from Polar's ~5-minute samples, with training sessions
 * (which Polar leaves out of 24/7 HR) and the night shaded, and the day's lowest and average as lines.
 */
export function HeartRateDayChart({ day }: { day: HeartRateDayDTO }) {
  const rows = toHeartRateRows(day.samples);
  const hasValue = day.validSamples > 0;
  const sessions = day.sessions ?? [];
  const nights = day.nights ?? [];
  const top = Math.max(day.highestHr ?? 0, ...sessions.map((session) => session.avgHr ?? 0)) + 10;
  const bottom = Math.max(0, (day.lowestHr ?? 40) - 10);
  const spanAt = (second: number) => [
    ...sessions.filter((session) => second >= session.startSecond && second < session.endSecond).map((session) => `training: ${session.sport.toLowerCase()}`),
    ...nights.filter((night) => second >= night.startSecond && second < night.endSecond).map(() => "asleep"),
  ];
  return (
    <ChartFrame
      testId="chart-hr-day"
      title="Heart rate through the day"
      description="bpm on your local clock from the watch's ~5-minute 24/7 samples; shaded: training sessions (red) and sleep (violet)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage={NO_HEART_RATE_DAY}
      footer={
        <>
          <p>
            <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: SESSION_FILL, opacity: 0.4 }} />
            Training sessions{day.sessions === null ? " (not shared)" : ""} ·
            <span aria-hidden className="mx-1 inline-block h-2.5 w-2.5 rounded-sm align-middle" style={{ background: NIGHT_FILL, opacity: 0.4 }} />
            Sleep{day.nights === null ? " (not shared)" : ""} · Polar leaves training out of 24/7 heart rate, so the curve has gaps there.
          </p>
        </>
      }
    >
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={rows} margin={{ top: 16, right: 8, bottom: 16, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          {nights.map((night) => (
            <ReferenceArea
              key={`night-${night.date}`}
              x1={night.startSecond}
              x2={night.endSecond}
              fill={NIGHT_FILL}
              fillOpacity={0.12}
              ifOverflow="hidden"
              label={{ value: "Sleep", position: "insideTop", fill: "var(--color-muted)", fontSize: 11 }}
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
              label={{ value: session.sport.toLowerCase(), position: "insideTop", fill: "var(--color-muted)", fontSize: 11 }}
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
          {day.lowestHr !== null ? (
            <ReferenceLine
              y={day.lowestHr}
              stroke={CHART_COLORS.c1}
              strokeDasharray="4 4"
              label={{ value: `lowest ${day.lowestHr} bpm`, position: "insideBottomRight", fill: "var(--color-muted)", fontSize: 11 }}
            />
          ) : null}
          {day.averageHr !== null ? (
            <ReferenceLine
              y={day.averageHr}
              stroke={CHART_COLORS.muted}
              strokeDasharray="2 4"
              label={{ value: `average ${formatNumber(day.averageHr, 0)} bpm`, position: "insideTopRight", fill: "var(--color-muted)", fontSize: 11 }}
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
    </ChartFrame>
  );
}
