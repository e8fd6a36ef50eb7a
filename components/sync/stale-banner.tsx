import { formatAgo } from "./time";

/**
 * "Your data was last synced 3 days ago — numbers below are not today's", for data older than a day. Renders
 * nothing for fresh data or an athlete who never synced (the dashboard's empty state covers that). Whether the
 * data is stale is the server's call (SyncHealthDTO.stale), so this component carries no sync code.
 */
export function StaleBanner({ lastSuccessAt, stale, now, syncing = false }: { lastSuccessAt: number | null; stale: boolean; now: number; syncing?: boolean }) {
  if (lastSuccessAt === null || !stale) return null;
  return (
    <p role="status" className="mb-4 rounded-md border border-watch px-3 py-2 text-sm text-fg" data-testid="stale-banner">
      <span aria-hidden>⚠ </span>
      Your data was last synced {formatAgo(lastSuccessAt, now)} — numbers below are not today&apos;s.
      {syncing ? " A sync is running now." : " Click Sync to bring them up to date."}
    </p>
  );
}
