import { ChartFrame } from "./chart-frame";
import { SleepStagesPlot } from "./lazy-plots";
import type { SleepStagesPoint } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { SleepStagesPoint } from "./types";

/** Stage totals per night as stacked bars; shares are of staged sleep (unrecognised excluded). */
export function SleepStagesChart({ points, testId = "chart-sleep-stages", height = 260 }: { points: readonly SleepStagesPoint[]; testId?: string; height?: number }) {
  const hasValue = points.some((point) => point.lightMin !== null);
  return (
    <ChartFrame
      testId={testId}
      title="Sleep stages per night"
      description="Minutes of deep, light and REM sleep per night (the wake-up day)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No sleep data yet — sleep needs a night with the watch on."
      footer={<p>Typical adult shares: light about 50–60 %, deep 10–20 %, REM 20–25 %. Wrist staging is an estimate.</p>}
    >
      <SleepStagesPlot points={points} height={height} />
    </ChartFrame>
  );
}
