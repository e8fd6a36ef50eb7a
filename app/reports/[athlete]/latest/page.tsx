import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer } from "@/lib/auth/session";
import { tryAuthorizeAthleteRead } from "@/lib/dal/activity";
import { getLatestReportWeek, toReportPath } from "@/lib/dal/report";

type Params = Promise<{ athlete: string }>;

/** `/reports/{athlete}/latest` — redirects to the athlete's latest complete week (a stable link for navigation). */
export default async function LatestReportPage({ params }: { params: Params }) {
  const { athlete } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/reports/${athlete}/latest`)}`);
  const db = getDb();
  const athleteId = decodeURIComponent(athlete);
  const id = (["training", "sleep", "recovery"] as const).map((scope) => tryAuthorizeAthleteRead(db, viewer, athleteId, scope)).find((value) => value !== null);
  if (!id) notFound();
  redirect(toReportPath(athleteId, getLatestReportWeek(db, id, Date.now())));
}
