import { describeBackfill, type BackfillProgress } from "@/lib/sync/backfill-progress";

/**
 * "Backfilling history: 4 of 12 months": the first sync reads the history Polar still keeps in the
 * background; the pages show what has arrived so far and never wait for it. Nothing once it is done.
 */
export function BackfillBanner({ progress }: { progress: BackfillProgress | null }) {
  if (!progress || progress.done) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-border px-3 py-2 text-sm text-fg" data-testid="backfill-banner">
      <span aria-hidden>⟲ </span>
      {describeBackfill(progress)} — older days appear here as they arrive.
    </p>
  );
}
