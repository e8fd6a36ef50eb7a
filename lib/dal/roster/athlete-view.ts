import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/auth";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { authorizeAthleteView, READ_SCOPES } from "../access";
import type { ReadScope } from "../dto";
import { toDisplayName } from "../teams";

export type AthleteViewDTO = {
  athleteId: string;
  name: string;
  scopes: ReadScope[];
  /** The viewer looks at their own data (every scope). */
  isSelf: boolean;
};

/**
 * Who the coach is looking at and which scopes they may see. Membership only (any scope) — each page then
 * asks for its own scope through `authorizeAthleteRead`.
 * @throws AppError("not_found") when nothing is shared with the viewer.
 */
export function getAthleteView(db: Db, viewer: Viewer, athleteId: string): AthleteViewDTO {
  const { athleteId: id, scopes } = authorizeAthleteView(db, viewer, athleteId);
  const user = db.select({ name: users.name, polarUserId: users.polarUserId }).from(users).where(eq(users.id, id)).get();
  if (!user) throw new AppError("not_found", "No athlete with that id is visible to you.");
  return { athleteId: id, name: toDisplayName(user), scopes: READ_SCOPES.filter((scope) => scopes.has(scope)), isSelf: id === viewer.userId };
}
