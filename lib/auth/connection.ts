import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { pendingDeregistrations, polarConnections, users } from "@/db/schema";
import type { ConnectionState, RegistrationStatus } from "@/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/auth/token-crypto";

export type { ConnectionState, RegistrationStatus };

/** What the UI may know about an athlete's Polar link: never the token. */
export type ConnectionSummary = {
  polarUserId: number;
  memberId: string;
  state: ConnectionState;
  stateDetail: string | null;
  stateChangedAt: Date | null;
  registrationStatus: RegistrationStatus;
  registrationError: string | null;
  registeredAt: Date | null;
  tokenIssuedAt: Date;
};

/** Our stable AccessLink `member-id` for a user (unique within our client, §3.1). */
export function toMemberId(userId: string): string {
  return `thr-${userId}`;
}

/**
 * Stores the token of a fresh sign-in, encrypted, and marks the link connected. Called on every sign-in: a
 * re-sign-in replaces the token (the fix for "reconnect needed"). A pending de-registration of the same Polar
 * account is dropped, because the athlete came back and wants to stay registered.
 */
export function storePolarSignIn(
  db: Db,
  input: { userId: string; polarUserId: number; accessToken: string; expiresInSeconds: number | null; now: number },
  keyHex: string,
): void {
  const encrypted = encryptSecret(input.accessToken, keyHex);
  const issuedAt = new Date(input.now);
  // Polar's expires_in is advisory (§2.4): the real signal of an expired token is a 401.
  const expiresAt = input.expiresInSeconds === null ? null : new Date(input.now + input.expiresInSeconds * 1000);
  db.transaction((tx) => {
    tx.update(users).set({ polarUserId: input.polarUserId }).where(eq(users.id, input.userId)).run();
    tx.insert(polarConnections)
      .values({
        userId: input.userId,
        polarUserId: input.polarUserId,
        memberId: toMemberId(input.userId),
        accessTokenEncrypted: encrypted,
        tokenIssuedAt: issuedAt,
        tokenExpiresAt: expiresAt,
        registrationStatus: "pending",
        state: "connected",
        stateChangedAt: issuedAt,
      })
      .onConflictDoUpdate({
        target: polarConnections.userId,
        set: {
          accessTokenEncrypted: encrypted,
          tokenIssuedAt: issuedAt,
          tokenExpiresAt: expiresAt,
          state: "connected",
          stateDetail: null,
          stateChangedAt: issuedAt,
        },
      })
      .run();
    tx.delete(pendingDeregistrations).where(eq(pendingDeregistrations.polarUserId, input.polarUserId)).run();
  });
}

/**
 * Records the state of an athlete's link to Polar. The sync engine calls it on 401 (`reconnect_needed`),
 * 403 (`consents_needed`) and after a good call (`connected`). `detail` is shown to the athlete, so it must
 * not contain tokens. Only a change of state moves `stateChangedAt`.
 */
export function setConnectionState(db: Db, userId: string, state: ConnectionState, detail?: string | null): void {
  const current = db
    .select({ state: polarConnections.state })
    .from(polarConnections)
    .where(eq(polarConnections.userId, userId))
    .get();
  if (!current) return;
  db.update(polarConnections)
    .set({
      state,
      stateDetail: detail ?? null,
      ...(current.state === state ? {} : { stateChangedAt: new Date() }),
    })
    .where(eq(polarConnections.userId, userId))
    .run();
}

/**
 * The athlete's Polar id and decrypted access token, for sync. Null when there is nothing to sync with: no
 * connection, not (yet) registered at AccessLink (unregistered athletes get no data, §11.1), or the token is
 * known to be dead (`reconnect_needed`, `disconnected`). `consents_needed` still returns credentials: the
 * athlete may have accepted the consents at Polar since, and only a call tells.
 */
export function getPolarCredentials(
  db: Db,
  userId: string,
  keyHex: string,
): { polarUserId: number; accessToken: string } | null {
  const row = db
    .select({
      polarUserId: polarConnections.polarUserId,
      accessTokenEncrypted: polarConnections.accessTokenEncrypted,
      state: polarConnections.state,
    })
    .from(polarConnections)
    .where(and(eq(polarConnections.userId, userId), eq(polarConnections.registrationStatus, "registered")))
    .get();
  if (!row || row.state === "reconnect_needed" || row.state === "disconnected") return null;
  return { polarUserId: row.polarUserId, accessToken: decryptSecret(row.accessTokenEncrypted, keyHex) };
}

/** Like getPolarCredentials, but whatever the state or registration: for registering, checking, deleting. */
export function readStoredCredentials(
  db: Db,
  userId: string,
  keyHex: string,
): { polarUserId: number; accessToken: string; memberId: string; registrationStatus: RegistrationStatus } | null {
  const row = db.select().from(polarConnections).where(eq(polarConnections.userId, userId)).get();
  if (!row) return null;
  return {
    polarUserId: row.polarUserId,
    accessToken: decryptSecret(row.accessTokenEncrypted, keyHex),
    memberId: row.memberId,
    registrationStatus: row.registrationStatus,
  };
}

export function getConnectionSummary(db: Db, userId: string): ConnectionSummary | null {
  const row = db.select().from(polarConnections).where(eq(polarConnections.userId, userId)).get();
  if (!row) return null;
  return {
    polarUserId: row.polarUserId,
    memberId: row.memberId,
    state: row.state,
    stateDetail: row.stateDetail,
    stateChangedAt: row.stateChangedAt,
    registrationStatus: row.registrationStatus,
    registrationError: row.registrationError,
    registeredAt: row.registeredAt,
    tokenIssuedAt: row.tokenIssuedAt,
  };
}
