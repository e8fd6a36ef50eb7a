import { eq } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { exercises } from "@/db/schema/polar-data";
import { exerciseStartToUtc } from "@/lib/polar/time";
import { lookup } from "./lookups";
import type { ExerciseInput } from "./transforms";

/**
 * One session is one row whichever exercise API delivered it (polar-accesslink.md §6.1): the transactional
 * int64 id and the list's hashed id are unrelated, so a session is recognised by its own id first and then by
 * (device id, UTC start), and each id is attached to the row once it is known.
 */

export type StoredExercise = typeof exercises.$inferSelect;

export type ExerciseIdentity = {
  polarExerciseId: number | null;
  hashedId: string | null;
  deviceId: string | null;
  startUtcMs: number;
};

export function findStoredExercise(db: Db | DbTx, athleteId: string, identity: ExerciseIdentity): StoredExercise | undefined {
  if (identity.polarExerciseId !== null) {
    const byId = lookup(db, "exercise").get({ athleteId, polarExerciseId: identity.polarExerciseId });
    if (byId) return byId;
  }
  if (identity.hashedId !== null) {
    const byHash = lookup(db, "exerciseByHashedId").get({ athleteId, polarHashedId: identity.hashedId });
    if (byHash) return byHash;
  }
  return lookup(db, "exerciseByDeviceStart").get({ athleteId, deviceId: identity.deviceId, startUtcMs: identity.startUtcMs });
}

/** Whether the transactional session with this int64 id is stored (then its transaction item needs no read). */
export function hasTransactionalExercise(db: Db, athleteId: string, polarExerciseId: number): boolean {
  return lookup(db, "exercise").get({ athleteId, polarExerciseId }) !== undefined;
}

/**
 * Records the transactional id and transaction of a session already stored from the list (same device and
 * start). Its content is not rewritten: both APIs describe the same session. False when no such row exists.
 */
export function linkTransactionalExercise(
  db: Db,
  athleteId: string,
  match: { deviceId: string | null; startUtcMs: number },
  link: { polarExerciseId: number; transactionId: number },
): boolean {
  return db.transaction((tx) => {
    const row = lookup(db, "exerciseByDeviceStart").get({ athleteId, ...match });
    if (!row) return false;
    if (row.polarExerciseId === link.polarExerciseId && row.transactionId === link.transactionId) return true;
    tx.update(exercises).set(link).where(eq(exercises.id, row.id)).run();
    return true;
  });
}

/**
 * A transactional exercise summary whose session is already stored (from the list): links it and returns true.
 * A start time that cannot be read is left to the full path, which quarantines it.
 */
export function linkToListedSession(db: Db, athleteId: string, exercise: ExerciseInput, transactionId: number): boolean {
  if (exercise.id === null) return false;
  let startUtcMs: number;
  try {
    startUtcMs = exerciseStartToUtc(exercise["start-time"], exercise["start-time-utc-offset"]).utcMs;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
  const match = { deviceId: exercise["device-id"] ?? null, startUtcMs };
  return linkTransactionalExercise(db, athleteId, match, { polarExerciseId: exercise.id, transactionId });
}
