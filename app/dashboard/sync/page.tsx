import type { Metadata } from "next";
import { BackfillBanner } from "@/components/sync/backfill-banner";
import { HealthBadge, describeHealth } from "@/components/sync/health-badge";
import { RunHistory } from "@/components/sync/run-history";
import { StaleBanner } from "@/components/sync/stale-banner";
import { SyncButton } from "@/components/sync/sync-button";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getViewerBackfill } from "@/lib/dal/backfill";
import { getViewerSyncHistory } from "@/lib/dal/sync-history";
import { requirePageViewer } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sync history" };

/** /dashboard/sync — every sync run of the athlete: trigger, duration, what arrived, and what went wrong. */
export default async function SyncHistoryPage() {
  const viewer = await requirePageViewer();
  const history = await getViewerSyncHistory();
  const { now } = history;
  return (
    <div>
      <PageHeader title="Sync history" description={describeHealth(history.health, now)}>
        <HealthBadge health={history.health} now={now} />
        <SyncButton />
      </PageHeader>
      <StaleBanner lastSuccessAt={history.health.lastSuccessAt} stale={history.health.stale} now={now} syncing={history.health.state === "syncing"} />
      <BackfillBanner progress={getViewerBackfill(getDb(), viewer)} />
      <RunHistory runs={history.runs} />
    </div>
  );
}
