"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { ChartTooltip } from "./chart-tooltip";
import { describeCardioStatus } from "./describe";
import { formatDayLong, formatDayShort, formatNumber } from "./format";
import { AXIS_TICK, CHART_COLORS, NO_ANIMATION, yAxisLabel } from "./theme";

export type CardioStatusPoint = {
  date: string;
  /** Polar's status word (e.g. `PRODUCTIVE`) or a computed estimate; null = not available. */
  status: string | null;
  /** "polar" = Polar's own; "estimated" = computed from our daily load with unpublished cut-points. */
  source: "polar" | "estimated" | null;
  ratio: number | null;
};

/** Vertical position of each status, transitions placed between their neighbours. */
const STATUS_LEVEL: Record<string, number> = {
  DETRAINING: 1,
  MAINTAINING: 2,
  RECOVERY_AFTER_OVERREACHING: 2.5,
  PRODUCTIVE: 3,
  PRODUCTIVE_DROPPED_FROM_OVERREACHING: 3.3,
  PRODUCTIVE_ALMOST_OVERREACHING: 3.6,
  OVERREACHING: 4,
};

const LEVEL_LABEL: Record<number, string> = { 1: "Detraining", 2: "Maintaining", 3: "Productive", 4: "Overreaching" };

type Row = CardioStatusPoint & { polarLevel: number | null; estimatedLevel: number | null };

/** Polar's cardio-load status over time; computed estimates drawn separately and labelled as such. */
export function CardioStatusChart({ points, testId = "chart-cardio-status", height = 220 }: { points: readonly CardioStatusPoint[]; testId?: string; height?: number }) {
  const rows: Row[] = points.map((point) => {
    const level = point.status === null ? undefined : STATUS_LEVEL[point.status];
    return {
      ...point,
      polarLevel: point.source === "polar" && level !== undefined ? level : null,
      estimatedLevel: point.source === "estimated" && level !== undefined ? level : null,
    };
  });
  const hasValue = rows.some((row) => row.polarLevel !== null || row.estimatedLevel !== null);
  const hasEstimate = rows.some((row) => row.estimatedLevel !== null);
  return (
    <ChartFrame
      testId={testId}
      title="Cardio-load status"
      description="Polar's status from strain (7-day mean load) ÷ tolerance (28-day mean load)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No cardio-load status yet — it needs 28 days of load history."
      footer={
        hasEstimate ? (
          <p>
            Dashed: estimated — thresholds not published by Polar (ratio cut-points 0.8 / 1.0 / 1.3 are
            unverified). Solid: Polar&apos;s own status.
          </p>
        ) : (
          <p>Polar&apos;s own status, as Polar gives it.</p>
        )
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
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
              <ChartTooltip<Row>
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
          <Line dataKey="polarLevel" name="Polar" type="stepAfter" stroke={CHART_COLORS.c1} strokeWidth={2} dot={false} connectNulls={false} {...NO_ANIMATION} />
          <Line
            dataKey="estimatedLevel"
            name="estimated"
            type="stepAfter"
            stroke={CHART_COLORS.muted}
            strokeDasharray="5 3"
            strokeWidth={2}
            dot={false}
            connectNulls={false}
            {...NO_ANIMATION}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
