/**
 * A tiny inline-SVG line of daily loads (AU), oldest left. No chart library: a roster of a hundred rows
 * renders a hundred of these. The label carries the numbers for screen readers.
 */
export function Sparkline({ values, width = 96, height = 24, testId }: { values: readonly number[]; width?: number; height?: number; testId?: string }) {
  const max = Math.max(0, ...values);
  const total = values.reduce((sum, value) => sum + value, 0);
  const label = `Daily load, last ${values.length} days: total ${Math.round(total)} AU, peak ${Math.round(max)} AU`;
  if (values.length < 2) {
    return <span data-testid={testId} className="text-xs text-muted">—</span>;
  }
  const step = width / (values.length - 1);
  const y = (value: number) => (max > 0 ? height - 1 - (value / max) * (height - 2) : height - 1);
  const path = values.map((value, i) => `${i === 0 ? "M" : "L"}${(i * step).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  return (
    <svg data-testid={testId} role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="overflow-visible">
      <title>{label}</title>
      <path d={path} fill="none" stroke="var(--chart-1)" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
