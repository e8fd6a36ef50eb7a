import { ChartFrame } from "./chart-frame";
import { WeeklyZonePlot } from "./lazy-plots";
import type { WeeklyZonePoint } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { WeeklyZonePoint } from "./types";

const KEYS = ["z1", "z2", "z3", "z4", "z5"] as const;

/** Weekly time in zone as stacked bars. */
export function WeeklyZoneChart({ points, testId = "chart-weekly-zones", height = 260 }: { points: readonly WeeklyZonePoint[]; testId?: string; height?: number }) {
  const hasValue = points.some((point) => KEYS.some((key) => point[key] > 0));
  return (
    <ChartFrame
      testId={testId}
      title="Weekly time in zone"
      description="Minutes per week in Z1–Z5, computed from each session's samples with the same zone model (weeks start Monday)."
      state={hasValue ? "loaded" : "empty"}
      emptyMessage="No sessions with heart rate in this range yet."
      footer={<p>Easy = Z1–Z2, moderate = Z3, hard = Z4–Z5.</p>}
    >
      <WeeklyZonePlot points={points} height={height} />
    </ChartFrame>
  );
}
