"use client";

import { useActionState } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import type { ConnectionState } from "@/lib/auth/connection";
import type { ActionResult } from "@/lib/errors";

export function CheckConnectionForm({ action: run }: { action: FormAction<{ state: ConnectionState }> }) {
  const [result, action, isPending] = useActionState<ActionResult<{ state: ConnectionState }> | null, FormData>(
    run,
    null,
  );
  return (
    <form action={action} className="space-y-2">
      <Button
        type="submit"
        disabled={isPending}
        data-testid="check-connection"
      >
        {isPending ? "Checking…" : "Check connection"}
      </Button>
      <ActionResultMessage result={result} success="Polar accepts the connection." testId="check-connection-result" />
    </form>
  );
}
