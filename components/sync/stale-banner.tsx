import { isDataStale } from "@/lib/sync/health";
import { formatAgo } from "./time";

/**
 * "Your data was last synced 3 days ago — numbers below are not today's", for data older than a day. Renders
 * nothing for fresh data or an athlete who never synced (the dashboard's empty state covers that).
 */
export function StaleBanner({ lastSuccessAt, now, syncing = false }: { lastSuccessAt: number | null; now: number; syncing?: boolean }) {
  if (lastSuccessAt === null || !isDataStale(lastSuccessAt, now)) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-watch px-3 py-2 text-sm text-fg" data-testid="stale-banner">
      <span aria-hidden>⚠ </span>
      Your data was last synced {formatAgo(lastSuccessAt, now)} — numbers below are not today&apos;s.
      {syncing ? " A sync is running now." : " Click Sync to bring them up to date."}
    </p>
  );
}
