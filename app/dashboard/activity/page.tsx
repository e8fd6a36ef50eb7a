import type { Metadata } from "next";
import { ActivityDayCharts } from "@/components/activity/activity-day-section";
import { ActivityDaySummary } from "@/components/activity/activity-day-summary";
import { ActivityRangePanel } from "@/components/activity/activity-range-panel";
import { DayPicker } from "@/components/activity/day-picker";
import { TodayNoDataNotice } from "@/components/dashboard/empty-day";
import { RangePicker } from "@/components/dashboard/range-picker";
import { firstParam, isCalendarDate, resolveRange } from "@/components/dashboard/range";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getActivityDay, getActivityRange } from "@/lib/dal/activity";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Activity" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const db = getDb();
  const dayParam = firstParam(params.day);
  const day = getActivityDay(db, viewer, SELF, isCalendarDate(dayParam) ? dayParam : null);
  const range = resolveRange({ range: firstParam(params.range), from: firstParam(params.from), to: firstParam(params.to) }, day.today, "4w");
  const initial = getActivityRange(db, viewer, SELF, { from: range.from, to: range.to });
  return (
    <div className="space-y-6">
      <PageHeader title="Activity" description="Steps, active time, calories and activity zones per day on your own clock.">
        <DayPicker day={day.date} today={day.today} />
      </PageHeader>
      <section aria-label="One day" className="space-y-4">
        <TodayNoDataNotice shownDay={day.date} today={day.today} askedForDay={isCalendarDate(dayParam)} todayHref={`/dashboard/activity?day=${day.today}`} />
        <ActivityDaySummary day={day} />
        <ActivityDayCharts day={day} />
      </section>
      <section aria-labelledby="activity-range-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="activity-range-title" className="text-xl font-bold tracking-tight">
            Over time
          </h2>
          <RangePicker today={initial.today} fallback="4w" />
        </div>
        <ActivityRangePanel initial={initial} />
      </section>
    </div>
  );
}
