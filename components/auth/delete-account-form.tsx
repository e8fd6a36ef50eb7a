"use client";

import { useActionState, useState } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

/** Two steps: the first button only opens the confirmation; nothing is deleted until the second. */
export function DeleteAccountForm({ action: run }: { action: FormAction<never> }) {
  const [isConfirming, setConfirming] = useState(false);
  const [result, action, isPending] = useActionState<ActionResult<never> | null, FormData>(run, null);

  if (!isConfirming) {
    return (
      <Button
        onClick={() => setConfirming(true)}
        variant="danger"
        data-testid="delete-account-start"
      >
        Disconnect and delete…
      </Button>
    );
  }
  return (
    <form action={action} className="space-y-3 rounded-md border border-high p-3" data-testid="delete-account-confirm">
      <p className="text-sm">
        This de-registers you at Polar, revokes Threshold&apos;s access and deletes everything stored about you here:
        sessions, synced data, sharing and sync history. It cannot be undone. Export your data first if you want a
        copy.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="submit"
          disabled={isPending}
          variant="danger-solid"
          data-testid="delete-account-confirm-button"
        >
          {isPending ? "Deleting…" : "Yes, delete my account"}
        </Button>
        <Button
          onClick={() => setConfirming(false)}
          disabled={isPending}
          data-testid="delete-account-cancel"
        >
          Cancel
        </Button>
      </div>
      <ActionResultMessage result={result} success="Deleted." testId="delete-account-result" />
    </form>
  );
}
