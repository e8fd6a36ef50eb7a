import { createHash } from "node:crypto";
import { lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sessions } from "@/db/schema/auth";

/**
 * Database sessions are stored by the SHA-256 of their token, never the token itself: the cookie is the only
 * place the token exists, so a copy of the database file (or its WAL, or a backup) holds no live session.
 * The token is 32 random bytes (Auth.js), so a plain, unsalted hash is enough: there is nothing to guess.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Deletes sessions past their expiry (the scheduler calls it every tick); returns how many went. */
export function deleteExpiredSessions(db: Db, now: number): number {
  return db.delete(sessions).where(lt(sessions.expires, new Date(now))).run().changes;
}
