"use client";

import { useActionState } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

export function RetryRegistrationForm({ action: run }: { action: FormAction<{ name: string | null }> }) {
  const [result, action, isPending] = useActionState<ActionResult<{ name: string | null }> | null, FormData>(
    run,
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
