import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Identity tables. `users`, `accounts`, `sessions` and `verificationTokens` have the shape the Auth.js Drizzle
 * adapter expects. Every athlete-owned row in the database references `users.id` with ON DELETE CASCADE, so
 * deleting a user purges everything they own.
 *
 * Polar gives no e-mail; the identity is the Polar user id (`x_user_id`). The access token is NEVER stored in
 * `accounts.access_token` — it lives encrypted (AES-256-GCM) in `polar_connections`.
 */
export const users = sqliteTable("user", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: integer("emailVerified", { mode: "timestamp_ms" }),
  image: text("image"),
  /** Polar user id; unique across the installation. */
  polarUserId: integer("polar_user_id").unique(),
  /** IANA zone or fixed offset label the athlete chose; local days otherwise come from Polar's own offsets. */
  timeZone: text("time_zone"),
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date()),
});

export const accounts = sqliteTable(
  "account",
  {
    userId: text("userId")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (account) => [primaryKey({ columns: [account.provider, account.providerAccountId] })],
);

export const sessions = sqliteTable("session", {
  sessionToken: text("sessionToken").primaryKey(),
  userId: text("userId")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
});

export const verificationTokens = sqliteTable(
  "verificationToken",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: integer("expires", { mode: "timestamp_ms" }).notNull(),
  },
  (vt) => [primaryKey({ columns: [vt.identifier, vt.token] })],
);

export type ConnectionState = "connected" | "reconnect_needed" | "consents_needed" | "disconnected";
export type RegistrationStatus = "pending" | "registered" | "failed";

/** The athlete's link to Polar AccessLink: one row per user. */
export const polarConnections = sqliteTable(
  "polar_connection",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    polarUserId: integer("polar_user_id").notNull().unique(),
    /** Our stable `member-id` sent at registration. */
    memberId: text("member_id").notNull(),
    /** AES-256-GCM: base64(iv).base64(tag).base64(ciphertext); key from TOKEN_ENCRYPTION_KEY. */
    accessTokenEncrypted: text("access_token_encrypted").notNull(),
    tokenIssuedAt: integer("token_issued_at", { mode: "timestamp_ms" }).notNull(),
    /** Advisory only (Polar's `expires_in`); the real signal is a 401. */
    tokenExpiresAt: integer("token_expires_at", { mode: "timestamp_ms" }),
    registrationStatus: text("registration_status").$type<RegistrationStatus>().notNull().default("pending"),
    registeredAt: integer("registered_at", { mode: "timestamp_ms" }),
    registrationError: text("registration_error"),
    state: text("state").$type<ConnectionState>().notNull().default("connected"),
    stateDetail: text("state_detail"),
    stateChangedAt: integer("state_changed_at", { mode: "timestamp_ms" }),
    /** Polar user object fields kept for display (name, gender, birthdate…), as raw JSON. */
    polarProfileJson: text("polar_profile_json"),
  },
  (t) => [index("polar_connection_state_idx").on(t.state)],
);

/**
 * Deregistrations at Polar that could not be done when the athlete deleted their account. The user rows are
 * already gone; this keeps only what is needed to retry (`DELETE /v3/users/{id}` needs the token).
 */
export const pendingDeregistrations = sqliteTable("pending_deregistration", {
  polarUserId: integer("polar_user_id").primaryKey(),
  accessTokenEncrypted: text("access_token_encrypted").notNull(),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
  nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
});
