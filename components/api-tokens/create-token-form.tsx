"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import type { CreatedApiTokenDTO } from "@/lib/dal/api-tokens";
import type { ApiTokenScope } from "@/lib/dal/api-token-scopes";
import type { ActionResult } from "@/lib/errors";

const SCOPE_LABELS: Record<ApiTokenScope, string> = {
  training: "Training",
  sleep: "Sleep",
  recovery: "Recovery (RHR, HRV)",
  body: "Body",
  "check-ins": "Check-ins",
  roster: "Roster (coaches)",
};

/** Creates a token; the clear token is shown once, here, right after creation. */
export function CreateTokenForm({
  action,
  scopes,
}: {
  action: (previous: ActionResult<CreatedApiTokenDTO> | null, formData: FormData) => Promise<ActionResult<CreatedApiTokenDTO>>;
  scopes: readonly ApiTokenScope[];
}) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [expiry, setExpiry] = useState("90");
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3" data-testid="create-token-form">
        <Field label="Name">
          <Input name="name" required maxLength={80} placeholder="e.g. My assistant" data-testid="token-name" />
        </Field>
        <fieldset className="space-y-1">
          <legend className="text-xs text-muted">Data it may read</legend>
          <div className="flex flex-wrap gap-3">
            {scopes.map((scope) => (
              <label key={scope} className="flex items-center gap-1 text-sm">
                <input type="checkbox" name="scope" value={scope} defaultChecked={scope !== "roster"} data-testid={`token-scope-${scope}`} />
                {SCOPE_LABELS[scope]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Expires">
            <Select name="expiry" value={expiry} onChange={(event) => setExpiry(event.target.value)} data-testid="token-expiry">
              <option value="30">in 30 days</option>
              <option value="90">in 90 days</option>
              <option value="date">on a date (up to a year)</option>
            </Select>
          </Field>
          {expiry === "date" ? (
            <Field label="Last day">
              <Input type="date" name="expiryDate" required data-testid="token-expiry-date" />
            </Field>
          ) : null}
          <Button type="submit" disabled={isPending} data-testid="create-token">
            Create token
          </Button>
        </div>
      </form>
      {state?.ok ? (
        <div role="status" className="space-y-1 rounded-md border border-border bg-bg p-3" data-testid="new-token">
          <p className="text-sm font-medium">Copy this token now: it will not be shown again.</p>
          <code className="block break-all text-sm" data-testid="new-token-value">
            {state.data.token}
          </code>
        </div>
      ) : null}
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-high" data-testid="create-token-error">
          {state.error.message}
        </p>
      ) : null}
    </div>
  );
}
