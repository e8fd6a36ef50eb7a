import type { Metadata } from "next";
import { HypnogramChart } from "@/components/charts/hypnogram-chart";
import { EmptyDayExplainer } from "@/components/dashboard/empty-day";
import { firstParam, resolveRange } from "@/components/dashboard/range";
import { SharedSeriesCharts } from "@/components/roster/shared-series-charts";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getSleepNight } from "@/lib/dal/sleep/night";
import { getSharedDailySeries } from "@/lib/dal/series/read";
import { orNotFound, loadAthleteView } from "../_lib/coach";
import { RangeLinks } from "../_lib/range-links";

export const metadata: Metadata = { title: "Athlete · Sleep" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AthleteSleepPage({ params, searchParams }: { params: Promise<{ athleteId: string }>; searchParams: SearchParams }) {
  const { athleteId } = await params;
  const query = await searchParams;
  const { viewer, view } = await loadAthleteView(athleteId);
  const db = getDb();
  const night = orNotFound(() => getSleepNight(db, viewer, view.athleteId, null));
  const range = firstParam(query.range);
  const series = orNotFound(() => getSharedDailySeries(db, viewer, view.athleteId, "sleep", (today) => resolveRange({ range }, today, "4w")));
  const resolved = resolveRange({ range }, series.today, "4w");
  return (
    <div className="space-y-4" data-testid="coach-sleep-page">
      <PageHeader title="Sleep" description="The latest night's stages, and stages, score and debt per night.">
        <RangeLinks basePath={`/athletes/${encodeURIComponent(view.athleteId)}/sleep`} current={resolved} />
      </PageHeader>
      {night.gap ? <EmptyDayExplainer explanation={night.gap} testId="sleep-gap-reason" /> : null}
      <HypnogramChart night={night.night} />
      <SharedSeriesCharts kind="sleep" points={series.points} />
    </div>
  );
}
