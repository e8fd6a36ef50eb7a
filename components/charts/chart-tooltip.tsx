"use client";

import type { TooltipContentProps } from "recharts";

export type TooltipLine = { label: string; value: string; color?: string };

type ChartTooltipProps<Row> = Partial<TooltipContentProps> & {
  /** Heading from the hovered row (e.g. the day). */
  title: (row: Row) => string;
  /** Exact values for the hovered row, with units. */
  lines: (row: Row) => TooltipLine[];
};

/** Tooltip content that shows exact values with units for the hovered data row. */
export function ChartTooltip<Row>({ active, payload, title, lines }: ChartTooltipProps<Row>) {
  const first = payload?.[0];
  if (!active || !first) return null;
  const row = first.payload as Row;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-semibold">{title(row)}</p>
      <dl className="grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5">
        {lines(row).map((line) => (
          <div key={line.label} className="contents">
            <dt className="flex items-center gap-1 text-muted">
              {line.color ? <span aria-hidden className="inline-block h-2 w-2 rounded-sm" style={{ background: line.color }} /> : null}
              {line.label}
            </dt>
            <dd className="text-right tabular-nums">{line.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
