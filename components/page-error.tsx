"use client";

import { Button } from "@/components/ui/button";

/**
 * What a page shows when its data could not be loaded (the `error.tsx` of each section): say so plainly, say
 * that nothing stored was lost, and offer a retry. Never the error's text: it may carry internals.
 */
export function PageError({ reset, testId }: { reset: () => void; testId: string }) {
  return (
    <div role="alert" data-testid={testId} data-state="error" className="rounded-lg border border-high bg-surface p-6">
      <h1 className="text-lg font-semibold">
        <span aria-hidden>⚠ </span>This page could not be loaded
      </h1>
      <p className="mt-1 text-sm text-muted">Your stored data is safe. Try again in a moment.</p>
      <Button onClick={reset} className="mt-3">
        Try again
      </Button>
    </div>
  );
}
