import { Component, type ComponentType, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * Stands in for a plot while its code (Recharts) loads after the page: it fills the box the plot will fill, so
 * the title, numbers and captions around it never move.
 */
export function PlotSkeleton() {
  return <div data-plot-loading="" aria-hidden className="h-full w-full rounded-md bg-bg motion-safe:animate-pulse" />;
}

/**
 * Catches a plot whose code failed to arrive (offline, a deploy replaced the chunks): the chart's frame, its
 * numbers and tables stay, and the box says what happened and how to fix it instead of pulsing forever or
 * taking the whole page down.
 */
class PlotLoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" data-testid="plot-error" className="flex h-full w-full flex-col items-center justify-center gap-2 rounded-md border border-dashed border-border p-4 text-center text-sm text-muted">
        <p>This chart could not be loaded. Check your connection, then reload the page.</p>
        <Button onClick={() => window.location.reload()} size="xs">
          Reload
        </Button>
      </div>
    );
  }
}

/**
 * Wraps a lazily loaded plot in a box of its final height. `data-plot` marks it for browser tests, which wait
 * until every box holds its drawn SVG.
 */
export function boxPlot<P extends { height: number }>(Plot: ComponentType<P>): ComponentType<P> {
  function BoxedPlot(props: P) {
    return (
      <div data-plot="" className="w-full" style={{ height: props.height }}>
        <PlotLoadBoundary>
          <Plot {...props} />
        </PlotLoadBoundary>
      </div>
    );
  }
  BoxedPlot.displayName = "BoxedPlot";
  return BoxedPlot;
}
