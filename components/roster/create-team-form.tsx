"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";

/** Name a new team; the server action redirects to it. */
export function CreateTeamForm({ action }: { action: (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<never>> }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid="create-team-form">
      <label className="text-sm">
        <span className="block text-xs text-muted">Team name</span>
        <input name="name" required maxLength={80} className="rounded-md border border-border bg-surface px-2 py-1" data-testid="team-name" />
      </label>
      <button type="submit" disabled={isPending} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg" data-testid="create-team">
        Create team
      </button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-high">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
