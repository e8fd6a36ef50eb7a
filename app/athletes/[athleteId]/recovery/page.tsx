import type { Metadata } from "next";
import { FlagTimeline } from "@/components/dashboard/flag-timeline";
import { firstParam, resolveRange } from "@/components/dashboard/range";
import { SharedSeriesCharts } from "@/components/roster/shared-series-charts";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getSharedDailySeries } from "@/lib/dal/series/read";
import { orNotFound, loadAthleteView } from "../_lib/coach";
import { CustomRangeForm } from "../_lib/custom-range-form";
import { RangeLinks } from "../_lib/range-links";

export const metadata: Metadata = { title: "Athlete · Recovery" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AthleteRecoveryPage({ params, searchParams }: { params: Promise<{ athleteId: string }>; searchParams: SearchParams }) {
  const { athleteId } = await params;
  const query = await searchParams;
  const { viewer, view } = await loadAthleteView(athleteId);
  const rangeParams = { range: firstParam(query.range), from: firstParam(query.from), to: firstParam(query.to) };
  const series = orNotFound(() => getSharedDailySeries(getDb(), viewer, view.athleteId, "recovery", (today) => resolveRange(rangeParams, today)));
  const resolved = resolveRange(rangeParams, series.today);
  const basePath = `/athletes/${encodeURIComponent(view.athleteId)}/recovery`;
  return (
    <div className="space-y-4">
      <PageHeader title="Recovery" description="Resting heart rate and HRV against the athlete's normal ranges, flagged days and the advice of each day.">
        <RangeLinks basePath={basePath} current={resolved} />
        <CustomRangeForm basePath={basePath} current={resolved} />
      </PageHeader>
      <FlagTimeline key={`${resolved.from}-${resolved.to}`} points={series.points} reader="coach" />
      <SharedSeriesCharts kind="recovery" points={series.points} />
    </div>
  );
}
