import { ChartFrame } from "./chart-frame";
import { readNumber } from "./describe";
import { TrendPlot } from "./lazy-plots";
import type { TrendChartProps } from "./types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { TrendBand, TrendChartProps, TrendReferenceLine, TrendRow, TrendSeries } from "./types";

/** Line/bar trend over athlete-local days with an optional normal-range band and reference lines. */
export function TrendChart({
  testId,
  title,
  description,
  emptyMessage,
  yLabel,
  rows,
  series,
  band,
  referenceLines,
  building,
  footer,
  formula,
  yDomain = ["auto", "auto"],
  extraLines,
  height = 260,
  actions,
  yTickDecimals,
  yTicks,
}: TrendChartProps) {
  const hasValue = rows.some((row) => series.some((item) => readNumber(row, item.key) !== null));
  return (
    <ChartFrame
      testId={testId}
      title={title}
      description={description}
      state={hasValue ? "loaded" : "empty"}
      emptyMessage={emptyMessage}
      building={building}
      footer={footer}
      formula={formula}
      actions={actions}
    >
      <TrendPlot yLabel={yLabel} rows={rows} series={series} band={band} referenceLines={referenceLines} extraLines={extraLines} yDomain={yDomain} height={height} yTickDecimals={yTickDecimals} yTicks={yTicks} />
    </ChartFrame>
  );
}
