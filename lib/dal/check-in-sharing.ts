import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { teamAthletes, teamCoaches } from "@/db/schema/teams";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { resolveAthleteId } from "./access";

/**
 * "Share my check-in notes" (issue 16): a switch of its own per team, off by default, apart from the four read
 * scopes. A coach reads an athlete's notes only while the athlete shares both `recovery` (the check-ins) and
 * notes with one of the coach's teams. Nothing is cached: switching it off hides notes on the next read.
 */

/** Whether the viewer may read the athlete's check-in notes: always their own; a coach only as above. */
export function canReadCheckInNotes(db: Db, viewer: Viewer, athleteId: string): boolean {
  const id = resolveAthleteId(viewer, athleteId);
  if (id === viewer.userId) return true;
  const row = db
    .select({ teamId: teamAthletes.teamId })
    .from(teamAthletes)
    .innerJoin(teamCoaches, eq(teamCoaches.teamId, teamAthletes.teamId))
    .where(
      and(
        eq(teamAthletes.athleteId, id),
        eq(teamCoaches.userId, viewer.userId),
        eq(teamAthletes.shareRecovery, true),
        eq(teamAthletes.shareCheckInNotes, true),
      ),
    )
    .get();
  return row !== undefined;
}

/** Whether the viewer shares their notes with the team (the sharing page's switch). */
export function getShareCheckInNotes(db: Db, viewer: Viewer, teamId: string): boolean {
  const row = db
    .select({ on: teamAthletes.shareCheckInNotes })
    .from(teamAthletes)
    .where(and(eq(teamAthletes.teamId, teamId), eq(teamAthletes.athleteId, viewer.userId)))
    .get();
  if (!row) throw new AppError("not_found", "You do not share with that team.");
  return row.on;
}

/**
 * Turns sharing the viewer's check-in notes with a team on or off.
 * @throws AppError("bad_request") for a value that is not true/false; AppError("not_found") when the viewer
 *   does not share with that team.
 */
export function setShareCheckInNotes(db: Db, viewer: Viewer, teamId: string, on: unknown, options: { now: number }): boolean {
  if (typeof on !== "boolean") throw new AppError("bad_request", "Sharing check-in notes is on or off (true or false).");
  const updated = db
    .update(teamAthletes)
    .set({ shareCheckInNotes: on, updatedAt: options.now })
    .where(and(eq(teamAthletes.teamId, teamId), eq(teamAthletes.athleteId, viewer.userId)))
    .returning({ teamId: teamAthletes.teamId })
    .get();
  if (!updated) throw new AppError("not_found", "You do not share with that team.");
  return on;
}
