import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WeeklyReport } from "@/components/report/weekly-report";
import { getDb } from "@/db";
import { requirePageViewer, type Viewer } from "@/lib/auth/session";
import { getWeeklyReport, parseReportParams, type WeeklyReportDTO } from "@/lib/dal/report";
import { isAppError } from "@/lib/errors";

type Params = Promise<{ athlete: string; week: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { week } = await params;
  // Next has already percent-decoded the segment; a second decode threw URIError on `%25` (issue 18 §5).
  return { title: `Weekly report ${week}` };
}

/** The report, or Next's 404 page for an unknown week, an unknown athlete or one who shares nothing. */
function loadReport(viewer: Viewer, params: { athlete: string; week: string }): WeeklyReportDTO {
  const parsed = parseReportParams(params);
  if (!parsed) notFound();
  try {
    return getWeeklyReport(getDb(), viewer, parsed.athleteId, parsed.week);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/** `/reports/{athlete}/{year}-W{week}` — `athlete` is `me` or a user id. */
export default async function WeeklyReportPage({ params }: { params: Params }) {
  const raw = await params;
  const viewer = await requirePageViewer(`/reports/${encodeURIComponent(raw.athlete)}/${encodeURIComponent(raw.week)}`);
  return <WeeklyReport report={loadReport(viewer, raw)} />;
}
