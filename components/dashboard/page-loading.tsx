/**
 * Shown while a dashboard page's data is read on the server. Each segment that streams has its own
 * loading.tsx re-exporting this; the session page has none, so a missing session answers HTTP 404 before
 * anything is streamed (a loading boundary above it would commit the status as 200).
 */
export function DashboardPageLoading() {
  return (
    <div aria-busy="true" aria-live="polite" data-testid="dashboard-loading" className="space-y-4">
      <p className="sr-only">Loading your data…</p>
      <div className="h-8 w-48 animate-pulse rounded bg-border" />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="h-64 animate-pulse rounded-lg border border-border bg-surface" />
        <div className="h-64 animate-pulse rounded-lg border border-border bg-surface" />
      </div>
    </div>
  );
}
