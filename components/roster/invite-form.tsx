"use client";

import { useActionState } from "react";
import { formatInstantUtc } from "@/components/charts/format";
import { ScopeCheckboxes } from "@/components/sharing/scope-checkboxes";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

/** An invitation link as the coach sees it once (app/teams/actions.ts returns it). */
export type CreatedLink = { url: string; expiresAt: number; kind: "athlete" | "coach" };

/** Creates an invitation link and shows it once (the server keeps only its hash). */
export function InviteForm({
  teamId,
  action,
}: {
  teamId: string;
  action: (previous: ActionResult<CreatedLink> | null, formData: FormData) => Promise<ActionResult<CreatedLink>>;
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3" data-testid="invite-form">
        <input type="hidden" name="teamId" value={teamId} />
        <fieldset className="flex gap-4 text-sm">
          <legend className="mb-1 text-xs text-muted">Invite</legend>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="athlete" defaultChecked data-testid="invite-kind-athlete" /> an athlete
          </label>
          <label className="flex items-center gap-1">
            <input type="radio" name="kind" value="coach" data-testid="invite-kind-coach" /> another coach (single use)
          </label>
        </fieldset>
        <div>
          <p className="mb-1 text-xs text-muted">Data you ask athletes to share (they can untick any):</p>
          <ScopeCheckboxes scopes={["training", "sleep", "recovery", "body"]} checked={["training", "sleep", "recovery", "body"]} idPrefix="invite" />
        </div>
        <label className="block text-sm">
          <span className="block text-xs text-muted">Expires after (days)</span>
          <Input type="number" name="expiresInDays" min={1} max={30} defaultValue={7} className="w-20" />
        </label>
        <Button type="submit" disabled={isPending} variant="primary" data-testid="create-invite">
          Create invitation link
        </Button>
      </form>
      {state?.ok ? (
        <div role="status" className="rounded-md border border-border p-3 text-sm" data-testid="invite-created">
          <p>Send this link (shown only now; valid until {formatInstantUtc(state.data.expiresAt)}):</p>
          <input readOnly value={state.data.url} className="mt-1 w-full rounded-md border border-border bg-bg px-2 py-1 font-mono text-xs" data-testid="invite-url" aria-label="Invitation link" />
        </div>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-high">
          {state.error.message}
        </p>
      ) : null}
    </div>
  );
}
