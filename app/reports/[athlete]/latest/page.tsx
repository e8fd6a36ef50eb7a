import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { requirePageViewer } from "@/lib/auth/session";
import { tryAuthorizeAthleteRead } from "@/lib/dal/activity";
import { getLatestReportWeek, toReportPath } from "@/lib/dal/report";

type Params = Promise<{ athlete: string }>;

/** `/reports/{athlete}/latest` — redirects to the athlete's latest complete week (a stable link for navigation). */
export default async function LatestReportPage({ params }: { params: Params }) {
  const { athlete } = await params;
  // Next has already percent-decoded the segment: decoding again would break ids with a `%` (issue 18 §5).
  const viewer = await requirePageViewer(`/reports/${encodeURIComponent(athlete)}/latest`);
  const db = getDb();
  const athleteId = athlete;
  const id = (["training", "sleep", "recovery"] as const).map((scope) => tryAuthorizeAthleteRead(db, viewer, athleteId, scope)).find((value) => value !== null);
  if (!id) notFound();
  redirect(toReportPath(athleteId, getLatestReportWeek(db, id, Date.now())));
}
