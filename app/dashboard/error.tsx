"use client";

import { Button } from "@/components/ui/button";

/** A dashboard page failed to load its data: say so plainly and offer a retry. */
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" data-testid="dashboard-error" data-state="error" className="rounded-lg border border-high bg-surface p-6">
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
