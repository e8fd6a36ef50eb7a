import { ChartFrame } from "./chart-frame";
import { HrCurvePlot } from "./lazy-plots";
import type { SessionSamplePoint } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { SessionSamplePoint } from "./types";

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
      <HrCurvePlot points={points} zoneLowerBounds={zoneLowerBounds} bottom={bottom} top={top} height={height} />
    </ChartFrame>
  );
}
