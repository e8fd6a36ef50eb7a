"use client";

import { useActionState } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { DISPLAY_NAME_MAX } from "@/lib/auth/display-name";
import type { ActionResult } from "@/lib/errors";

/**
 * The athlete's display name: in Settings (shows the result) and on the first-sign-in prompt (`redirectTo`:
 * a success continues there).
 */
export function DisplayNameForm({
  defaultName,
  action: save,
  redirectTo,
  submitLabel = "Save name",
}: {
  defaultName: string | null;
  /** app/settings/actions.ts saveDisplayNameAction, passed down so this component imports nothing from app/. */
  action: FormAction<{ name: string }>;
  redirectTo?: string;
  submitLabel?: string;
}) {
  const [result, action, isPending] = useActionState<ActionResult<{ name: string }> | null, FormData>(save, null);
  return (
    <form action={action} className="space-y-2" data-testid="display-name-form">
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Display name">
          <Input name="name" required maxLength={DISPLAY_NAME_MAX} defaultValue={defaultName ?? ""} autoComplete="name" data-testid="display-name-input" />
        </Field>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Button type="submit" variant="primary" disabled={isPending} data-testid="display-name-save">
          {isPending ? "Saving…" : submitLabel}
        </Button>
      </div>
      <ActionResultMessage result={result} success="Name saved." testId="display-name-result" />
    </form>
  );
}
