import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { requirePageViewer, type Viewer } from "@/lib/auth/session";
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

/**
 * The signed-in coach and the athlete they may look at (anything shared), or the 404 page. Memoised per
 * request: the layout and the page read it once.
 */
export const loadAthleteView = cache(async (athleteId: string): Promise<{ viewer: Viewer; view: AthleteViewDTO }> => {
  const viewer = await requirePageViewer(`/athletes/${encodeURIComponent(athleteId)}`);
  return { viewer, view: orNotFound(() => getAthleteView(getDb(), viewer, athleteId)) };
});
