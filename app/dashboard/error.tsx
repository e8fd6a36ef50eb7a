"use client";

import { PageError } from "@/components/page-error";

/** A dashboard page failed to load its data: say so plainly and offer a retry. */
export default function DashboardError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError reset={reset} testId="dashboard-error" />;
}
