import type { Metadata } from "next";
import Link from "next/link";
import { formatHrvRange, formatMinutes, formatNumber, toRmssdMs } from "@/components/charts/format";
import { LoadChart } from "@/components/charts/load-chart";
import { describeAcwrBand, describePmcSeed } from "@/components/charts/describe";
import { toBuilding, toLoadPoints } from "@/components/dashboard/daily-rows";
import { AdviceSummary } from "@/components/checkin/advice";
import { CheckInCard } from "@/components/checkin/check-in-card";
import { EmptyDayExplainer } from "@/components/dashboard/empty-day";
import { Freshness } from "@/components/dashboard/freshness";
import { RestingHrStat } from "@/components/dashboard/resting-hr-stat";
import { RiskCaveats, RiskDetails } from "@/components/dashboard/risk-details";
import { SessionTable } from "@/components/dashboard/session-table";
import { BackfillBanner } from "@/components/sync/backfill-banner";
import { SyncButton } from "@/components/sync/sync-button";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { getDb } from "@/db";
import { getViewerBackfill } from "@/lib/dal/backfill";
import { getOverview } from "@/lib/dal/overview/overview";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const viewer = await requirePageViewer();
  const overview = getOverview(getDb(), viewer, SELF);
  const today = overview.todayPoint;
  const night = overview.lastNight;
  // The figures the roster shows too come from the one summary (overview.recent), so the two pages agree.
  const recent = overview.recent;
  const seedNote = today ? describePmcSeed(today.dayIndex) : null;
  return (
    <div className="space-y-4">
      <PageHeader title={viewer.name ? `Hello, ${viewer.name}` : "Overview"} description={`Today is ${overview.today} (your local day) · data to ${recent.dataThrough ?? "—"}.`}>
        <Freshness freshness={overview.freshness} now={overview.now} />
        <SyncButton />
      </PageHeader>
      <BackfillBanner progress={getViewerBackfill(getDb(), viewer)} />

      <Card title="Today's advice" testId="overview-advice" state={today?.advice ? "loaded" : "empty"}>
        <AdviceSummary point={today} base="/dashboard" checkInHref="#check-in" />
      </Card>

      <div id="check-in">
        <CheckInCard key={today?.checkIn?.updatedAt ?? "none"} today={overview.today} checkIn={today?.checkIn ?? null} />
      </div>

      <Card title="Today" testId="overview-risk" state={today ? "loaded" : "empty"}>
        {today ? (
          <RiskDetails point={today} headingLevel={3} />
        ) : (
          <p className="text-sm text-muted">No data yet — click Sync to pull your Polar data and start building your baselines.</p>
        )}
        <div className="mt-3">
          <RiskCaveats />
        </div>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Last 7 days" testId="overview-load" state={overview.week.points.length > 0 ? "loaded" : "empty"} actions={<Link href="/dashboard/load" className="text-sm text-accent">Load details →</Link>}>
          <dl className="mb-3 grid grid-cols-3 gap-3">
            <Stat label="7-day load" value={recent.load7 === null ? null : formatNumber(recent.load7, 0)} unit="AU" testId="stat-week-load" />
            <Stat
              label="ACWR (EWMA)"
              value={recent.acwr.value === null ? null : formatNumber(recent.acwr.value, 2)}
              hint={today ? describeAcwrBand(recent.acwr.value) : undefined}
              testId="stat-acwr"
            />
            <Stat label="Form (TSB)" value={recent.tsb === null ? null : formatNumber(recent.tsb, 1)} unit="AU" hint="yesterday's CTL − ATL" testId="stat-tsb" />
          </dl>
          {seedNote ? (
            <p className="mb-3 text-xs text-muted" data-testid="overview-seed-note">
              {seedNote}
            </p>
          ) : null}
          <LoadChart points={toLoadPoints(overview.week.points)} building={toBuilding(overview.week.points, ["load"])} testId="chart-week-load" height={200} showSeedNote={false} />
        </Card>

        <Card
          title="Last night"
          testId="overview-sleep"
          state={night ? "loaded" : "empty"}
          actions={<Link href="/dashboard/sleep" className="text-sm text-accent">Sleep details →</Link>}
        >
          {night ? (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <Stat label="Night to" value={night.date} />
              <Stat label="Actual sleep" value={night.sleep.night ? formatMinutes(night.sleep.night.actualSleepMinutes) : null} testId="stat-sleep-actual" />
              <Stat label="Sleep score" value={night.night?.sleepScore === null || !night.night ? null : String(night.night.sleepScore)} unit="/ 100" />
              <Stat label="Deep" value={night.night?.deepMinutes == null ? null : formatMinutes(night.night.deepMinutes)} />
              <Stat label="REM" value={night.night?.remMinutes == null ? null : formatMinutes(night.night.remMinutes)} />
              <Stat
                label="7-day sleep debt"
                value={night.sleep.debt?.grossMinutes == null ? null : formatNumber(night.sleep.debt.grossMinutes / 60, 1)}
                unit="h"
                hint={night.sleep.debt ? `${night.sleep.debt.validNights} of 7 nights measured` : "building (7 nights)"}
              />
            </dl>
          ) : (
            <p className="text-sm text-muted" data-testid="overview-sleep-empty">
              No sleep data yet — sleep needs a night with the watch on.
            </p>
          )}
          {overview.lastNightGap ? (
            <div className="mt-2">
              <EmptyDayExplainer explanation={overview.lastNightGap} />
            </div>
          ) : null}
        </Card>

        <Card title="Resting HR and HRV" testId="overview-recovery" state={today ? "loaded" : "empty"} actions={<Link href="/dashboard/recovery" className="text-sm text-accent">Recovery details →</Link>}>
          {today ? (
            <dl className="grid grid-cols-2 gap-3">
              <RestingHrStat rhr={recent.rhr} today={overview.today} />
              <Stat
                label="HRV (rMSSD) 7-night mean"
                value={recent.hrv.rolling7 === null ? null : formatNumber(toRmssdMs(recent.hrv.rolling7), 0)}
                unit="ms"
                hint={`${recent.hrv.rolling7 === null ? "" : `lnRMSSD ${formatNumber(recent.hrv.rolling7, 2)} · `}${
                  recent.hrv.bandLow !== null && recent.hrv.bandHigh !== null
                    ? `normal range ${formatHrvRange(recent.hrv.bandLow, recent.hrv.bandHigh)} (60 nights)`
                    : `building baseline (${recent.hrv.baselineN} of 14 nights)`
                }`}
                testId="stat-hrv"
              />
            </dl>
          ) : (
            <p className="text-sm text-muted">No nightly data yet — resting HR and HRV need nights with the watch on.</p>
          )}
        </Card>

        <Card title="Latest sessions" testId="overview-sessions" actions={<Link href="/dashboard/training" className="text-sm text-accent">All sessions →</Link>}>
          <SessionTable sessions={overview.latestSessions} testId="latest-sessions" />
        </Card>
      </div>
    </div>
  );
}
