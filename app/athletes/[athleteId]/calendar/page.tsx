import type { Metadata } from "next";
import { CalendarView } from "@/components/calendar/calendar-view";
import { firstParam } from "@/components/dashboard/range";
import { PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getCalendarMonth } from "@/lib/dal/calendar/calendar";
import { orNotFound, loadAthleteView } from "../_lib/coach";

export const metadata: Metadata = { title: "Athlete · Calendar" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AthleteCalendarPage({ params, searchParams }: { params: Promise<{ athleteId: string }>; searchParams: SearchParams }) {
  const { athleteId } = await params;
  const query = await searchParams;
  const { viewer, view } = await loadAthleteView(athleteId);
  const calendar = orNotFound(() => getCalendarMonth(getDb(), viewer, view.athleteId, { month: firstParam(query.month), day: firstParam(query.day) }));
  const base = `/athletes/${encodeURIComponent(view.athleteId)}`;
  return (
    <div className="space-y-4" data-testid="coach-calendar-page">
      <PageHeader title="Calendar" description={`The athlete's shared data by day, on the athlete's local days (their today is ${calendar.today}).`} />
      <CalendarView calendar={calendar} basePath={`${base}/calendar`} sessionHrefBase={`${base}/training`} reader="coach" />
    </div>
  );
}
