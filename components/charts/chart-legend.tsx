/** One entry of an HTML legend: a line (solid, dashed or dotted) or a shaded area, and its words. */
export type LegendItem = { label: string; color: string; mark: "line" | "dashed" | "dotted" | "area" };

const DASH: Record<Exclude<LegendItem["mark"], "area">, string | undefined> = { line: undefined, dashed: "4 3", dotted: "2 3" };

/**
 * A legend under a chart drawn in the page's text colour (readable in light and dark), each entry with a mark
 * of its own shape, so a series is never told by colour alone. It wraps at phone width instead of overlapping.
 */
export function ChartLegend({ items, testId }: { items: readonly LegendItem[]; testId?: string }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg" data-testid={testId}>
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <svg aria-hidden width="20" height="10" viewBox="0 0 20 10" className="shrink-0">
            {item.mark === "area" ? (
              <rect x="1" y="1" width="18" height="8" rx="1.5" fill={item.color} fillOpacity={0.35} stroke={item.color} strokeWidth="1.5" />
            ) : (
              <line x1="0" y1="5" x2="20" y2="5" stroke={item.color} strokeWidth="2" strokeDasharray={DASH[item.mark]} />
            )}
          </svg>
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
