import type { ComponentType } from "react";

/**
 * Stands in for a plot while its code (Recharts) loads after the page: it fills the box the plot will fill, so
 * the title, numbers and captions around it never move.
 */
export function PlotSkeleton() {
  return <div data-plot-loading="" aria-hidden className="h-full w-full rounded-md bg-bg motion-safe:animate-pulse" />;
}

/**
 * Wraps a lazily loaded plot in a box of its final height. `data-plot` marks it for browser tests, which wait
 * until every box holds its drawn SVG.
 */
export function boxPlot<P extends { height: number }>(Plot: ComponentType<P>): ComponentType<P> {
  function BoxedPlot(props: P) {
    return (
      <div data-plot="" className="w-full" style={{ height: props.height }}>
        <Plot {...props} />
      </div>
    );
  }
  BoxedPlot.displayName = "BoxedPlot";
  return BoxedPlot;
}
