import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * Personal access tokens for the read API and the MCP server (issue 19). Only the SHA-256 of a token is
 * stored; the token itself is shown once at creation. A token reads as its owner, narrowed to its scopes,
 * through the same access checks as the pages (lib/dal/access.ts).
 */

/** What a token may read; `check-ins` and `roster` (coaches) come on top of the four sharing scopes. */
export type ApiTokenScope = "training" | "sleep" | "recovery" | "body" | "check-ins" | "roster";

export const apiTokens = sqliteTable(
  "api_token",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Hex SHA-256 of the whole token (`thr_…`). */
    tokenHash: text("token_hash").notNull(),
    /** The first characters of the token, shown in the list so the owner can recognise it. */
    displayPrefix: text("display_prefix").notNull(),
    /** Comma-separated `ApiTokenScope`s. */
    scopes: text("scopes").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    lastUsedAt: integer("last_used_at"),
    callCount: integer("call_count").notNull().default(0),
  },
  (t) => [uniqueIndex("api_token_hash_idx").on(t.tokenHash), index("api_token_user_idx").on(t.userId)],
);

/** One row per API route or MCP tool call made with a token; rows older than 90 days are pruned on write. */
export const apiAudit = sqliteTable(
  "api_audit",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    tokenId: text("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** `GET /api/v1/…` pattern or `mcp:<tool>`. */
    target: text("target").notNull(),
    at: integer("at").notNull(),
  },
  (t) => [index("api_audit_user_at_idx").on(t.userId, t.at), index("api_audit_at_idx").on(t.at)],
);
