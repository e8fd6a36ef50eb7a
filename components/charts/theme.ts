/** Chart colours come from the CSS variables in app/globals.css, so light and dark themes share one palette. */
export const CHART_COLORS = {
  c1: "var(--chart-1)",
  c2: "var(--chart-2)",
  c3: "var(--chart-3)",
  c4: "var(--chart-4)",
  c5: "var(--chart-5)",
  grid: "var(--color-border)",
  muted: "var(--color-muted)",
  fg: "var(--color-fg)",
  surface: "var(--color-surface)",
} as const;

/** HR zone colours Z1..Z5 (index 0 = Z1). */
export const ZONE_COLORS = ["var(--zone-1)", "var(--zone-2)", "var(--zone-3)", "var(--zone-4)", "var(--zone-5)"] as const;

export const AXIS_TICK = { fill: "var(--color-muted)", fontSize: 12 } as const;

/** Axis-title props for a y axis: unit on every axis (style guide). */
export function yAxisLabel(text: string, side: "left" | "right" = "left") {
  return {
    value: text,
    angle: side === "left" ? -90 : 90,
    position: side === "left" ? ("insideLeft" as const) : ("insideRight" as const),
    style: { fill: "var(--color-muted)", fontSize: 12, textAnchor: "middle" as const },
  };
}

export function xAxisLabel(text: string) {
  return {
    value: text,
    position: "insideBottom" as const,
    offset: -4,
    style: { fill: "var(--color-muted)", fontSize: 12 },
  };
}

/**
 * Animations are always off: they add nothing to a dashboard of numbers, and screenshots and browser tests need
 * the final frame immediately.
 */
export const NO_ANIMATION = { isAnimationActive: false } as const;
