"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
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
          <button
            key={preset.key}
            type="button"
            aria-pressed={current.key === preset.key}
            onClick={() => {
              setIsCustomOpen(false);
              navigate({ range: preset.key });
            }}
            className={`px-2.5 py-1 text-sm ${current.key === preset.key ? "bg-accent text-accent-fg" : "bg-surface text-muted hover:text-fg"}`}
            title={preset.label}
          >
            {preset.key}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={current.key === "custom"}
          aria-expanded={isCustomOpen}
          onClick={() => setIsCustomOpen((open) => !open)}
          className={`px-2.5 py-1 text-sm ${current.key === "custom" ? "bg-accent text-accent-fg" : "bg-surface text-muted hover:text-fg"}`}
        >
          custom
        </button>
      </div>
      {isCustomOpen ? (
        <form onSubmit={submitCustom} className="flex flex-wrap items-end gap-2 text-sm">
          <label className="flex flex-col text-xs text-muted">
            From
            <input type="date" name="from" defaultValue={current.from} max={today} required className="rounded border border-border bg-surface px-2 py-1 text-sm text-fg" />
          </label>
          <label className="flex flex-col text-xs text-muted">
            To
            <input type="date" name="to" defaultValue={current.to} max={today} required className="rounded border border-border bg-surface px-2 py-1 text-sm text-fg" />
          </label>
          <button type="submit" className="rounded-md border border-border px-2.5 py-1 hover:bg-bg">
            Apply
          </button>
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
