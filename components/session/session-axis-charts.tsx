"use client";

import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { ChartFrame } from "@/components/charts/chart-frame";
import { boxPlot, PlotSkeleton } from "@/components/charts/plot-box";
import { CHART_COLORS } from "@/components/charts/theme";
import { ToggleButton } from "@/components/ui/button";
import { formatMotion, toMotionValue, type MotionDisplay } from "@/lib/analytics/motion";
import type { SamplePointDTO } from "@/lib/dal/dto";
import type { AxisPlotProps } from "./axis-plot";
import { toAxisPoints, toDistanceLookup, toPaceDomain, type AxisKind } from "./axis-series";

const AxisPlot = boxPlot(dynamic<AxisPlotProps>(() => import("./axis-plot").then((mod) => mod.AxisPlot), { ssr: false, loading: PlotSkeleton }));

export type SessionAxisChartsProps = {
  heartRate: readonly SamplePointDTO[] | null;
  speed: readonly SamplePointDTO[] | null;
  power: readonly SamplePointDTO[] | null;
  distanceTrack: readonly SamplePointDTO[] | null;
  motion: MotionDisplay | null;
  zoneLowerBounds: readonly number[] | null;
  hrMax: number | null;
};

/** Mean and highest of a series (the charts' text alternative). */
function summarize(points: readonly { value: number | null }[] | null): { mean: number; max: number } | null {
  const values = (points ?? []).flatMap((point) => (point.value === null ? [] : [point.value]));
  if (values.length === 0) return null;
  return { mean: values.reduce((sum, value) => sum + value, 0) / values.length, max: Math.max(...values) };
}

/**
 * Heart rate, pace or speed, and power of one session over elapsed time or over distance (a toggle; distance
 * needs speed samples). Pace for running and walking, speed otherwise (lib/analytics/motion.ts).
 */
export function SessionAxisCharts({ heartRate, speed, power, distanceTrack, motion, zoneLowerBounds, hrMax }: SessionAxisChartsProps) {
  const [axis, setAxis] = useState<AxisKind>("time");
  const distanceAt = useMemo(() => (distanceTrack ? toDistanceLookup(distanceTrack) : null), [distanceTrack]);
  const display = motion ?? "speed";
  const over = axis === "time" ? "over elapsed time" : "over distance";
  const hrPoints = useMemo(() => toAxisPoints(heartRate ?? [], axis, distanceAt), [heartRate, axis, distanceAt]);
  const motionPoints = useMemo(() => toAxisPoints(speed ?? [], axis, distanceAt, (value) => toMotionValue(display, value)), [speed, axis, distanceAt, display]);
  const powerPoints = useMemo(() => toAxisPoints(power ?? [], axis, distanceAt), [power, axis, distanceAt]);
  const hrValues = hrPoints.flatMap((point) => (point.value === null ? [] : [point.value]));
  const hrTop = Math.max(hrMax ?? 0, ...hrValues) + 5;
  const hrBottom = Math.max(0, Math.min(zoneLowerBounds?.[0] ?? hrTop, ...hrValues) - 10);
  const hrSummary = summarize(heartRate);
  const speedSummary = summarize(speed);
  const powerSummary = summarize(power);
  const hasValue = (points: readonly { value: number | null }[]) => points.some((point) => point.value !== null);
  const toggle = distanceAt ? (
    <div role="group" aria-label="Chart x axis" className="flex gap-1" data-testid="axis-toggle" data-axis={axis}>
      <ToggleButton isPressed={axis === "time"} onClick={() => setAxis("time")}>
        Time
      </ToggleButton>
      <ToggleButton isPressed={axis === "distance"} onClick={() => setAxis("distance")}>
        Distance
      </ToggleButton>
    </div>
  ) : null;
  return (
    <div className="space-y-4" data-testid="session-axis-charts" data-axis={axis}>
      <ChartFrame
        testId="chart-hr-curve"
        title="Heart rate"
        description={`bpm ${over}; shaded bands are your heart-rate zones Z1–Z5 (computed).`}
        state={hasValue(hrPoints) ? "loaded" : "empty"}
        emptyMessage="This session has no heart-rate samples — record with a heart-rate sensor to see the curve."
        actions={toggle}
        footer={hrSummary ? `Mean ${Math.round(hrSummary.mean)} bpm, highest ${Math.round(hrSummary.max)} bpm.` : undefined}
      >
        <AxisPlot points={hrPoints} axis={axis} label="Heart rate" yLabel="heart rate (bpm)" unit="bpm" format="number" decimals={0} color={CHART_COLORS.c2} height={280} domain={[hrBottom, hrTop]} zoneLowerBounds={zoneLowerBounds} />
      </ChartFrame>
      <div className="grid gap-4 lg:grid-cols-2">
        {speed ? (
          <ChartFrame
            testId={display === "pace" ? "chart-pace" : "chart-speed"}
            title={display === "pace" ? "Pace" : "Speed"}
            description={display === "pace" ? `min/km ${over}; faster is higher` : `km/h ${over}`}
            state={hasValue(motionPoints) ? "loaded" : "empty"}
            emptyMessage={`No ${display} samples in this session.`}
            footer={
              speedSummary
                ? `Mean ${display} ${formatMotion(display, speedSummary.mean).value} ${formatMotion(display, speedSummary.mean).unit} while recording; ${display === "pace" ? "fastest" : "top"} ${formatMotion(display, speedSummary.max).value} ${formatMotion(display, speedSummary.max).unit}.`
                : undefined
            }
          >
            <AxisPlot
              points={motionPoints}
              axis={axis}
              label={display === "pace" ? "Pace" : "Speed"}
              yLabel={display === "pace" ? "pace (min/km)" : "speed (km/h)"}
              unit={display === "pace" ? "min/km" : "km/h"}
              format={display === "pace" ? "pace" : "number"}
              decimals={1}
              color={CHART_COLORS.c1}
              height={200}
              domain={display === "pace" ? toPaceDomain(motionPoints.map((point) => point.value)) : null}
            />
          </ChartFrame>
        ) : null}
        {power ? (
          <ChartFrame testId="chart-power" title="Power" description={`W ${over}`} state={hasValue(powerPoints) ? "loaded" : "empty"} emptyMessage="No power samples in this session."
            footer={powerSummary ? `Mean ${Math.round(powerSummary.mean)} W, highest ${Math.round(powerSummary.max)} W.` : undefined}
          >
            <AxisPlot points={powerPoints} axis={axis} label="Power" yLabel="power (W)" unit="W" format="number" decimals={0} color={CHART_COLORS.c4} height={200} domain={null} />
          </ChartFrame>
        ) : null}
      </div>
    </div>
  );
}
