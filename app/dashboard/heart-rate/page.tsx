import type { Metadata } from "next";
import { DayPicker } from "@/components/activity/day-picker";
import { TodayNoDataNotice } from "@/components/dashboard/empty-day";
import { RangePicker } from "@/components/dashboard/range-picker";
import { firstParam, isCalendarDate, resolveRange } from "@/components/dashboard/range";
import { HeartRateDayChart } from "@/components/heart-rate/heart-rate-day-chart";
import { HeartRateDaySummary } from "@/components/heart-rate/heart-rate-day-summary";
import { HeartRateRangePanel } from "@/components/heart-rate/heart-rate-range-panel";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getActivityRange } from "@/lib/dal/activity";
import { getHeartRateDay } from "@/lib/dal/heart-rate";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Heart rate" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function HeartRatePage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const params = await searchParams;
  const db = getDb();
  const dayParam = firstParam(params.day);
  const day = getHeartRateDay(db, viewer, SELF, isCalendarDate(dayParam) ? dayParam : null);
  const range = resolveRange({ range: firstParam(params.range), from: firstParam(params.from), to: firstParam(params.to) }, day.today, "4w");
  const initial = getActivityRange(db, viewer, SELF, { from: range.from, to: range.to });
  return (
    <div className="space-y-6">
      <PageHeader title="Heart rate" description="Your 24/7 heart rate on your own clock, with training and sleep marked.">
        <DayPicker day={day.date} today={day.today} />
      </PageHeader>
      <section aria-label="One day" className="space-y-4">
        <TodayNoDataNotice shownDay={day.date} today={day.today} askedForDay={isCalendarDate(dayParam)} todayHref={`/dashboard/heart-rate?day=${day.today}`} />
        <HeartRateDaySummary day={day} />
        <HeartRateDayChart day={day} />
      </section>
      <section aria-labelledby="hr-range-title" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="hr-range-title" className="text-xl font-bold tracking-tight">
            Over time
          </h2>
          <RangePicker today={initial.today} fallback="4w" />
        </div>
        <HeartRateRangePanel initial={initial} />
      </section>
    </div>
  );
}
