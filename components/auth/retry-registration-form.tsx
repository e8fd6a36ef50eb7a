"use client";

import { useActionState } from "react";
import { retryRegistrationAction } from "@/app/settings/actions";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { ActionResult } from "@/lib/errors";

export function RetryRegistrationForm() {
  const [result, action, isPending] = useActionState<ActionResult<{ name: string | null }> | null>(
    () => retryRegistrationAction(),
    null,
  );
  return (
    <form action={action} className="space-y-2">
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg disabled:opacity-60"
        data-testid="retry-registration"
      >
        {isPending ? "Retrying…" : "Retry registration"}
      </button>
      <ActionResultMessage result={result} success="Registered with Polar." testId="retry-registration-result" />
    </form>
  );
}
