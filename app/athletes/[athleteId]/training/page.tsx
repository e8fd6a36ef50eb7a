import type { Metadata } from "next";
import { WeeklyZoneChart } from "@/components/charts/weekly-zone-chart";
import { SessionTable } from "@/components/dashboard/session-table";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getWeeklyZones } from "@/lib/dal/sessions/weekly-zones";
import { firstParam } from "@/components/dashboard/range";
import { SessionPager } from "@/components/session/session-pager";
import { listSessionPage, parseSessionPage } from "@/lib/dal/sessions/list";
import { orNotFound, loadAthleteView } from "../_lib/coach";

export const metadata: Metadata = { title: "Athlete · Training" };

export default async function AthleteTrainingPage({
  params,
  searchParams,
}: {
  params: Promise<{ athleteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { athleteId } = await params;
  const page = parseSessionPage(firstParam((await searchParams).page));
  const { viewer, view } = await loadAthleteView(athleteId);
  const db = getDb();
  // The dashboard's own reads, each authorized for the training scope through the one access check; the
  // weekly zones cover the list's dates (the last 12 weeks).
  const list = orNotFound(() => listSessionPage(db, viewer, view.athleteId, {}, page));
  const weekly = orNotFound(() => getWeeklyZones(db, viewer, view.athleteId, { from: list.from, to: list.to }));
  return (
    <div className="space-y-4">
      <PageHeader title="Training" description={`${view.name}'s sessions, newest first.`} />
      <WeeklyZoneChart points={weekly} />
      <Card title="Sessions" testId="coach-sessions" state={list.sessions.length > 0 ? "loaded" : "empty"}>
        <div className="space-y-2">
          <SessionPager list={list} basePath={`/athletes/${encodeURIComponent(view.athleteId)}/training`} params={{}} />
          <SessionTable sessions={list.sessions} hrefBase={`/athletes/${encodeURIComponent(view.athleteId)}/training`} />
        </div>
      </Card>
    </div>
  );
}
