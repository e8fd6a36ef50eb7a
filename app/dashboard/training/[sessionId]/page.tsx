import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SessionDetailView } from "@/components/dashboard/session-detail-view";
import { getDb } from "@/db";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { getMapTiles } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { requirePageViewer } from "@/lib/auth/session";
import { SELF } from "@/lib/dal/self";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const viewer = await requirePageViewer();
  const { sessionId } = await params;
  const id = Number(sessionId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  let session;
  try {
    session = getSessionDetail(getDb(), viewer, SELF, id);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
  return <SessionDetailView session={session} backHref="/dashboard/training" canRate mapTiles={getMapTiles()} />;
}
