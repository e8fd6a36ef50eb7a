import type { ReactNode } from "react";
import { HowComputed } from "./how-computed";

export type ChartState = "loaded" | "empty" | "error";

/** "building baseline (n of N)": the metric needs more history before it means anything. */
export type BaselineProgress = { label: string; have: number; need: number };

export type ChartFrameProps = {
  testId: string;
  title: string;
  /** One line under the title: what is plotted and its units, in words (formulas go in `formula`). */
  description?: ReactNode;
  state: ChartState;
  /** Shown instead of the chart when `state` is "empty": says what data is missing and how to get it. */
  emptyMessage: string;
  errorMessage?: string;
  /** Baselines still building; shown above the chart (the chart still draws what exists). */
  building?: readonly BaselineProgress[];
  /** Explanations and caveats under the chart. */
  footer?: ReactNode;
  /** The formula behind the chart, in a "How is this computed?" fold (never in the subtitle). */
  formula?: ReactNode;
  /** Extra controls beside the title (e.g. a night picker). */
  actions?: ReactNode;
  children?: ReactNode;
};

/**
 * The frame every chart uses: title, states (`data-state` for browser tests), designed empty and error
 * states, and "building baseline (n of N)" notes.
 */
export function ChartFrame({
  testId,
  title,
  description,
  state,
  emptyMessage,
  errorMessage,
  building,
  footer,
  formula,
  actions,
  children,
}: ChartFrameProps) {
  const headingId = `${testId}-title`;
  const isBuilding = state === "loaded" && building !== undefined && building.some((item) => item.have < item.need);
  return (
    <figure
      data-testid={testId}
      data-state={state}
      data-building={isBuilding ? "true" : undefined}
      aria-labelledby={headingId}
      className="min-w-0 rounded-lg border border-border bg-surface p-4"
    >
      <div className="mb-2 flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h3 id={headingId} className="font-semibold">
            {title}
          </h3>
          {description ? (
            <p className="text-xs text-muted" data-testid={`${testId}-description`}>
              {description}
            </p>
          ) : null}
        </div>
        {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {isBuilding && building ? (
        <ul className="mb-2 flex flex-wrap gap-2" data-testid={`${testId}-building`}>
          {building
            .filter((item) => item.have < item.need)
            .map((item) => (
              <li key={item.label} className="rounded border border-dashed border-border px-2 py-0.5 text-xs text-muted">
                <span aria-hidden>◌ </span>
                building baseline: {item.label} {item.have} of {item.need}
              </li>
            ))}
        </ul>
      ) : null}
      {state === "empty" ? (
        <div className="flex min-h-40 flex-col items-center justify-center gap-1 rounded-md border border-dashed border-border p-6 text-center">
          <span aria-hidden className="text-2xl text-muted">
            ∅
          </span>
          <p className="text-sm text-muted" data-testid={`${testId}-empty`}>
            {emptyMessage}
          </p>
        </div>
      ) : state === "error" ? (
        <div role="alert" className="flex min-h-40 items-center justify-center rounded-md border border-high p-6 text-center text-sm">
          <span aria-hidden className="mr-2">
            ⚠
          </span>
          {errorMessage ?? "This chart could not be loaded. Try again in a moment."}
        </div>
      ) : (
        <div className="w-full">{children}</div>
      )}
      {footer && state === "loaded" ? <figcaption className="mt-2 space-y-1 text-xs text-muted">{footer}</figcaption> : null}
      {formula && state !== "error" ? <HowComputed testId={testId}>{formula}</HowComputed> : null}
    </figure>
  );
}
