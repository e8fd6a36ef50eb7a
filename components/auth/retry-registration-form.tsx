"use client";

import { useActionState } from "react";
import { retryRegistrationAction } from "@/app/settings/actions";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export function RetryRegistrationForm() {
  const [result, action, isPending] = useActionState<ActionResult<{ name: string | null }> | null>(
    () => retryRegistrationAction(),
    null,
  );
  return (
    <form action={action} className="space-y-2">
      <Button
        type="submit"
        disabled={isPending}
        data-testid="retry-registration"
      >
        {isPending ? "Retrying…" : "Retry registration"}
      </Button>
      <ActionResultMessage result={result} success="Registered with Polar." testId="retry-registration-result" />
    </form>
  );
}
