"use client";

import { useActionState, useState } from "react";
import { deleteAccountAction } from "@/app/settings/actions";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { ActionResult } from "@/lib/errors";

/** Two steps: the first button only opens the confirmation; nothing is deleted until the second. */
export function DeleteAccountForm() {
  const [isConfirming, setConfirming] = useState(false);
  const [result, action, isPending] = useActionState<ActionResult<never> | null>(() => deleteAccountAction(), null);

  if (!isConfirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded-md border border-high px-3 py-1.5 text-sm font-medium text-high hover:bg-bg"
        data-testid="delete-account-start"
      >
        Disconnect and delete…
      </button>
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
        <button
          type="submit"
          disabled={isPending}
          className="rounded-md bg-high px-3 py-1.5 text-sm font-medium text-accent-fg hover:opacity-90 disabled:opacity-60"
          data-testid="delete-account-confirm-button"
        >
          {isPending ? "Deleting…" : "Yes, delete my account"}
        </button>
        <button
          type="button"
          onClick={() => setConfirming(false)}
          disabled={isPending}
          className="rounded-md border border-border px-3 py-1.5 text-sm"
          data-testid="delete-account-cancel"
        >
          Cancel
        </button>
      </div>
      <ActionResultMessage result={result} success="Deleted." testId="delete-account-result" />
    </form>
  );
}
