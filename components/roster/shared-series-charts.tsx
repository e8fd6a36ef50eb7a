"use client";

import { AcwrChart } from "@/components/charts/acwr-chart";
import { CardioStatusChart } from "@/components/charts/cardio-status-chart";
import { LoadChart } from "@/components/charts/load-chart";
import { SleepStagesChart } from "@/components/charts/sleep-stages-chart";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart } from "@/components/charts/trend-chart";
import {
  toAcwrPoints,
  toBuilding,
  toCardioStatusPoints,
  toLoadPoints,
  toSleepDebtRows,
  toSleepScoreRows,
  toSleepStagePoints,
} from "@/components/dashboard/daily-rows";
import { HrvChart, RhrChart } from "@/components/dashboard/recovery-charts";
import type { DailyPointDTO } from "@/lib/dal/dto";

/**
 * The dashboard's charts over a coach-visible series (server-rendered for one range; the athlete's own panels
 * fetch `me`, so they cannot show someone else). Same chart components and row mappers, read-only.
 */
export function SharedSeriesCharts({ kind, points }: { kind: "load" | "sleep" | "recovery"; points: readonly DailyPointDTO[] }) {
  if (kind === "load") {
    const building = toBuilding(points, ["load"]);
    return (
      <div className="space-y-4">
        <LoadChart points={toLoadPoints(points)} building={building} />
        <div className="grid gap-4 lg:grid-cols-2">
          <AcwrChart points={toAcwrPoints(points)} building={building} />
          <CardioStatusChart points={toCardioStatusPoints(points)} />
        </div>
      </div>
    );
  }
  if (kind === "sleep") {
    return (
      <div className="space-y-4">
        <SleepStagesChart points={toSleepStagePoints(points)} />
        <div className="grid gap-4 lg:grid-cols-2">
          <TrendChart
            testId="chart-sleep-score"
            title="Sleep score"
            description="Polar's sleep score (1–100)."
            emptyMessage="No sleep data in this range."
            yLabel="score (1–100)"
            rows={toSleepScoreRows(points)}
            series={[{ key: "sleepScore", name: "Sleep score", color: CHART_COLORS.c5, unit: "" }]}
            yDomain={[0, 100]}
          />
          <TrendChart
            testId="chart-sleep-debt"
            title="Sleep debt (7 nights)"
            description="Hours short of the athlete's need over the 7 nights ending each day."
            emptyMessage="No sleep data in this range."
            yLabel="debt (h)"
            rows={toSleepDebtRows(points)}
            series={[{ key: "grossHours", name: "Gross debt", color: CHART_COLORS.c2, unit: "h", decimals: 1, kind: "bar" }]}
            referenceLines={[{ y: 7, label: "7 h warning" }]}
            yDomain={[0, "auto"]}
          />
        </div>
      </div>
    );
  }
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <RhrChart points={points} emptyMessage="No nightly data in this range." />
      <HrvChart points={points} emptyMessage="No nightly data in this range." />
    </div>
  );
}
