import type { Metadata } from "next";
import { CalendarView } from "@/components/calendar/calendar-view";
import { firstParam } from "@/components/dashboard/range";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { getCalendarMonth } from "@/lib/dal/calendar/calendar";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Calendar" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer();
  const query = await searchParams;
  const calendar = getCalendarMonth(getDb(), viewer, SELF, { month: firstParam(query.month), day: firstParam(query.day) });
  return (
    <div className="space-y-4">
      <PageHeader title="Calendar" description={`Your sessions, daily load, flags, advice and sleep by day (your local days; today is ${calendar.today}).`} />
      <CalendarView calendar={calendar} basePath="/dashboard/calendar" sessionHrefBase="/dashboard/training" reader="athlete" />
    </div>
  );
}
