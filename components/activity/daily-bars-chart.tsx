import { ChartFrame } from "@/components/charts/chart-frame";
import { readNumber } from "@/components/charts/describe";
import { DailyBarsPlot } from "./lazy-plots";
import type { DailyBarsChartProps } from "@/components/charts/types";

// Shared with the plot (which must not import this frame: a type cycle across the lazy boundary).
export type { DailyBarsChartProps, DailyBarsRow, DailyBarsSeries } from "@/components/charts/types";

/**
 * Bars (and lines) per athlete-local day. Days without data are shaded columns with "no data" in the tooltip
 * and are counted under the chart, so a missing day never reads as a day of zero.
 */
export function DailyBarsChart({
  testId,
  title,
  description,
  emptyMessage,
  yLabel,
  rows,
  series,
  yDomain = [0, "auto"],
  footer,
  missingLabel = "no data — watch not worn or not synced",
  extraLines,
  height = 260,
  isError = false,
}: DailyBarsChartProps) {
  const missing = rows.filter((row) => !row.hasData);
  const hasValue = rows.some((row) => row.hasData && series.some((item) => readNumber(row, item.key) !== null));
  return (
    <div data-testid={`${testId}-wrapper`} data-missing-days={missing.length} data-days={rows.length}>
      <ChartFrame
        testId={testId}
        title={title}
        description={description}
        state={isError ? "error" : hasValue ? "loaded" : "empty"}
        emptyMessage={emptyMessage}
        footer={
          <>
            {missing.length > 0 ? (
              <p data-testid={`${testId}-missing`}>
                <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-sm bg-border align-middle" />
                {missing.length} of {rows.length} days without data (shaded, not zero).
              </p>
            ) : null}
            {footer}
          </>
        }
      >
        <DailyBarsPlot yLabel={yLabel} rows={rows} series={series} yDomain={yDomain} missingLabel={missingLabel} extraLines={extraLines} height={height} />
      </ChartFrame>
    </div>
  );
}
