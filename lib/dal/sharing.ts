import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/auth";
import { teamAthletes, teamCoaches, teams } from "@/db/schema/teams";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { toScopeList, toShareFlags } from "./access";
import type { ReadScope } from "./dto";
import { ScopeListSchema, toDisplayName } from "./teams";

/**
 * The athlete's side of sharing (app/settings/sharing): who sees what, change the scopes, stop at once.
 * Every function acts on the viewer's own `team_athlete` rows only.
 */

export type ShareDTO = {
  teamId: string;
  teamName: string;
  coaches: string[];
  scopes: ReadScope[];
  joinedAt: number;
  updatedAt: number;
};

/** Every team the viewer shares with, its coaches and the scopes shared; two queries. */
export function listMyShares(db: Db, viewer: Viewer): ShareDTO[] {
  const rows = db
    .select({
      teamId: teamAthletes.teamId,
      teamName: teams.name,
      shareTraining: teamAthletes.shareTraining,
      shareSleep: teamAthletes.shareSleep,
      shareRecovery: teamAthletes.shareRecovery,
      shareBody: teamAthletes.shareBody,
      joinedAt: teamAthletes.joinedAt,
      updatedAt: teamAthletes.updatedAt,
    })
    .from(teamAthletes)
    .innerJoin(teams, eq(teams.id, teamAthletes.teamId))
    .where(eq(teamAthletes.athleteId, viewer.userId))
    .orderBy(asc(teams.name))
    .all();
  if (rows.length === 0) return [];
  const coachRows = db
    .select({ teamId: teamCoaches.teamId, name: users.name, polarUserId: users.polarUserId })
    .from(teamCoaches)
    .innerJoin(users, eq(users.id, teamCoaches.userId))
    .where(inArray(teamCoaches.teamId, rows.map((row) => row.teamId)))
    .orderBy(asc(teamCoaches.addedAt))
    .all();
  return rows.map((row) => ({
    teamId: row.teamId,
    teamName: row.teamName,
    coaches: coachRows.filter((coach) => coach.teamId === row.teamId).map(toDisplayName),
    scopes: toScopeList(row),
    joinedAt: row.joinedAt,
    updatedAt: row.updatedAt,
  }));
}

/**
 * Replaces the scopes the viewer shares with a team. An empty list stops sharing (same as `stopSharing`).
 * @throws AppError("not_found") when the viewer does not share with that team.
 */
export function updateShareScopes(db: Db, viewer: Viewer, teamId: string, scopes: readonly ReadScope[], options: { now: number }): ReadScope[] {
  const chosen = ScopeListSchema.parse([...scopes]);
  if (chosen.length === 0) {
    stopSharing(db, viewer, teamId);
    return [];
  }
  const updated = db
    .update(teamAthletes)
    .set({ ...toShareFlags(chosen), updatedAt: options.now })
    .where(and(eq(teamAthletes.teamId, teamId), eq(teamAthletes.athleteId, viewer.userId)))
    .returning({ teamId: teamAthletes.teamId })
    .get();
  if (!updated) throw new AppError("not_found", "You do not share with that team.");
  return chosen;
}

/** Stops sharing with one team: its coaches lose access on their next request. */
export function stopSharing(db: Db, viewer: Viewer, teamId: string): void {
  const removed = db
    .delete(teamAthletes)
    .where(and(eq(teamAthletes.teamId, teamId), eq(teamAthletes.athleteId, viewer.userId)))
    .returning({ teamId: teamAthletes.teamId })
    .get();
  if (!removed) throw new AppError("not_found", "You do not share with that team.");
}

/** Stops sharing with every team at once; returns how many teams lost access. */
export function stopSharingEverywhere(db: Db, viewer: Viewer): number {
  return db.delete(teamAthletes).where(eq(teamAthletes.athleteId, viewer.userId)).returning({ teamId: teamAthletes.teamId }).all().length;
}
