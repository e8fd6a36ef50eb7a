import "server-only";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer, type Viewer } from "@/lib/auth/session";
import { getAthleteView, type AthleteViewDTO } from "@/lib/dal/roster/athlete-view";
import { isAppError } from "@/lib/errors";

/** Runs an authorized read; a denial (`not_found`) renders the 404 page, with no hint of why. */
export function orNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/** The signed-in coach and the athlete they may look at (anything shared), or the 404 page. */
export async function requireAthleteView(athleteId: string): Promise<{ viewer: Viewer; view: AthleteViewDTO }> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/athletes/${encodeURIComponent(athleteId)}`);
  return { viewer, view: orNotFound(() => getAthleteView(getDb(), viewer, athleteId)) };
}
