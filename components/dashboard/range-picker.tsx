"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button, ToggleButton } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { RANGE_PRESETS, resolveRange, type RangePreset } from "./range";

/**
 * Range picker (7d, 4w, 3m, 1y, custom) kept in the URL search params. It updates the URL with
 * `history.replaceState`, which Next.js syncs into `useSearchParams`; the charts then fetch the new range with
 * React Query — no full reload and no server re-render of the whole page.
 */
export function RangePicker({ today, fallback = "3m" }: { today: string; fallback?: RangePreset }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const current = resolveRange(
    { range: searchParams.get("range"), from: searchParams.get("from"), to: searchParams.get("to") },
    today,
    fallback,
  );
  const [isCustomOpen, setIsCustomOpen] = useState(current.key === "custom");
  const [error, setError] = useState<string | null>(null);

  function navigate(params: Record<string, string>) {
    const next = new URLSearchParams(searchParams.toString());
    next.delete("from");
    next.delete("to");
    for (const [key, value] of Object.entries(params)) next.set(key, value);
    window.history.replaceState(null, "", `${pathname}?${next.toString()}`);
  }

  function submitCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const from = String(data.get("from") ?? "");
    const to = String(data.get("to") ?? "");
    const resolved = resolveRange({ range: "custom", from, to }, today, fallback);
    if (resolved.key !== "custom") {
      setError("Pick a start on or before the end, at most 3 years apart.");
      return;
    }
    setError(null);
    navigate({ range: "custom", from, to });
  }

  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="range-picker" data-range={current.key}>
      <div role="group" aria-label="Date range" className="inline-flex overflow-hidden rounded-md border border-border">
        {RANGE_PRESETS.map((preset) => (
          <ToggleButton
            key={preset.key}
            appearance="segment"
            isPressed={current.key === preset.key}
            onClick={() => {
              setIsCustomOpen(false);
              navigate({ range: preset.key });
            }}
            title={preset.label}
          >
            {preset.key}
          </ToggleButton>
        ))}
        <ToggleButton appearance="segment" isPressed={current.key === "custom"} aria-expanded={isCustomOpen} onClick={() => setIsCustomOpen((open) => !open)}>
          custom
        </ToggleButton>
      </div>
      {isCustomOpen ? (
        <form onSubmit={submitCustom} className="flex flex-wrap items-end gap-2 text-sm">
          <Field label="From">
            <Input type="date" name="from" defaultValue={current.from} max={today} required />
          </Field>
          <Field label="To">
            <Input type="date" name="to" defaultValue={current.to} max={today} required />
          </Field>
          <Button type="submit" size="sm">
            Apply
          </Button>
          {error ? (
            <p role="alert" className="w-full text-xs text-high">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
      <p className="text-xs text-muted" aria-live="polite">
        {current.from} – {current.to}
      </p>
    </div>
  );
}
