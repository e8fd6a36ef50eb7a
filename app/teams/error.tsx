"use client";

import { PageError } from "@/components/page-error";

/** A team page failed to load its data: say so plainly and offer a retry. */
export default function TeamsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <PageError reset={reset} testId="teams-error" />;
}
