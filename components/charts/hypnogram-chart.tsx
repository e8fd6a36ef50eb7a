import type { ReactNode } from "react";
import { ChartFrame } from "./chart-frame";
import { toHypnogramRows, type HypnogramNight } from "./describe";
import { formatDayLong } from "./format";
import { HypnogramPlot } from "./lazy-plots";

export type { HypnogramNight, HypnogramStage } from "./describe";

/** Sleep stages over the athlete's clock time across midnight. */
export function HypnogramChart({
  night,
  testId = "chart-hypnogram",
  height = 220,
  actions,
}: {
  night: HypnogramNight | null;
  testId?: string;
  height?: number;
  actions?: ReactNode;
}) {
  const rows = night ? toHypnogramRows(night) : [];
  return (
    <ChartFrame
      testId={testId}
      title={night ? `Hypnogram · night to ${formatDayLong(night.date)}` : "Hypnogram"}
      description="Sleep stages over your clock time that night (30-second epochs from Polar). Wrist staging is an estimate."
      state={night && rows.length > 0 ? "loaded" : "empty"}
      emptyMessage="No sleep data yet — sleep needs a night with the watch on."
      actions={actions}
    >
      {night ? (
        <HypnogramPlot night={{ startUtcMs: night.startUtcMs, endUtcMs: night.endUtcMs, offsetMinutes: night.offsetMinutes }} rows={rows} height={height} />
      ) : null}
    </ChartFrame>
  );
}
