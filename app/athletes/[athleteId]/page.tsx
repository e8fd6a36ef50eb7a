import type { Metadata } from "next";
import { formatMinutes, formatNumber, toRmssdMs } from "@/components/charts/format";
import { describeAcwrBand } from "@/components/charts/describe";
import { Freshness } from "@/components/dashboard/freshness";
import { RiskCaveats, RiskDetails } from "@/components/dashboard/risk-details";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { getDb } from "@/db";
import { addDays } from "@/lib/analytics";
import { getFreshness } from "@/lib/dal/overview/freshness";
import { getSharedDailySeries } from "@/lib/dal/series/read";
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
  const db = getDb();
  const has = (scope: (typeof view.scopes)[number]) => view.scopes.includes(scope);
  const week = orNotFound(() => getSharedDailySeries(db, viewer, view.athleteId, view.scopes[0], (today) => ({ from: addDays(today, -6), to: today })));
  const now = week.now;
  const today = week.points.find((point) => point.date === week.today) ?? null;
  const night = [...week.points].reverse().find((point) => point.sleep.night !== null) ?? null;
  const weekLoad = week.points.reduce((sum, point) => sum + point.load.value, 0);
  return (
    <div className="space-y-4">
      <PageHeader title={view.name} description={`The athlete's local today is ${week.today}.`}>
        <Freshness freshness={getFreshness(db, view.athleteId)} now={now} />
      </PageHeader>
      {has("training") && has("recovery") ? (
        <Card title="Today" testId="coach-risk" state={today ? "loaded" : "empty"}>
          {today ? <RiskDetails point={today} headingLevel={3} reader="coach" /> : <p className="text-sm text-muted">No data for today yet.</p>}
          <div className="mt-3">
            <RiskCaveats />
          </div>
        </Card>
      ) : (
        <NotShared title="Risk (needs training and recovery)" testId="coach-risk" />
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {has("training") ? (
          <Card title="Last 7 days" testId="coach-load" state={week.points.length > 0 ? "loaded" : "empty"}>
            <dl className="grid grid-cols-3 gap-3">
              <Stat label="7-day load" value={week.points.length > 0 ? formatNumber(weekLoad, 0) : null} unit="AU" testId="stat-week-load" />
              <Stat label="ACWR (EWMA)" value={today?.acwr.ewma == null ? null : formatNumber(today.acwr.ewma, 2)} hint={today ? describeAcwrBand(today.acwr.ewma) : undefined} />
              <Stat label="Form (TSB)" value={today ? formatNumber(today.pmc.tsb, 1) : null} unit="AU" />
            </dl>
          </Card>
        ) : (
          <NotShared title="Training" testId="coach-load" />
        )}
        {has("sleep") ? (
          <Card title="Last night" testId="coach-sleep" state={night ? "loaded" : "empty"}>
            <dl className="grid grid-cols-2 gap-3">
              <Stat label="Night to" value={night?.date ?? null} />
              <Stat label="Actual sleep" value={night?.sleep.night ? formatMinutes(night.sleep.night.actualSleepMinutes) : null} />
            </dl>
          </Card>
        ) : (
          <NotShared title="Sleep" testId="coach-sleep" />
        )}
        {has("recovery") ? (
          <Card title="Resting HR and HRV" testId="coach-recovery" state={today ? "loaded" : "empty"}>
            <dl className="grid grid-cols-2 gap-3">
              <Stat label="Resting HR" value={today?.restingHr.rhr == null ? null : formatNumber(today.restingHr.rhr, 0)} unit="bpm" testId="stat-rhr" />
              <Stat label="HRV (rMSSD) 7-night mean" value={today?.hrv.rolling7 == null ? null : formatNumber(toRmssdMs(today.hrv.rolling7), 0)} unit="ms" hint={today?.hrv.rolling7 == null ? undefined : `lnRMSSD ${formatNumber(today.hrv.rolling7, 2)}`} testId="stat-hrv" />
            </dl>
          </Card>
        ) : (
          <NotShared title="Recovery" testId="coach-recovery" />
        )}
      </div>
    </div>
  );
}
