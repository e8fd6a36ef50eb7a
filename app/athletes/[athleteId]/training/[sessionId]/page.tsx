import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionDetailView } from "@/components/dashboard/session-detail-view";
import { getDb } from "@/db";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { getMapTiles } from "@/lib/env";
import { orNotFound, loadAthleteView } from "../../_lib/coach";

export const metadata: Metadata = { title: "Athlete · Session" };

/** A coach's read-only view of one of the athlete's sessions (training scope, checked in lib/dal). */
export default async function AthleteSessionPage({ params }: { params: Promise<{ athleteId: string; sessionId: string }> }) {
  const { athleteId, sessionId } = await params;
  const { viewer, view } = await loadAthleteView(athleteId);
  const id = Number(sessionId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const session = orNotFound(() => getSessionDetail(getDb(), viewer, view.athleteId, id));
  return <SessionDetailView session={session} backHref={`/athletes/${encodeURIComponent(view.athleteId)}/training`} mapTiles={getMapTiles()} />;
}
