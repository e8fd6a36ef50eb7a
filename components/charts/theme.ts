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

type DomainEnd = number | "auto" | "dataMin" | "dataMax";

/** Share of the data's span left free beyond each "auto" end of a value axis. */
const DOMAIN_PADDING = 0.1;

/** A round tick step for a span: 1, 2, 2.5 or 5 times a power of ten, about a quarter of the span. */
function computeNiceStep(span: number): number {
  const raw = span / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * magnitude;
}

/** `k × step` without binary noise (0.30000000000000004 → 0.3), so tick labels stay short. */
function roundToStep(value: number, step: number, direction: "down" | "up"): number {
  const k = direction === "down" ? Math.floor(value / step) : Math.ceil(value / step);
  return Number((k * step).toFixed(10));
}

/**
 * A value axis' domain with headroom: every "auto" end moves at least a tenth of the data's span (reference
 * lines with `extendDomain` included) beyond the data, then out to a round number, so no point sits on the
 * plot's edge, a reference line's label fits above it, and the end tick reads like 20, not 18.81. Fixed ends (a
 * 0 baseline, a 1–6 scale) and "dataMin"/"dataMax" stay where they are. Every chart's y axis goes through this
 * one helper.
 */
export function paddedDomain(domain: readonly [DomainEnd, DomainEnd] = ["auto", "auto"]): readonly [DomainEnd, DomainEnd] | (([min, max]: readonly [number, number]) => readonly [number, number]) {
  const [lowEnd, highEnd] = domain;
  if (lowEnd !== "auto" && highEnd !== "auto") return domain;
  return ([min, max]) => {
    const span = max - min;
    const pad = (span > 0 ? span : Math.abs(max) > 0 ? Math.abs(max) : 1) * DOMAIN_PADDING;
    const paddedLow = typeof lowEnd === "number" ? lowEnd : lowEnd === "auto" ? min - pad : min;
    const paddedHigh = typeof highEnd === "number" ? highEnd : highEnd === "auto" ? max + pad : max;
    const step = computeNiceStep(paddedHigh - paddedLow);
    const low = lowEnd === "auto" ? roundToStep(paddedLow, step, "down") : paddedLow;
    const high = highEnd === "auto" ? roundToStep(paddedHigh, step, "up") : paddedHigh;
    return [low, high] as const;
  };
}

/**
 * The label of a horizontal reference line ("1.5 spike", "2.0 warning"): right-aligned just above the line,
 * never on it, with a halo in the surface colour so lines and bars behind it do not cross the text.
 */
export function referenceLineLabel(text: string) {
  return {
    value: text,
    position: "insideBottomRight" as const,
    offset: 6,
    fill: "var(--color-fg)",
    fontSize: 11,
    stroke: "var(--color-surface)",
    strokeWidth: 4,
    paintOrder: "stroke",
  };
}
