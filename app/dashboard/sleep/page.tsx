import type { Metadata } from "next";
import Link from "next/link";
import { HypnogramChart } from "@/components/charts/hypnogram-chart";
import { EmptyDayExplainer } from "@/components/dashboard/empty-day";
import { RangePicker } from "@/components/dashboard/range-picker";
import { firstParam, isCalendarDate, resolveRange } from "@/components/dashboard/range";
import { SleepPanel } from "@/components/dashboard/sleep-panel";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getPageSeries } from "@/lib/dal/overview/overview";
import { getSleepNight } from "@/lib/dal/sleep/night";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Sleep" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toNightHref(params: Record<string, string | string[] | undefined>, night: string): string {
  const next = new URLSearchParams();
  for (const key of ["range", "from", "to"]) {
    const value = firstParam(params[key]);
    if (value) next.set(key, value);
  }
  next.set("night", night);
  return `/dashboard/sleep?${next.toString()}`;
}

export default async function SleepPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const db = getDb();
  const nightParam = firstParam(params.night);
  const view = getSleepNight(db, viewer, SELF, isCalendarDate(nightParam) ? nightParam : null);
  const initial = getPageSeries(
    db,
    viewer,
    SELF,
    (today) => resolveRange({ range: firstParam(params.range), from: firstParam(params.from), to: firstParam(params.to) }, today, "4w"),
    { scope: "sleep" },
  );
  const linkClass = "rounded-md border border-border px-2 py-1 text-sm hover:bg-bg";
  return (
    <div className="space-y-4">
      <PageHeader title="Sleep" description="Stages per night on your clock, stage totals, Polar's sleep score and your sleep debt.">
        <RangePicker today={initial.today} fallback="4w" />
      </PageHeader>
      {view.gap ? <EmptyDayExplainer explanation={view.gap} testId="sleep-gap-reason" /> : null}
      <HypnogramChart
        night={view.night}
        actions={
          view.night ? (
            <nav aria-label="Choose night" className="flex gap-2">
              {view.previousDate ? (
                <Link href={toNightHref(params, view.previousDate)} className={linkClass} scroll={false} data-testid="night-previous">
                  ← {view.previousDate}
                </Link>
              ) : null}
              {view.nextDate ? (
                <Link href={toNightHref(params, view.nextDate)} className={linkClass} scroll={false} data-testid="night-next">
                  {view.nextDate} →
                </Link>
              ) : null}
            </nav>
          ) : null
        }
      />
      <SleepPanel initial={initial} />
    </div>
  );
}
