import { ChartFrame, type BaselineProgress } from "./chart-frame";
import { AcwrPlot } from "./lazy-plots";
import type { AcwrChartPoint } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { AcwrChartPoint } from "./types";

export type AcwrChartProps = {
  points: readonly AcwrChartPoint[];
  building?: readonly BaselineProgress[];
  testId?: string;
  height?: number;
};

/**
 * Acute:chronic workload ratio. The EWMA form (the one the flags use) is solid; the rolling coupled and
 * uncoupled forms are drawn for comparison.
 */
export function AcwrChart({ points, building, testId = "chart-acwr", height = 260 }: AcwrChartProps) {
  const hasValue = points.some((point) => point.acwrEwma !== null || point.acwrCoupled !== null);
  return (
    <ChartFrame
      testId={testId}
      title="Acute:chronic workload ratio"
      description="This week's load against your recent normal (ratio, no unit). Shaded: 0.8–1.3 usual range; line: 1.5 spike."
      formula={
        <>
          <p>EWMA (used for flags) = exponentially weighted average of daily load over 7 days ÷ the same over 28 days, with λ = 2/(N+1).</p>
          <p>Rolling coupled = mean load of the last 7 days ÷ mean of the last 28 days. Rolling uncoupled = mean of the last 7 days ÷ mean of the 21 days before them.</p>
        </>
      }
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="ACWR needs 28 days of history — keep syncing and it appears on day 28."
      building={building}
      footer={
        <>
          <p>
            ACWR describes, it does not predict injuries. A ratio explodes when the recent normal is small (new
            athletes, return from injury), and the same ratio means very different absolute jumps at different
            fitness levels.
          </p>
          <p>
            The coupled form shares its data between numerator and denominator, which creates spurious correlation.
            A 2021 re-analysis reproduced the published injury links with fixed or random &quot;chronic&quot; loads and
            found no advantage over acute load alone. So ACWR never raises the top risk level on its own.
          </p>
        </>
      }
    >
      <AcwrPlot points={points} height={height} />
    </ChartFrame>
  );
}
