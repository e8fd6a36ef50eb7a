"use client";

import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart } from "@/components/charts/trend-chart";
import type { DailySeriesDTO } from "@/lib/dal/dto";
import { ANS_STATUS_WORDS, RECHARGE_STATUS_WORDS, toRechargeRows } from "./daily-rows";
import { FlagTimeline } from "./flag-timeline";
import { HrvChart, RhrChart } from "./recovery-charts";
import { RiskCaveats } from "./risk-details";
import { SeriesStatus } from "./series-status";
import { useDailySeries } from "./use-daily-series";

const NO_NIGHTS = "No nightly data yet — resting HR and HRV need nights with the watch on (Nightly Recharge).";

/** The Recovery page: RHR and HRV against their normal ranges, Nightly Recharge, and the flag timeline. */
export function RecoveryPanel({ initial }: { initial: DailySeriesDTO }) {
  const { series, isError, isFetching } = useDailySeries(initial);
  const points = series?.points ?? [];
  return (
    <div className="space-y-4">
      <SeriesStatus isFetching={isFetching} isError={isError} />
      <FlagTimeline key={`${series?.from}-${series?.to}`} points={points} />
      <div className="grid gap-4 lg:grid-cols-2">
        <RhrChart
          points={points}
          emptyMessage={NO_NIGHTS}
          footer={<p>Flag: 5 bpm or 1 SD above normal on 2 nights in a row. Alcohol, heat, late meals, travel and illness also raise it.</p>}
        />
        <HrvChart points={points} emptyMessage={NO_NIGHTS} footer={<p>Only drops are flagged: values well above the range are not automatically good.</p>} />
        <TrendChart
          testId="chart-ans-charge"
          title="ANS charge"
          description="Polar's ANS charge (−10 … +10, around 0 = your usual), as Polar gives it."
          emptyMessage={NO_NIGHTS}
          yLabel="ANS charge (−10…+10)"
          rows={toRechargeRows(points)}
          series={[{ key: "ansCharge", name: "ANS charge", color: CHART_COLORS.c3, unit: "", decimals: 1, kind: "bar" }]}
          extraLines={(row) => [
            { label: "ANS status", value: typeof row.ansChargeStatus === "number" ? (ANS_STATUS_WORDS[row.ansChargeStatus] ?? String(row.ansChargeStatus)) : "—" },
          ]}
          yDomain={[-10, 10]}
        />
        <TrendChart
          testId="chart-recharge-status"
          title="Nightly Recharge status"
          description="Polar's status on its 1–6 scale (very poor … very good)."
          emptyMessage={NO_NIGHTS}
          yLabel="status (1–6)"
          rows={toRechargeRows(points)}
          series={[{ key: "rechargeStatus", name: "Nightly Recharge", color: CHART_COLORS.c5, unit: "", kind: "step" }]}
          extraLines={(row) => [
            { label: "Meaning", value: typeof row.rechargeStatus === "number" ? (RECHARGE_STATUS_WORDS[row.rechargeStatus] ?? "—") : "—" },
          ]}
          yDomain={[1, 6]}
          yTicks={[1, 2, 3, 4, 5, 6]}
        />
      </div>
      <RiskCaveats />
    </div>
  );
}
