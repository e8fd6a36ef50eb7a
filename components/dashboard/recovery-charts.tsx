import type { ReactNode } from "react";
import { formatHrv } from "@/components/charts/format";
import { readNumber } from "@/components/charts/describe";
import { CHART_COLORS } from "@/components/charts/theme";
import { TrendChart } from "@/components/charts/trend-chart";
import type { DailyPointDTO } from "@/lib/dal/dto";
import { toBuilding, toHrvRows, toRhrRows } from "./daily-rows";

// Each series has its own colour and its own mark: the measured value a solid line, the baseline a dashed
// grey line, the normal range a green band (a square in the legend), so nothing is told by colour alone.
const NORMAL_BAND_COLOR = CHART_COLORS.c3;

/** Nightly resting HR against the athlete's normal (athlete's Recovery page and the coach's). */
export function RhrChart({ points, emptyMessage, footer }: { points: readonly DailyPointDTO[]; emptyMessage: string; footer?: ReactNode }) {
  return (
    <TrendChart
      testId="chart-rhr"
      title="Resting heart rate"
      description="Nightly resting HR (Nightly Recharge average HR, bpm) against the normal range of the weeks before."
      formula={<p>Normal range = mean ± 1 SD of the valid nights among the 30 before each night (at least 14 needed).</p>}
      emptyMessage={emptyMessage}
      yLabel="heart rate (bpm)"
      rows={toRhrRows(points)}
      series={[
        { key: "rhr", name: "Resting HR", color: CHART_COLORS.c2, unit: "bpm", decimals: 0 },
        { key: "baselineMean", name: "Baseline mean", color: CHART_COLORS.muted, unit: "bpm", decimals: 1, dashed: true },
      ]}
      band={{ lowKey: "low", highKey: "high", name: "Normal range (±1 SD)", color: NORMAL_BAND_COLOR, unit: "bpm", decimals: 1 }}
      building={toBuilding(points, ["rhr"])}
      footer={footer}
    />
  );
}

/** HRV as rMSSD in ms (as Polar Flow shows it), lnRMSSD in the tooltip and the fold; the rules use ln. */
export function HrvChart({ points, emptyMessage, footer }: { points: readonly DailyPointDTO[]; emptyMessage: string; footer?: ReactNode }) {
  return (
    <TrendChart
      testId="chart-hrv"
      title="HRV (rMSSD)"
      description="Nightly Recharge rMSSD in ms: nightly values and their 7-night mean, against your normal range."
      formula={
        <>
          <p>The analysis runs on lnRMSSD (the natural log of rMSSD), which is closer to normally distributed.</p>
          <p>7-night mean = mean lnRMSSD of the 7 nights ending each night (at least 3). Normal range = mean ± 0.5 SD of lnRMSSD over the 60 nights before (at least 14). Both are shown converted back to ms.</p>
        </>
      }
      emptyMessage={emptyMessage}
      yLabel="rMSSD (ms)"
      rows={toHrvRows(points)}
      series={[
        { key: "rolling7", name: "7-night mean", color: CHART_COLORS.c1, unit: "ms", format: (_, row) => formatHrv(readNumber(row, "rolling7Ln"), { withLn: true }) },
        { key: "nightly", name: "Nightly", color: CHART_COLORS.muted, unit: "ms", dashed: true, format: (_, row) => formatHrv(readNumber(row, "nightlyLn"), { withLn: true }) },
      ]}
      band={{ lowKey: "low", highKey: "high", name: "Normal range", color: NORMAL_BAND_COLOR, unit: "ms", decimals: 0 }}
      building={toBuilding(points, ["hrv", "hrv-rolling"])}
      extraLines={(row) => [{ label: "7-night CV (of lnRMSSD)", value: typeof row.cv7 === "number" ? `${row.cv7.toFixed(1)} %` : "—" }]}
      yTickDecimals={0}
      footer={footer}
    />
  );
}
