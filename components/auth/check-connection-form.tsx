"use client";

import { useActionState } from "react";
import { checkConnectionAction } from "@/app/settings/actions";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { ConnectionState } from "@/db/schema";
import type { ActionResult } from "@/lib/errors";

export function CheckConnectionForm() {
  const [result, action, isPending] = useActionState<ActionResult<{ state: ConnectionState }> | null>(
    () => checkConnectionAction(),
    null,
  );
  return (
    <form action={action} className="space-y-2">
      <button
        type="submit"
        disabled={isPending}
        className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-bg disabled:opacity-60"
        data-testid="check-connection"
      >
        {isPending ? "Checking…" : "Check connection"}
      </button>
      <ActionResultMessage result={result} success="Polar accepts the connection." testId="check-connection-result" />
    </form>
  );
}
