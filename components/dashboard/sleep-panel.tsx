"use client";

import { SleepStagesChart } from "@/components/charts/sleep-stages-chart";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart } from "@/components/charts/trend-chart";
import type { DailySeriesDTO } from "@/lib/dal/dto";
import { toSleepDebtRows, toSleepScoreRows, toSleepStagePoints } from "./daily-rows";
import { SeriesStatus } from "./series-status";
import { useDailySeries } from "./use-daily-series";

const NO_SLEEP = "No sleep data yet — sleep needs a night with the watch on.";

/** The Sleep page's trend charts, following the range in the URL. */
export function SleepPanel({ initial }: { initial: DailySeriesDTO }) {
  const { series, isError, isFetching } = useDailySeries(initial, "4w");
  const points = series?.points ?? [];
  const needHours = (series?.sleepNeedMinutes ?? initial.sleepNeedMinutes) / 60;
  return (
    <div className="space-y-4">
      <SeriesStatus isFetching={isFetching} isError={isError} />
      <SleepStagesChart points={toSleepStagePoints(points)} />
      <div className="grid gap-4 lg:grid-cols-2">
        <TrendChart
          testId="chart-sleep-score"
          title="Sleep score"
          description="Polar's sleep score (1–100), shown as Polar gives it; typical scores are 70–85."
          emptyMessage={NO_SLEEP}
          yLabel="score (1–100)"
          rows={toSleepScoreRows(points)}
          series={[{ key: "sleepScore", name: "Sleep score", color: CHART_COLORS.c5, unit: "" }]}
          extraLines={(row) => [
            { label: "Actual sleep", value: typeof row.actualSleepHours === "number" ? `${row.actualSleepHours.toFixed(1)} h` : "—" },
          ]}
          yDomain={[0, 100]}
        />
        <TrendChart
          testId="chart-sleep-debt"
          title="Sleep debt (7 nights)"
          description={`Hours short of your need (${needHours.toFixed(1)} h a night) over the 7 nights ending each day. Missing nights are skipped, not counted as zero.`}
          formula={<p>Our formula (Polar publishes none): gross debt = Σ max(0, need − actual sleep) over the measured nights of the 7; net debt lets surplus nights pay back.</p>}
          emptyMessage={NO_SLEEP}
          yLabel="debt (h)"
          rows={toSleepDebtRows(points)}
          series={[
            { key: "grossHours", name: "Gross debt", color: CHART_COLORS.c2, unit: "h", decimals: 1, kind: "bar" },
            { key: "netHours", name: "Net (surplus pays back)", color: CHART_COLORS.c1, unit: "h", decimals: 1 },
          ]}
          referenceLines={[{ y: 7, label: "7 h warning" }]}
          extraLines={(row) => [{ label: "Nights measured", value: typeof row.validNights === "number" ? `${row.validNights} of 7` : "—" }]}
          yDomain={[0, "auto"]}
        />
      </div>
    </div>
  );
}
