"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ReadScope } from "@/lib/dal/dto";
import type { ActionResult } from "@/lib/errors";
import { ScopeCheckboxes } from "./scope-checkboxes";

type Action = (previous: ActionResult<never> | null, formData: FormData) => Promise<ActionResult<never>>;

/** Accept (with the ticked data types) or decline an invitation. */
export function InvitationDecision({
  token,
  kind,
  requestedScopes,
  checkedScopes,
  accept,
  decline,
}: {
  token: string;
  kind: "athlete" | "coach";
  requestedScopes: readonly ReadScope[];
  checkedScopes: readonly ReadScope[];
  accept: Action;
  decline: Action;
}) {
  const [acceptState, acceptAction, isAccepting] = useActionState(accept, null);
  const [declineState, declineAction, isDeclining] = useActionState(decline, null);
  const error = (acceptState && !acceptState.ok ? acceptState.error.message : null) ?? (declineState && !declineState.ok ? declineState.error.message : null);
  return (
    <div className="space-y-4">
      <form action={acceptAction} className="space-y-3" data-testid="accept-form">
        <input type="hidden" name="token" value={token} />
        {kind === "athlete" ? (
          <div>
            <p className="mb-2 text-sm">The coaches will see exactly these data types. Untick any you want to keep private:</p>
            <ScopeCheckboxes scopes={requestedScopes} checked={checkedScopes} idPrefix="accept" />
            <p className="mt-2 text-xs text-muted">
              Coaches can also see whether your Polar connection and syncs work, and can start a sync of your own data. You can change this or
              stop sharing at any time in Settings → Sharing.
            </p>
          </div>
        ) : (
          <p className="text-sm">You will coach this team and see what each of its athletes shares with it.</p>
        )}
        <div className="flex gap-2">
          <Button type="submit" disabled={isAccepting} variant="primary" size="lg" data-testid="accept-invite">
            {kind === "athlete" ? "Accept and share" : "Join as coach"}
          </Button>
        </div>
      </form>
      <form action={declineAction}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit" disabled={isDeclining} size="lg" data-testid="decline-invite">
          Decline
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-high" data-testid="invite-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
