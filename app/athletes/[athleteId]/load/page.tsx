import type { Metadata } from "next";
import { firstParam, resolveRange } from "@/components/dashboard/range";
import { SharedSeriesCharts } from "@/components/roster/shared-series-charts";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getSharedDailySeries } from "@/lib/dal/series/read";
import { orNotFound, loadAthleteView } from "../_lib/coach";
import { RangeLinks } from "../_lib/range-links";

export const metadata: Metadata = { title: "Athlete · Load" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AthleteLoadPage({ params, searchParams }: { params: Promise<{ athleteId: string }>; searchParams: SearchParams }) {
  const { athleteId } = await params;
  const query = await searchParams;
  const { viewer, view } = await loadAthleteView(athleteId);
  const range = firstParam(query.range);
  const series = orNotFound(() => getSharedDailySeries(getDb(), viewer, view.athleteId, "training", (today) => resolveRange({ range }, today)));
  const resolved = resolveRange({ range }, series.today);
  return (
    <div className="space-y-4">
      <PageHeader title="Load" description="Daily load, ACWR and Polar's cardio-load status.">
        <RangeLinks basePath={`/athletes/${encodeURIComponent(view.athleteId)}/load`} current={resolved} />
      </PageHeader>
      <SharedSeriesCharts kind="load" points={series.points} />
    </div>
  );
}
