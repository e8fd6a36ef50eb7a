"use client";

import { AcwrChart } from "@/components/charts/acwr-chart";
import { CardioStatusChart } from "@/components/charts/cardio-status-chart";
import { LoadChart } from "@/components/charts/load-chart";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart } from "@/components/charts/trend-chart";
import type { DailySeriesDTO } from "@/lib/dal/dto";
import { toAcwrPoints, toBuilding, toCardioStatusPoints, toLoadPoints, toMonotonyRows } from "./daily-rows";
import { SeriesStatus } from "./series-status";
import { useDailySeries } from "./use-daily-series";

/** The Load page's charts, following the range in the URL. */
export function LoadPanel({ initial }: { initial: DailySeriesDTO }) {
  const { series, isError, isFetching } = useDailySeries(initial);
  const points = series?.points ?? [];
  const building = toBuilding(points, ["load"]);
  return (
    <div className="space-y-4">
      <SeriesStatus isFetching={isFetching} isError={isError} />
      <LoadChart points={toLoadPoints(points)} building={building} />
      <div className="grid gap-4 lg:grid-cols-2">
        <AcwrChart points={toAcwrPoints(points)} building={building} />
        <TrendChart
          testId="chart-monotony"
          title="Monotony"
          description="How alike your daily loads were over the last 7 days (ratio, no unit). Foster's warning level: 2.0."
          formula={<p>Monotony = mean ÷ population SD of the 7 daily loads ending each day; strain = the 7 days&apos; total load × monotony.</p>}
          emptyMessage="Monotony needs 7 days with some variation in load (seven identical days have no defined monotony)."
          yLabel="monotony (ratio)"
          rows={toMonotonyRows(points)}
          series={[{ key: "monotony", name: "Monotony", color: CHART_COLORS.c5, unit: "", decimals: 2 }]}
          referenceLines={[{ y: 2, label: "2.0 warning" }]}
          extraLines={(row) => [{ label: "Strain", value: typeof row.strain === "number" ? `${row.strain.toFixed(0)} AU` : "—" }]}
          yDomain={[0, "auto"]}
        />
      </div>
      <CardioStatusChart points={toCardioStatusPoints(points)} />
    </div>
  );
}
