import { ChartFrame, type BaselineProgress } from "./chart-frame";
import { isPmcSeedDominant } from "@/lib/analytics/pmc";
import { describePmcSeed } from "./describe";
import { LoadPlot } from "./lazy-plots";
import type { LoadChartPoint } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { LoadChartPoint, LoadSource } from "./types";

export type LoadChartProps = {
  points: readonly LoadChartPoint[];
  building?: readonly BaselineProgress[];
  testId?: string;
  height?: number;
  /** While the PMC seed dominates a shown day, the footer says so (off where the page says it already). */
  showSeedNote?: boolean;
};

/**
 * Daily load bars with fitness (CTL), fatigue (ATL) and form (TSB). Bars from the TRIMP fallback are drawn
 * hatched and named in the tooltip, so two sources are never silently mixed.
 */
export function LoadChart({ points, building, testId = "chart-load", height = 300, showSeedNote = true }: LoadChartProps) {
  const hasLoad = points.some((point) => point.loadSource !== "none");
  const fallbackDays = points.filter((point) => point.loadSource === "trimp").length;
  const lastSeeded = points.findLast((point) => isPmcSeedDominant(point.dayIndex));
  const seedNote = showSeedNote && lastSeeded ? describePmcSeed(lastSeeded.dayIndex) : null;
  return (
    <ChartFrame
      testId={testId}
      title="Fitness, fatigue and form"
      description="Daily load (AU) as bars; fitness (CTL), fatigue (ATL) and form (TSB) as lines."
      formula={
        <>
          <p>CTL and ATL are exponentially weighted averages of daily load over 42 and 7 days: each day, CTL += k(42) × (load − CTL) and ATL += k(7) × (load − ATL), with the gain k(τ) = 1 − e^(−1/τ).</p>
          <p>TSB (form) = yesterday&apos;s CTL − yesterday&apos;s ATL, so today&apos;s session does not lower today&apos;s form.</p>
          <p>Without earlier history, CTL and ATL start at the mean daily load of the first 7 days.</p>
        </>
      }
      state={hasLoad ? "loaded" : "empty"}
      emptyMessage="No training load yet — sync a session recorded with heart rate to start the load chart."
      building={building}
      footer={
        <>
          <p>
            Hatched bars: days whose load is our Banister TRIMP because Polar gave no cardio load
            {fallbackDays > 0 ? ` (${fallbackDays} in this range)` : ""}. A day without sessions counts as 0.
          </p>
          {seedNote ? <p data-testid={`${testId}-seed-note`}>{seedNote}</p> : null}
          <p>TSB bands (e.g. below −30) are coaching conventions, not validated limits.</p>
        </>
      }
    >
      <LoadPlot points={points} testId={testId} height={height} />
    </ChartFrame>
  );
}
