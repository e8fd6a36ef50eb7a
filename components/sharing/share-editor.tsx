"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ReadScope } from "@/lib/dal/dto";
import type { ActionResult } from "@/lib/errors";
import { ScopeCheckboxes } from "./scope-checkboxes";

/** The data types shared with one team; saving with none ticked stops sharing with it. */
export function ShareEditor({
  teamId,
  scopes,
  action,
}: {
  teamId: string;
  scopes: readonly ReadScope[];
  action: (previous: ActionResult<{ scopes: string[] }> | null, formData: FormData) => Promise<ActionResult<{ scopes: string[] }>>;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2" data-testid="share-editor">
      <input type="hidden" name="teamId" value={teamId} />
      <ScopeCheckboxes scopes={["training", "sleep", "recovery", "body"]} checked={scopes} idPrefix={`share-${teamId}`} />
      <Button type="submit" disabled={isPending} size="sm" data-testid="save-sharing">
        Save
      </Button>
      {state?.ok ? (
        <p role="status" className="text-sm text-muted" data-testid="sharing-saved">
          {state.data.scopes.length > 0 ? `Saved: ${state.data.scopes.join(", ")}.` : "Sharing stopped."}
        </p>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-high">
          {state.error.message}
        </p>
      ) : null}
    </form>
  );
}
