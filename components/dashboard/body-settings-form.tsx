"use client";

import { useActionState } from "react";
import type { AthleteOverridesDTO, BodyDTO } from "@/lib/dal/dto";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ sessionsRecomputed: number }>;

export type BodySettingsFormProps = {
  action: (previous: Result | null, formData: FormData) => Promise<Result>;
  overrides: AthleteOverridesDTO;
  resolved: BodyDTO["settings"];
};

const inputClass = "w-28 rounded border border-border bg-surface px-2 py-1 text-sm text-fg";

/** Override HRmax, resting HR, sex and zone model; an empty field falls back to Polar's value. */
export function BodySettingsForm({ action, overrides, resolved }: BodySettingsFormProps) {
  const [result, formAction, isPending] = useActionState(action, null);
  const issues = result && !result.ok ? ((result.error.details?.issues as { field: string; message: string }[] | undefined) ?? []) : [];
  const fieldError = (field: string) => issues.find((issue) => issue.field === field)?.message;
  return (
    <form action={formAction} className="space-y-3" data-testid="body-settings-form" aria-describedby="body-settings-help">
      <p id="body-settings-help" className="text-xs text-muted">
        Leave a field empty to use Polar&apos;s value. Saving recomputes every session&apos;s time in zone and TRIMP, and with them your
        load, fitness and flags.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1 text-sm">
          <span>HRmax (bpm)</span>
          <input name="hrmax" type="number" inputMode="numeric" min={100} max={240} defaultValue={overrides.hrmax ?? ""} placeholder={resolved.hrmax.value?.toString() ?? ""} className={inputClass} aria-invalid={fieldError("hrmax") ? true : undefined} />
          <span className="text-xs text-muted">Now {resolved.hrmax.value ?? "—"} bpm · {resolved.hrmax.label}</span>
          {fieldError("hrmax") ? <span className="text-xs text-high">{fieldError("hrmax")}</span> : null}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Resting HR (bpm)</span>
          <input name="hrrest" type="number" inputMode="numeric" min={25} max={120} defaultValue={overrides.hrrest ?? ""} placeholder={resolved.hrrest.value?.toString() ?? ""} className={inputClass} aria-invalid={fieldError("hrrest") ? true : undefined} />
          <span className="text-xs text-muted">Now {resolved.hrrest.value ?? "—"} bpm · {resolved.hrrest.label}</span>
          {fieldError("hrrest") ? <span className="text-xs text-high">{fieldError("hrrest")}</span> : null}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Sex (for Banister TRIMP)</span>
          <select name="sex" defaultValue={overrides.sex ?? ""} className={inputClass}>
            <option value="">From Polar</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </select>
          <span className="text-xs text-muted">Now {resolved.sex.value} · {resolved.sex.label}</span>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Zone model</span>
          <select name="zoneModel" defaultValue={overrides.zoneModel ?? ""} className="rounded border border-border bg-surface px-2 py-1 text-sm text-fg">
            <option value="">Polar default (% of HRmax)</option>
            <option value="polar-hrmax">% of HRmax</option>
            <option value="hrr">Heart-rate reserve (Karvonen)</option>
          </select>
          <span className="text-xs text-muted">Now {resolved.zoneModel.value === "hrr" ? "heart-rate reserve" : "% of HRmax"}</span>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={isPending} className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-accent-fg disabled:opacity-60" data-testid="body-settings-save">
          {isPending ? "Saving and recomputing…" : "Save"}
        </button>
        <p aria-live="polite" className="text-sm" data-testid="body-settings-result">
          {result?.ok ? `Saved. ${result.data.sessionsRecomputed} session${result.data.sessionsRecomputed === 1 ? "" : "s"} recomputed.` : null}
          {result && !result.ok ? <span className="text-high">{result.error.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
