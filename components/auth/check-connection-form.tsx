"use client";

import { useActionState } from "react";
import { checkConnectionAction } from "@/app/settings/actions";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import { Button } from "@/components/ui/button";
import type { ConnectionState } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";

export function CheckConnectionForm() {
  const [result, action, isPending] = useActionState<ActionResult<{ state: ConnectionState }> | null>(
    () => checkConnectionAction(),
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
