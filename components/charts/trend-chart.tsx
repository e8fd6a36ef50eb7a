import type { ReactNode } from "react";
import { ChartFrame, type BaselineProgress } from "./chart-frame";
import type { TooltipLine } from "./chart-tooltip";
import { readNumber } from "./describe";
import { TrendPlot } from "./lazy-plots";

/** One plotted value per athlete-local day; `null` = not measured / not computable (drawn as a gap). */
export type TrendRow = { date: string } & { [key: string]: string | number | null };

export type TrendSeries = {
  key: string;
  name: string;
  color: string;
  /** Unit in the tooltip (`bpm`, `kg`, `min`…). */
  unit: string;
  decimals?: number;
  kind?: "line" | "bar" | "step";
  dashed?: boolean;
};

/** A shaded normal range (e.g. baseline mean ± SD) between two keys of the same row. */
export type TrendBand = { lowKey: string; highKey: string; name: string; color: string; decimals?: number; unit: string };

export type TrendReferenceLine = { y: number; label: string; color?: string };

export type TrendChartProps = {
  testId: string;
  title: string;
  description?: ReactNode;
  emptyMessage: string;
  /** Y-axis title with its unit, e.g. "bpm". */
  yLabel: string;
  rows: readonly TrendRow[];
  series: readonly TrendSeries[];
  band?: TrendBand;
  referenceLines?: readonly TrendReferenceLine[];
  building?: readonly BaselineProgress[];
  footer?: ReactNode;
  yDomain?: [number | "auto" | "dataMin" | "dataMax", number | "auto" | "dataMin" | "dataMax"];
  /** Extra tooltip lines for a row (e.g. a status word). */
  extraLines?: (row: TrendRow) => TooltipLine[];
  height?: number;
  actions?: ReactNode;
  /** Decimals of the y-axis tick labels (default: as recharts picks). */
  yTickDecimals?: number;
  /** Explicit y-axis ticks (e.g. every step of an integer status scale). */
  yTicks?: number[];
};

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
      actions={actions}
    >
      <TrendPlot yLabel={yLabel} rows={rows} series={series} band={band} referenceLines={referenceLines} extraLines={extraLines} yDomain={yDomain} height={height} yTickDecimals={yTickDecimals} yTicks={yTicks} />
    </ChartFrame>
  );
}
