import type { ReadScope } from "@/lib/dal/dto";

/** What each data type lets a coach see, in the athlete's words. */
export const SCOPE_DESCRIPTIONS: Record<ReadScope, { label: string; detail: string }> = {
  training: { label: "Training", detail: "sessions, heart-rate zones, training load, ACWR and form" },
  sleep: { label: "Sleep", detail: "sleep stages, sleep score and sleep debt" },
  recovery: { label: "Recovery", detail: "resting heart rate, HRV and Nightly Recharge" },
  body: { label: "Body", detail: "weight, VO2max, HRmax and thresholds" },
};

/** One labelled checkbox per data type (`name="scope"`), checked where `checked` says. */
export function ScopeCheckboxes({ scopes, checked, idPrefix }: { scopes: readonly ReadScope[]; checked: readonly ReadScope[]; idPrefix: string }) {
  return (
    <fieldset className="space-y-1">
      <legend className="sr-only">Data types</legend>
      {scopes.map((scope) => (
        <label key={scope} htmlFor={`${idPrefix}-${scope}`} className="flex items-start gap-2 text-sm">
          <input
            id={`${idPrefix}-${scope}`}
            type="checkbox"
            name="scope"
            value={scope}
            defaultChecked={checked.includes(scope)}
            className="mt-1"
            data-testid={`scope-${scope}`}
          />
          <span>
            <span className="font-medium">{SCOPE_DESCRIPTIONS[scope].label}</span>
            <span className="block text-xs text-muted">{SCOPE_DESCRIPTIONS[scope].detail}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
