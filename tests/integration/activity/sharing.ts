import type { Db } from "@/db/client";
import { teamAthletes, teamCoaches, teams } from "@/db/schema/teams";
import type { ReadScope } from "@/lib/dal/dto";

/** A team coached by `coachId` that `athleteId` shares `scopes` with (what accepting an invitation records). */
export function shareWithCoach(db: Db, options: { teamId: string; coachId: string; athleteId: string; scopes: readonly ReadScope[] }): void {
  const at = 1_700_000_000_000;
  const set = new Set(options.scopes);
  db.insert(teams).values({ id: options.teamId, name: `Team ${options.teamId}`, createdByUserId: options.coachId, createdAt: at }).run();
  db.insert(teamCoaches).values({ teamId: options.teamId, userId: options.coachId, addedAt: at }).run();
  db.insert(teamAthletes)
    .values({
      teamId: options.teamId,
      athleteId: options.athleteId,
      shareTraining: set.has("training"),
      shareSleep: set.has("sleep"),
      shareRecovery: set.has("recovery"),
      shareBody: set.has("body"),
      joinedAt: at,
      updatedAt: at,
    })
    .run();
}
