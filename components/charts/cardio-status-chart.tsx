import type { PolarCardioLoadStatus } from "@/lib/polar/schemas/cardio-load";
import { ChartFrame } from "./chart-frame";
import { CardioStatusPlot } from "./lazy-plots";
import type { CardioStatusPoint, CardioStatusRow } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { CardioStatusPoint, CardioStatusRow } from "./types";

/** Vertical position of each status, transitions placed between their neighbours. */
const STATUS_LEVEL: Partial<Record<PolarCardioLoadStatus, number>> = {
  DETRAINING: 1,
  MAINTAINING: 2,
  RECOVERY_AFTER_OVERREACHING: 2.5,
  PRODUCTIVE: 3,
  PRODUCTIVE_DROPPED_FROM_OVERREACHING: 3.3,
  PRODUCTIVE_ALMOST_OVERREACHING: 3.6,
  OVERREACHING: 4,
};

/** Polar's cardio-load status over time; computed estimates drawn separately and labelled as such. */
export function CardioStatusChart({ points, testId = "chart-cardio-status", height = 220 }: { points: readonly CardioStatusPoint[]; testId?: string; height?: number }) {
  const rows: CardioStatusRow[] = points.map((point) => {
    const level = point.status === null ? undefined : STATUS_LEVEL[point.status as PolarCardioLoadStatus];
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
      description="Polar's cardio-load status per day: detraining, maintaining, productive or overreaching."
      formula={<p>Polar compares strain (mean daily load of the last 7 days) with tolerance (mean of the last 28 days). Where Polar gives no status, we estimate it from strain ÷ tolerance of our daily load.</p>}
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No cardio-load status in this range yet. Polar gives one once it knows a few weeks of your training; where it gives none, we estimate it after 28 days of load history."
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
      <CardioStatusPlot rows={rows} height={height} />
    </ChartFrame>
  );
}
