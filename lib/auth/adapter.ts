import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, ne } from "drizzle-orm";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import type { Db } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";

/**
 * The Drizzle adapter over our tables, with two guards:
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
  return {
    ...base,
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
