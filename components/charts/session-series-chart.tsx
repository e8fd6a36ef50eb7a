import { ChartFrame } from "./chart-frame";
import type { SessionSamplePoint } from "./types";
import { SessionSeriesPlot } from "./lazy-plots";
import { CHART_COLORS } from "./theme";

export type SessionSeriesChartProps = {
  testId: string;
  title: string;
  unit: string;
  decimals?: number;
  points: readonly SessionSamplePoint[];
  color?: string;
  height?: number;
};

/** Speed, altitude, power or cadence over the session's elapsed time. */
export function SessionSeriesChart({ testId, title, unit, decimals = 0, points, color = CHART_COLORS.c1, height = 200 }: SessionSeriesChartProps) {
  const hasValue = points.some((point) => point.value !== null);
  return (
    <ChartFrame
      testId={testId}
      title={title}
      description={`${unit} over elapsed time`}
      state={hasValue ? "loaded" : "empty"}
      emptyMessage={`No ${title.toLowerCase()} samples in this session.`}
    >
      <SessionSeriesPlot title={title} unit={unit} decimals={decimals} points={points} color={color} height={height} />
    </ChartFrame>
  );
}
