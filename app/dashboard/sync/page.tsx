import type { Metadata } from "next";
import { BackfillBanner } from "@/components/sync/backfill-banner";
import { HealthBadge, describeHealth } from "@/components/sync/health-badge";
import { RunHistory } from "@/components/sync/run-history";
import { StaleBanner } from "@/components/sync/stale-banner";
import { SyncButton } from "@/components/sync/sync-button";
import Link from "next/link";
import { firstParam } from "@/components/dashboard/range";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getViewerBackfill } from "@/lib/dal/backfill";
import { getViewerSyncHistory } from "@/lib/dal/sync-history";
import { requirePageViewer } from "@/lib/auth/session";
import { collapseRepeatedFailures, parseSyncLogPage, SYNC_LOG_PAGE_SIZE } from "@/lib/dal/sync-log";

export const metadata: Metadata = { title: "Sync history" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * /dashboard/sync — every sync run of the athlete: trigger, duration, what arrived, and what went wrong.
 * Paged (`?page=2` is older), with repeated identical failures collapsed into one entry.
 */
export default async function SyncHistoryPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const page = parseSyncLogPage(firstParam((await searchParams).page));
  const history = await getViewerSyncHistory(page, SYNC_LOG_PAGE_SIZE);
  const { now } = history;
  return (
    <div>
      <PageHeader title="Sync history" description={describeHealth(history.health, now)}>
        <HealthBadge health={history.health} now={now} />
        <SyncButton />
      </PageHeader>
      <StaleBanner lastSuccessAt={history.health.lastSuccessAt} stale={history.health.stale} now={now} syncing={history.health.state === "syncing"} />
      <BackfillBanner progress={getViewerBackfill(getDb(), viewer)} />
      <RunHistory entries={collapseRepeatedFailures(history.runs)} />
      {page > 1 || history.hasOlder ? (
        <nav aria-label="Sync log pages" className="mt-4 flex flex-wrap items-center gap-3 text-sm" data-testid="sync-history-pages">
          {page > 1 ? (
            <Link href={page === 2 ? "/dashboard/sync" : `/dashboard/sync?page=${page - 1}`} className={buttonClass()}>
              ← Newer runs
            </Link>
          ) : null}
          <span className="text-muted">Page {page}</span>
          {history.hasOlder ? (
            <Link href={`/dashboard/sync?page=${page + 1}`} className={buttonClass()} data-testid="sync-history-older">
              Older runs →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
