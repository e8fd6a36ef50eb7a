import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import type { Db } from "@/db/client";
import { teamAthletes, teamCoaches } from "@/db/schema/teams";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { ReadScope } from "./dto";
import { SELF } from "./self";

/**
 * The one access check for reading an athlete's data (design §6, issue #7). An athlete reads everything of
 * their own; a coach reads an athlete only while the athlete shares with one of the coach's teams, and only
 * the scopes the athlete switched on. Every denial is the same `not_found` with no data and no hint whether
 * the athlete exists, so ids cannot be probed. Nothing is cached: stopping sharing takes effect on the next read.
 */

export { SELF } from "./self";

export const READ_SCOPES: readonly ReadScope[] = ["training", "sleep", "recovery", "body"];

export type ScopeSet = ReadonlySet<ReadScope>;

const ALL_SCOPES: ScopeSet = new Set(READ_SCOPES);

type ShareFlags = { shareTraining: boolean; shareSleep: boolean; shareRecovery: boolean; shareBody: boolean };

/** The scopes one `team_athlete` row grants. */
export function toScopeList(flags: ShareFlags): ReadScope[] {
  return READ_SCOPES.filter((scope) => flags[SCOPE_COLUMN[scope]]);
}

/** Column of `team_athlete` holding each scope's flag. */
export const SCOPE_COLUMN = {
  training: "shareTraining",
  sleep: "shareSleep",
  recovery: "shareRecovery",
  body: "shareBody",
} as const satisfies Record<ReadScope, keyof ShareFlags>;

/** The flags for a list of scopes (anything not listed is off). */
export function toShareFlags(scopes: readonly ReadScope[]): ShareFlags {
  const set = new Set(scopes);
  return { shareTraining: set.has("training"), shareSleep: set.has("sleep"), shareRecovery: set.has("recovery"), shareBody: set.has("body") };
}

function denied(): AppError {
  return new AppError("not_found", "No athlete with that id is visible to you.");
}

/** `me` resolved to the viewer's id. */
export function resolveAthleteId(viewer: Viewer, athleteId: string): string {
  return athleteId === SELF ? viewer.userId : athleteId;
}

/**
 * The gate for what only the athlete themselves may see or start (their sync log, their run in progress,
 * their sync settings): `me` (the default) or the viewer's own id. Anyone else's id is `not_found`, like a
 * denied read.
 * @returns the athlete's user id.
 */
export function authorizeOwnAthlete(viewer: Viewer, athleteId: string = SELF): string {
  const id = resolveAthleteId(viewer, athleteId);
  if (id !== viewer.userId) throw denied();
  return id;
}

/**
 * Every scope the viewer may read of `athleteId`: all four for the athlete themselves, the union over the
 * viewer's teams the athlete shares with for a coach, empty for anyone else. One indexed query.
 */
export function getGrantedScopes(db: Db, viewer: Viewer, athleteId: string): ScopeSet {
  const id = resolveAthleteId(viewer, athleteId);
  if (id === viewer.userId) return limitToToken(viewer, ALL_SCOPES);
  const rows = db
    .select({
      shareTraining: teamAthletes.shareTraining,
      shareSleep: teamAthletes.shareSleep,
      shareRecovery: teamAthletes.shareRecovery,
      shareBody: teamAthletes.shareBody,
    })
    .from(teamAthletes)
    .innerJoin(teamCoaches, eq(teamCoaches.teamId, teamAthletes.teamId))
    .where(and(eq(teamAthletes.athleteId, id), eq(teamCoaches.userId, viewer.userId)))
    .all();
  return limitToToken(viewer, new Set(rows.flatMap((row) => toScopeList(row))));
}

/** `scopes` narrowed to what the viewer's API token allows (unchanged for a browser session). */
export function limitToToken(viewer: Viewer, scopes: ScopeSet): ScopeSet {
  const limit = viewer.tokenScopes;
  if (!limit) return scopes;
  return new Set([...scopes].filter((scope) => limit.has(scope)));
}

/**
 * The gate for every read of an athlete's data: membership + scope.
 * @param db the database; the app's when omitted (lib/dal/daily.ts calls it without one).
 * @returns the athlete's user id (`me` resolved).
 * @throws AppError("not_found") when the viewer may not read that scope of that athlete.
 */
export function authorizeAthleteRead(viewer: Viewer, athleteId: string, scope: ReadScope, db?: Db): string {
  const id = resolveAthleteId(viewer, athleteId);
  // The athlete's own reads never touch the sharing tables; a token still narrows them to its scopes.
  if (id === viewer.userId) {
    if (viewer.tokenScopes && !viewer.tokenScopes.has(scope)) throw denied();
    return id;
  }
  if (!getGrantedScopes(db ?? getDb(), viewer, id).has(scope)) throw denied();
  return id;
}

/**
 * Like `authorizeAthleteRead` for views that show several scopes (a coach's athlete page): the viewer must
 * read at least one scope of the athlete; the granted set decides which parts are filled.
 * @throws AppError("not_found") when nothing is shared with the viewer.
 */
export function authorizeAthleteView(db: Db, viewer: Viewer, athleteId: string): { athleteId: string; scopes: ScopeSet } {
  const id = resolveAthleteId(viewer, athleteId);
  const scopes = getGrantedScopes(db, viewer, id);
  if (scopes.size === 0) throw denied();
  return { athleteId: id, scopes };
}

/**
 * The viewer's coach membership of a team; a team the viewer does not coach is `not_found` like a missing one.
 * @returns the team id.
 */
export function authorizeTeamCoach(db: Db, viewer: Viewer, teamId: string): string {
  const row = db
    .select({ teamId: teamCoaches.teamId })
    .from(teamCoaches)
    .where(and(eq(teamCoaches.teamId, teamId), eq(teamCoaches.userId, viewer.userId)))
    .get();
  if (!row) throw new AppError("not_found", "No team with that id is visible to you.");
  return row.teamId;
}
