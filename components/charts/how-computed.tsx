import type { ReactNode } from "react";

/**
 * "How is this computed?": the formula behind a chart, folded away so the subtitle says in words what is
 * plotted. The one place formulas are shown; ChartFrame renders it for every chart given a `formula`.
 */
export function HowComputed({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <details className="mt-2 text-xs text-muted" data-testid={`${testId}-how`}>
      <summary className="cursor-pointer text-sm text-fg">How is this computed?</summary>
      <div className="mt-1 space-y-1">{children}</div>
    </details>
  );
}
