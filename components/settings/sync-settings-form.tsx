"use client";

import { useActionState, useState, type FormEvent } from "react";
import { ActionResultMessage } from "@/components/auth/action-result-message";
import type { FormAction } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { SYNC_SETTING_KEYS, SYNC_SETTING_LABELS, type SyncSettings } from "./sync-settings-labels";

/**
 * Which data types Threshold syncs (design §6). Switching a type off deletes what was stored of it at the
 * next sync, so saving such a change asks first and names what goes.
 */
export function SyncSettingsForm({ settings, action }: { settings: SyncSettings; action: FormAction<SyncSettings> }) {
  const [draft, setDraft] = useState<SyncSettings>(settings);
  const [isConfirming, setConfirming] = useState(false);
  const [result, formAction, isPending] = useActionState<ActionResult<SyncSettings> | null, FormData>(
    async (previous, formData) => {
      const next = await action(previous, formData);
      setConfirming(false);
      return next;
    },
    null,
  );
  const saved = result?.ok ? result.data : settings;
  const switchedOff = SYNC_SETTING_KEYS.filter((key) => saved[key] && !draft[key]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (switchedOff.length > 0 && !isConfirming) {
      event.preventDefault();
      setConfirming(true);
    }
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-3" data-testid="sync-settings-form">
      <fieldset className="space-y-2" disabled={isPending}>
        <legend className="sr-only">Data types to sync</legend>
        {SYNC_SETTING_KEYS.map((key) => (
          <label key={key} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={key}
              checked={draft[key]}
              onChange={(event) => {
                setDraft({ ...draft, [key]: event.target.checked });
                setConfirming(false);
              }}
              className="mt-1"
              data-testid={`sync-setting-${key}`}
            />
            <span>
              <span className="font-medium">{SYNC_SETTING_LABELS[key].label}</span>
              <span className="block text-muted">{SYNC_SETTING_LABELS[key].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {isConfirming ? (
        <div role="alert" className="space-y-2 rounded-md border border-high p-3 text-sm" data-testid="sync-settings-confirm">
          <p>
            <span aria-hidden>⚠ </span>
            Stop syncing {switchedOff.map((key) => SYNC_SETTING_LABELS[key].label.toLowerCase()).join(", ")} and delete what Threshold stored
            of {switchedOff.length === 1 ? "it" : "them"}? The next sync removes it; switching back on syncs again what Polar still serves.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger-solid" disabled={isPending} data-testid="sync-settings-confirm-button">
              Yes, stop and delete
            </Button>
            <Button onClick={() => setConfirming(false)} data-testid="sync-settings-cancel">
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" disabled={isPending} data-testid="sync-settings-save">
          {isPending ? "Saving…" : "Save"}
        </Button>
      )}
      <ActionResultMessage result={result} success="Saved. The next sync follows your choice." testId="sync-settings-result" />
    </form>
  );
}
