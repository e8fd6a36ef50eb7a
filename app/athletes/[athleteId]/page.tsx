import type { Metadata } from "next";
import { formatMinutes, formatNumber, toRmssdMs } from "@/components/charts/format";
import { describeAcwrBand } from "@/components/charts/describe";
import { EmptyDayExplainer } from "@/components/dashboard/empty-day";
import { Freshness } from "@/components/dashboard/freshness";
import { RestingHrStat } from "@/components/dashboard/resting-hr-stat";
import { RiskCaveats, RiskDetails } from "@/components/dashboard/risk-details";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { getDb } from "@/db";
import { getCoachOverview } from "@/lib/dal/overview/coach";
import { orNotFound, loadAthleteView } from "./_lib/coach";

export const metadata: Metadata = { title: "Athlete" };

function NotShared({ title, testId }: { title: string; testId: string }) {
  return (
    <Card title={title} testId={testId} state="empty">
      <p className="text-sm italic text-muted" data-testid="not-shared">
        not shared
      </p>
    </Card>
  );
}

export default async function AthleteOverviewPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  const { viewer, view } = await loadAthleteView(athleteId);
  const has = (scope: (typeof view.scopes)[number]) => view.scopes.includes(scope);
  // The same figures as the athlete's own overview and the roster row (lib/dal/overview/recent.ts).
  const overview = orNotFound(() => getCoachOverview(getDb(), viewer, view.athleteId));
  const { recent, todayPoint: today, lastNight: night } = overview;
  return (
    <div className="space-y-4">
      <PageHeader title={view.name} description={`The athlete's local today is ${overview.today} · data to ${recent.dataThrough ?? "—"}.`}>
        <Freshness freshness={overview.freshness} now={overview.now} />
      </PageHeader>
      {has("training") && has("recovery") ? (
        <Card title="Today" testId="coach-risk" state={today ? "loaded" : "empty"}>
          {today ? <RiskDetails point={today} headingLevel={3} reader="coach" /> : <p className="text-sm text-muted">No data for today yet.</p>}
          <div className="mt-3">
            <RiskCaveats reader="coach" />
          </div>
        </Card>
      ) : (
        <NotShared title="Risk (needs training and recovery)" testId="coach-risk" />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {has("training") ? (
          <Card title="Last 7 days" testId="coach-load" state={recent.load7 !== null ? "loaded" : "empty"}>
            <dl className="grid grid-cols-3 gap-3">
              <Stat label="7-day load" value={recent.load7 === null ? null : formatNumber(recent.load7, 0)} unit="AU" testId="stat-week-load" />
              <Stat label="ACWR (EWMA)" value={recent.acwr.value === null ? null : formatNumber(recent.acwr.value, 2)} hint={today ? describeAcwrBand(recent.acwr.value) : undefined} />
              <Stat label="Form (TSB)" value={recent.tsb === null ? null : formatNumber(recent.tsb, 1)} unit="AU" />
            </dl>
          </Card>
        ) : (
          <NotShared title="Training" testId="coach-load" />
        )}
        {has("sleep") ? (
          <Card title="Last night" testId="coach-sleep" state={night ? "loaded" : "empty"}>
            <dl className="grid grid-cols-2 gap-3">
              <Stat label="Night to" value={recent.lastNight} />
              <Stat label="Actual sleep" value={night?.sleep.night ? formatMinutes(night.sleep.night.actualSleepMinutes) : null} />
            </dl>
            {overview.lastNightGap ? (
              <div className="mt-2">
                <EmptyDayExplainer explanation={overview.lastNightGap} />
              </div>
            ) : null}
          </Card>
        ) : (
          <NotShared title="Sleep" testId="coach-sleep" />
        )}
        {has("recovery") ? (
          <Card title="Resting HR and HRV" testId="coach-recovery" state={today ? "loaded" : "empty"}>
            <dl className="grid grid-cols-2 gap-3">
              <RestingHrStat rhr={recent.rhr} today={overview.today} />
              <Stat label="HRV (rMSSD) 7-night mean" value={recent.hrv.rolling7 === null ? null : formatNumber(toRmssdMs(recent.hrv.rolling7), 0)} unit="ms" hint={recent.hrv.rolling7 === null ? undefined : `lnRMSSD ${formatNumber(recent.hrv.rolling7, 2)}`} testId="stat-hrv" />
            </dl>
          </Card>
        ) : (
          <NotShared title="Recovery" testId="coach-recovery" />
        )}
      </div>
    </div>
  );
}
