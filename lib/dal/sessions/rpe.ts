import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { sessionRpes } from "@/db/schema/check-in";
import { exercises } from "@/db/schema/polar-data";
import { computeSessionRpe, mapPolarRpe } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * Session RPE (metrics.md §2.3): the athlete rates a session on the CR-10 scale; sRPE = RPE × minutes is
 * shown beside Polar's load and the Banister TRIMP, never mixed into the §3 daily load. When both exist, the
 * athlete's own rating wins over the RPE Polar supplied (`user-rpe`).
 */

export const SessionRpeInputSchema = z.strictObject({
  rpe: z
    .number({ error: "rpe must be a whole number from 0 to 10 (CR-10)" })
    .int({ error: "rpe must be a whole number from 0 to 10 (CR-10)" })
    .min(0, { error: "rpe must be from 0 to 10 (CR-10)" })
    .max(10, { error: "rpe must be from 0 to 10 (CR-10)" }),
});

/** The RPE shown for a session and its sRPE. */
export type SessionRpeView = {
  /** The RPE shown: the athlete's own rating, else Polar's mapped `user-rpe`, else null. */
  rpe: number | null;
  rpeSource: "athlete" | "polar" | null;
  /** RPE × minutes (AU); null without an RPE. */
  srpe: number | null;
};

/** What is shown from the athlete's rating, Polar's `user-rpe` string and the session's duration. */
export function resolveSessionRpe(own: number | null, polarRpe: string | null, durationSeconds: number): SessionRpeView {
  const polar = mapPolarRpe(polarRpe);
  const rpe = own ?? polar;
  return {
    rpe,
    rpeSource: own !== null ? "athlete" : polar !== null ? "polar" : null,
    srpe: rpe === null ? null : computeSessionRpe(rpe, durationSeconds / 60),
  };
}

/**
 * Stores the viewer's CR-10 rating of one of their own sessions (replacing an earlier one).
 * @throws AppError("bad_request") for a bad id or rating, or a session that is not the viewer's; nothing is
 *   stored then.
 */
export function rateSession(db: Db, viewer: Viewer, sessionId: unknown, input: unknown, options: { now: number }): SessionRpeView {
  const id = z.coerce.number().int().positive().safeParse(sessionId);
  if (!id.success) throw new AppError("bad_request", "Invalid session id.");
  const parsed = SessionRpeInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    throw new AppError("bad_request", `Invalid rating: ${issues.map((issue) => issue.message).join("; ")}`, { issues });
  }
  const session = db
    .select({ id: exercises.id, durationSeconds: exercises.durationSeconds, userRpe: exercises.userRpe })
    .from(exercises)
    .where(and(eq(exercises.id, id.data), eq(exercises.athleteId, viewer.userId)))
    .get();
  if (!session) throw new AppError("bad_request", "You can only rate your own sessions: no session of yours has that id.");
  const { rpe } = parsed.data;
  db.insert(sessionRpes)
    .values({ exerciseId: session.id, athleteId: viewer.userId, rpe, updatedAt: options.now })
    .onConflictDoUpdate({ target: sessionRpes.exerciseId, set: { rpe, updatedAt: options.now } })
    .run();
  return resolveSessionRpe(rpe, session.userRpe, session.durationSeconds);
}
