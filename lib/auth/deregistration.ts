import { asc, eq, lte } from "drizzle-orm";
import { pendingDeregistrations, users } from "@/db/schema";
import { PolarError } from "@/lib/polar";
import { decryptSecret, encryptSecret } from "@/lib/auth/token-crypto";
import { readStoredCredentials } from "@/lib/auth/connection";
import { describePolarFailure } from "@/lib/auth/polar-failure";
import type { PolarIdentityDeps } from "@/lib/auth/registration";

/** How the Polar side of a deletion ended. */
export type DeregistrationResult =
  /** Polar confirmed (204), or the token was already revoked / the user already gone (401, 404). */
  | "deregistered"
  /** Polar could not be reached: kept in pending_deregistration and retried by retryPendingDeregistrations. */
  | "pending"
  /** The athlete had no Polar connection stored. */
  | "not_connected";

const RETRY_BASE_MS = 15 * 60 * 1000;
const RETRY_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes an athlete: de-registers them at Polar (`DELETE /v3/users/{id}`, which also revokes the token, §3.3)
 * and then removes the `user` row, which cascades to every row they own (sessions included, so they are
 * signed out everywhere). If Polar cannot be reached the local delete still happens and only the Polar id and
 * the encrypted token are kept, in pending_deregistration, to retry.
 */
export async function deleteAthleteAccount(
  deps: PolarIdentityDeps,
  userId: string,
): Promise<{ deregistration: DeregistrationResult; detail: string | null }> {
  const stored = readStoredCredentials(deps.db, userId, deps.keyHex);
  let deregistration: DeregistrationResult = "not_connected";
  let detail: string | null = null;
  if (stored) {
    const outcome = await tryDeregister(deps, stored.polarUserId, stored.accessToken);
    deregistration = outcome.ok ? "deregistered" : "pending";
    detail = outcome.ok ? null : outcome.message;
  }
  const now = deps.now();
  deps.db.transaction((tx) => {
    if (stored && deregistration === "pending") {
      const encrypted = encryptSecret(stored.accessToken, deps.keyHex);
      tx.insert(pendingDeregistrations)
        .values({
          polarUserId: stored.polarUserId,
          accessTokenEncrypted: encrypted,
          attempts: 1,
          lastError: detail,
          createdAt: new Date(now),
          nextAttemptAt: new Date(now + RETRY_BASE_MS),
        })
        .onConflictDoUpdate({
          target: pendingDeregistrations.polarUserId,
          set: { accessTokenEncrypted: encrypted, lastError: detail, nextAttemptAt: new Date(now + RETRY_BASE_MS) },
        })
        .run();
    }
    tx.delete(users).where(eq(users.id, userId)).run();
  });
  return { deregistration, detail };
}

export type RetryReport = { attempted: number; deregistered: number; stillPending: number };

/**
 * Retries the de-registrations that failed when athletes deleted their accounts; each due row gets one try,
 * with exponential back-off (15 min doubling, at most a day) between tries. Safe to call from a scheduler or a
 * script at any interval.
 */
export async function retryPendingDeregistrations(deps: PolarIdentityDeps): Promise<RetryReport> {
  const now = deps.now();
  const due = deps.db
    .select()
    .from(pendingDeregistrations)
    .where(lte(pendingDeregistrations.nextAttemptAt, new Date(now)))
    .orderBy(asc(pendingDeregistrations.nextAttemptAt))
    .all();
  let deregistered = 0;
  for (const row of due) {
    const outcome = await tryDeregister(deps, row.polarUserId, decryptSecret(row.accessTokenEncrypted, deps.keyHex));
    if (outcome.ok) {
      deps.db.delete(pendingDeregistrations).where(eq(pendingDeregistrations.polarUserId, row.polarUserId)).run();
      deregistered += 1;
      continue;
    }
    const attempts = row.attempts + 1;
    const delay = Math.min(RETRY_BASE_MS * 2 ** (attempts - 1), RETRY_MAX_MS);
    deps.db
      .update(pendingDeregistrations)
      .set({ attempts, lastError: outcome.message, nextAttemptAt: new Date(deps.now() + delay) })
      .where(eq(pendingDeregistrations.polarUserId, row.polarUserId))
      .run();
  }
  return { attempted: due.length, deregistered, stillPending: due.length - deregistered };
}

async function tryDeregister(
  deps: PolarIdentityDeps,
  polarUserId: number,
  accessToken: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  try {
    await deps.polar.forUser(polarUserId, accessToken).deleteUser();
    return { ok: true };
  } catch (error) {
    // 401: the token is already revoked (the athlete disconnected us at Polar, or an earlier DELETE went
    // through and its answer was lost, U21). 404: the user is already gone. Either way nothing is left to undo.
    if (error instanceof PolarError && (error.code === "unauthorized" || error.code === "not_found")) {
      return { ok: true };
    }
    return { ok: false, message: describePolarFailure(error).message };
  }
}
