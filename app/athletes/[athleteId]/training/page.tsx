import type { Metadata } from "next";
import { WeeklyZoneChart } from "@/components/charts/weekly-zone-chart";
import { SessionTable } from "@/components/dashboard/session-table";
import { Card, PageHeader } from "@/components/ui/card";
import { getDb } from "@/db";
import { getWeeklyZones } from "@/lib/dal/sessions/weekly-zones";
import { listSessions } from "@/lib/dal/sessions/list";
import { orNotFound, loadAthleteView } from "../_lib/coach";

export const metadata: Metadata = { title: "Athlete · Training" };

export default async function AthleteTrainingPage({ params }: { params: Promise<{ athleteId: string }> }) {
  const { athleteId } = await params;
  const { viewer, view } = await loadAthleteView(athleteId);
  const db = getDb();
  // The dashboard's own reads, each authorized for the training scope through the one access check; the
  // weekly zones cover the list's dates (the last 12 weeks).
  const list = orNotFound(() => listSessions(db, viewer, view.athleteId, {}));
  const weekly = orNotFound(() => getWeeklyZones(db, viewer, view.athleteId, { from: list.from, to: list.to }));
  return (
    <div className="space-y-4">
      <PageHeader title="Training" description={`${view.name}'s sessions, newest first.`} />
      <WeeklyZoneChart points={weekly} />
      <Card title="Sessions" testId="coach-sessions" state={list.sessions.length > 0 ? "loaded" : "empty"}>
        <SessionTable sessions={list.sessions} hrefBase={`/athletes/${encodeURIComponent(view.athleteId)}/training`} />
      </Card>
    </div>
  );
}
