"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

/** Name a new team; the server action redirects to it. */
export function CreateTeamForm({ action }: { action: (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<never>> }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2" data-testid="create-team-form">
      <label className="text-sm">
        <span className="block text-xs text-muted">Team name</span>
        <Input name="name" required maxLength={80} data-testid="team-name" />
      </label>
      <Button type="submit" disabled={isPending} variant="primary" data-testid="create-team">
        Create team
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="w-full text-sm text-high">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
