import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { createDemoCoachTeam } from "@/lib/dal/teams";
import type { PreparedAthlete } from "./prepare";

/** The simulated account that also coaches the demo team (every user is an athlete; some also coach). */
export const DEMO_COACH_LOGIN = "aino";

/**
 * Gives the demo a coach: the coach creates a team and an invitation, and every other simulated athlete accepts
 * it through the same functions the invitation page uses, sharing every data type.
 */
export function setupDemoCoach(
  db: Db,
  athletes: PreparedAthlete[],
): { coachName: string; teamName: string } | null {
  const coach = athletes.find((athlete) => athlete.login === DEMO_COACH_LOGIN);
  if (!coach) return null;
  const teamName = "Demo squad";
  createDemoCoachTeam(db, {
    coachUserId: coach.userId,
    athleteUserIds: athletes.filter((athlete) => athlete.userId !== coach.userId).map((athlete) => athlete.userId),
    scopes: ["training", "sleep", "recovery", "body"],
    teamName,
  });
  const name = db.select({ name: users.name }).from(users).where(eq(users.id, coach.userId)).get()?.name;
  return { coachName: name ?? DEMO_COACH_LOGIN, teamName };
}
