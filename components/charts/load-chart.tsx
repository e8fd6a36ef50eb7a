import { ChartFrame, type BaselineProgress } from "./chart-frame";
import { LoadPlot } from "./lazy-plots";
import type { LoadChartPoint } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { LoadChartPoint, LoadSource } from "./types";

export type LoadChartProps = {
  points: readonly LoadChartPoint[];
  building?: readonly BaselineProgress[];
  testId?: string;
  height?: number;
};

/**
 * Daily load bars with fitness (CTL), fatigue (ATL) and form (TSB). Bars from the TRIMP fallback are drawn
 * hatched and named in the tooltip, so two sources are never silently mixed.
 */
export function LoadChart({ points, building, testId = "chart-load", height = 300 }: LoadChartProps) {
  const hasLoad = points.some((point) => point.loadSource !== "none");
  const fallbackDays = points.filter((point) => point.loadSource === "trimp").length;
  return (
    <ChartFrame
      testId={testId}
      title="Fitness, fatigue and form"
      description="Daily load (AU) as bars; CTL 42-day and ATL 7-day exponential averages with gain 1 − e^(−1/τ); TSB = yesterday's CTL − ATL."
      state={hasLoad ? "loaded" : "empty"}
      emptyMessage="No training load yet — sync a session recorded with heart rate to start the load chart."
      building={building}
      footer={
        <>
          <p>
            Hatched bars: days whose load is our Banister TRIMP because Polar gave no cardio load
            {fallbackDays > 0 ? ` (${fallbackDays} in this range)` : ""}. A day without sessions counts as 0.
          </p>
          <p>TSB bands (e.g. below −30) are coaching conventions, not validated limits.</p>
        </>
      }
    >
      <LoadPlot points={points} testId={testId} height={height} />
    </ChartFrame>
  );
}
