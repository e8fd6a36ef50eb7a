"use client";

import { PageError } from "@/components/page-error";

/** An athlete page failed to load its data: say so plainly and offer a retry. */
export default function AthletesError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError reset={reset} testId="athletes-error" />;
}
