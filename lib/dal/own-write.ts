import "server-only";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { resolveAthleteId } from "./access";

/**
 * The athlete's own ratings (check-in, session RPE) are written by the athlete only: `me` or their own id.
 * Anyone else's id is `not_found`, like every read denial, so ids cannot be probed.
 */
export function requireOwnAthlete(viewer: Viewer, athleteId: string): void {
  if (resolveAthleteId(viewer, athleteId) !== viewer.userId) throw new AppError("not_found", "No athlete with that id is visible to you.");
}
