import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, ne } from "drizzle-orm";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { hashSessionToken } from "./session-store";

/**
 * The Drizzle adapter over our tables, with three guards:
 * - session tokens are stored hashed (SHA-256, session-store.ts): every session method hashes the token it is
 *   given and hands Auth.js back the plain one, which only ever lives in the cookie.
 * - `linkAccount` never writes token fields, whatever the provider config says: Polar's access token lives
 *   only encrypted in polar_connection.
 * - a user is linked to at most one Polar account (polar_connection holds one token per user); linking a
 *   second Polar account to a signed-in user is refused instead of silently swapping the athlete's data source.
 */
export function createAuthAdapter(db: Db): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  const requireMethod = <T>(method: T | undefined, name: string): T => {
    if (method === undefined) throw new Error(`The Drizzle adapter has no ${name}`);
    return method;
  };
  const createSession = requireMethod(base.createSession, "createSession");
  const getSessionAndUser = requireMethod(base.getSessionAndUser, "getSessionAndUser");
  const updateSession = requireMethod(base.updateSession, "updateSession");
  const deleteSession = requireMethod(base.deleteSession, "deleteSession");
  return {
    ...base,
    async createSession(session) {
      const created = await createSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) });
      return { ...created, sessionToken: session.sessionToken };
    },
    async getSessionAndUser(sessionToken) {
      const found = await getSessionAndUser(hashSessionToken(sessionToken));
      return found ? { ...found, session: { ...found.session, sessionToken } } : null;
    },
    async updateSession(session) {
      const updated = await updateSession({ ...session, sessionToken: hashSessionToken(session.sessionToken) });
      return updated ? { ...updated, sessionToken: session.sessionToken } : updated;
    },
    async deleteSession(sessionToken) {
      await deleteSession(hashSessionToken(sessionToken));
    },
    async linkAccount(account: AdapterAccount) {
      const other = db
        .select({ providerAccountId: accounts.providerAccountId })
        .from(accounts)
        .where(
          and(
            eq(accounts.userId, account.userId),
            eq(accounts.provider, account.provider),
            ne(accounts.providerAccountId, account.providerAccountId),
          ),
        )
        .get();
      if (other) {
        throw new Error("This Threshold account is already linked to another Polar account");
      }
      db.insert(accounts)
        .values({
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          token_type: typeof account.token_type === "string" ? account.token_type : null,
        })
        .run();
    },
  };
}
