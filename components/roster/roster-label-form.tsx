"use client";

import { useActionState } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { DISPLAY_NAME_MAX } from "@/lib/auth/display-name";
import type { ActionResult } from "@/lib/errors";

/** The coaches' label for one athlete on the roster; an empty field goes back to the athlete's own name. */
export function RosterLabelForm({
  teamId,
  athleteId,
  athleteName,
  label,
  action: save,
}: {
  teamId: string;
  athleteId: string;
  athleteName: string;
  label: string | null;
  /** app/teams/actions.ts setRosterLabelAction, passed down so this component imports nothing from app/. */
  action: FormAction<{ rosterLabel: string | null }>;
}) {
  const [result, action, isPending] = useActionState<ActionResult<{ rosterLabel: string | null }> | null, FormData>(save, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" data-testid="roster-label-form">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <label className="sr-only" htmlFor={`label-${athleteId}`}>
        Roster label for {athleteName}
      </label>
      <Input
        id={`label-${athleteId}`}
        name="label"
        maxLength={DISPLAY_NAME_MAX}
        defaultValue={label ?? ""}
        placeholder="Roster label"
        className="w-40"
        data-testid="roster-label-input"
      />
      <Button type="submit" size="xs" disabled={isPending} data-testid="roster-label-save">
        {isPending ? "Saving…" : "Save label"}
      </Button>
      <ActionResultMessage result={result} success="Label saved." testId="roster-label-result" />
    </form>
  );
}
