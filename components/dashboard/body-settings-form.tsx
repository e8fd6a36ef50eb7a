"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { AthleteOverridesDTO, BodyDTO } from "@/lib/dal/dto";
import type { ActionResult } from "@/lib/errors";

type Result = ActionResult<{ sessionsRecomputed: number }>;

export type BodySettingsFormProps = {
  action: (previous: Result | null, formData: FormData) => Promise<Result>;
  overrides: AthleteOverridesDTO;
  resolved: BodyDTO["settings"];
};

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
          <Input name="hrmax" type="number" inputMode="numeric" min={100} max={240} defaultValue={overrides.hrmax ?? ""} placeholder={resolved.hrmax.value?.toString() ?? ""} className="w-28" aria-invalid={fieldError("hrmax") ? true : undefined} />
          <span className="text-xs text-muted">Now {resolved.hrmax.value ?? "—"} bpm · {resolved.hrmax.label}</span>
          {fieldError("hrmax") ? <span className="text-xs text-high">{fieldError("hrmax")}</span> : null}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Resting HR (bpm)</span>
          <Input name="hrrest" type="number" inputMode="numeric" min={25} max={120} defaultValue={overrides.hrrest ?? ""} placeholder={resolved.hrrest.value?.toString() ?? ""} className="w-28" aria-invalid={fieldError("hrrest") ? true : undefined} />
          <span className="text-xs text-muted">Now {resolved.hrrest.value ?? "—"} bpm · {resolved.hrrest.label}</span>
          {fieldError("hrrest") ? <span className="text-xs text-high">{fieldError("hrrest")}</span> : null}
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Sex (for Banister TRIMP)</span>
          <Select name="sex" defaultValue={overrides.sex ?? ""} className="w-28">
            <option value="">From Polar</option>
            <option value="female">Female</option>
            <option value="male">Male</option>
          </Select>
          <span className="text-xs text-muted">Now {resolved.sex.value ?? "not set"} · {resolved.sex.label}</span>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>Zone model</span>
          <Select name="zoneModel" defaultValue={overrides.zoneModel ?? ""}>
            <option value="">Polar default (% of HRmax)</option>
            <option value="polar-hrmax">% of HRmax</option>
            <option value="hrr">Heart-rate reserve (Karvonen)</option>
          </Select>
          <span className="text-xs text-muted">Now {resolved.zoneModel.value === "hrr" ? "heart-rate reserve" : "% of HRmax"}</span>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={isPending} variant="primary" data-testid="body-settings-save">
          {isPending ? "Saving and recomputing…" : "Save"}
        </Button>
        <p aria-live="polite" className="text-sm" data-testid="body-settings-result">
          {result?.ok ? `Saved. ${result.data.sessionsRecomputed} session${result.data.sessionsRecomputed === 1 ? "" : "s"} recomputed.` : null}
          {result && !result.ok ? <span className="text-high">{result.error.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
