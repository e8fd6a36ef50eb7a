import type { ReactNode } from "react";

/** A titled surface for a group of numbers. */
export function Card({ title, children, testId, state, actions }: { title: string; children: ReactNode; testId?: string; state?: "loaded" | "empty" | "error"; actions?: ReactNode }) {
  return (
    <section data-testid={testId} data-state={state} className="min-w-0 rounded-lg border border-border bg-surface p-4" aria-label={title}>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/**
 * One labelled number with its unit; `null` shows an em dash, never 0. `rawValue` (the unformatted stored
 * number) is exposed as `data-value` for browser tests, empty when there is none.
 */
export function Stat({
  label,
  value,
  unit,
  hint,
  testId,
  rawValue,
}: {
  label: string;
  value: string | null;
  unit?: string;
  hint?: ReactNode;
  testId?: string;
  rawValue?: number | null;
}) {
  return (
    <div className="min-w-0" data-testid={testId} data-value={rawValue === undefined ? undefined : (rawValue ?? "")}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">
        {value ?? "—"}
        {value !== null && unit ? <span className="ml-1 text-sm font-normal text-muted">{unit}</span> : null}
      </dd>
      {hint ? <dd className="text-xs text-muted">{hint}</dd> : null}
    </div>
  );
}

/** Page title row with optional controls on the right. */
export function PageHeader({ title, description, children }: { title: string; description?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </div>
      {children ? <div className="flex flex-wrap items-center gap-3">{children}</div> : null}
    </div>
  );
}
