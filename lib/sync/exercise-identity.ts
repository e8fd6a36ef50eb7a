import { and, eq, gte, inArray, isNotNull, isNull, ne, or } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { exercises } from "@/db/schema/polar-data";
import { polarTransactions } from "@/db/schema/sync";
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

/** The longest documented transactional look-back (§5.1, U3): an older upload is never offered again. */
const TRANSACTION_LOOKBACK_MS = 30 * 86_400_000;

/**
 * Polar documents the transactional look-back loosely (30 or 28 days, §6.10): a listed session uploaded longer
 * ago than the shorter one, less a day for clocks, may have lost its twin already.
 */
export const TWIN_SURELY_OFFERED_MS = 27 * 86_400_000;

/**
 * Listed sessions whose transactional twin has not been accounted for: read from `/v3/exercises`, with no int64
 * id, uploaded within the transactions' look-back, and not yet covered by a committed transaction: row ids and upload times.
 */
export function findUnaccountedListedSessions(db: Db, athleteId: string, now: number): { id: number; uploadTime: number | null }[] {
  return db
    .select({ id: exercises.id, uploadTime: exercises.uploadTime })
    .from(exercises)
    .leftJoin(
      polarTransactions,
      and(eq(polarTransactions.athleteId, exercises.athleteId), eq(polarTransactions.kind, "exercise"), eq(polarTransactions.transactionId, exercises.transactionId)),
    )
    .where(
      and(
        eq(exercises.athleteId, athleteId),
        isNotNull(exercises.polarHashedId),
        isNull(exercises.polarExerciseId),
        gte(exercises.uploadTime, now - TRANSACTION_LOOKBACK_MS),
        or(isNull(exercises.transactionId), isNull(polarTransactions.status), ne(polarTransactions.status, "committed")),
      ),
    )
    .all();
}

/**
 * Whether a recent session came only through the transactions: the list misses sessions of this athlete
 * (a device it never shows, §6.1), so a transaction's items cannot be assumed to be listed twins.
 */
export function hasUnlistedRecentSession(db: Db, athleteId: string, now: number): boolean {
  const row = db
    .select({ id: exercises.id })
    .from(exercises)
    .where(
      and(
        eq(exercises.athleteId, athleteId),
        eq(exercises.source, "api"),
        isNotNull(exercises.polarExerciseId),
        isNull(exercises.polarHashedId),
        gte(exercises.uploadTime, now - TRANSACTION_LOOKBACK_MS),
      ),
    )
    .limit(1)
    .get();
  return row !== undefined;
}

/**
 * Records that this transaction also delivers these listed sessions (provenance; their int64 ids stay unknown,
 * since nothing was read). Written before the commit: until the transaction is recorded committed, the
 * sessions still count as unaccounted for, so a crash or an expiry in between changes nothing.
 */
export function markDeliveredByTransaction(db: Db, rowIds: readonly number[], transactionId: number): void {
  if (rowIds.length === 0) return;
  db.update(exercises).set({ transactionId }).where(inArray(exercises.id, [...rowIds])).run();
}
