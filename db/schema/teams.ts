import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * Teams and sharing (design §6, issue #7). Every user is an athlete; creating a team makes them its coach.
 * A coach reads an athlete only through a `team_athlete` row the athlete created by accepting an invitation,
 * and only the scopes switched on in it. Deleting the row (the athlete stops sharing, or the coach removes
 * them) ends access at once: every read checks the row, nothing is cached.
 */

/** What an athlete can share; mirrors `ReadScope` in lib/dal/dto.ts. */
export type ShareScope = "training" | "sleep" | "recovery" | "body";
/** `athlete` links are multi-use (joining only shares one's own data); `coach` links are single-use. */
export type InvitationKind = "athlete" | "coach";

export const teams = sqliteTable("team", {
  id: text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text("name").notNull(),
  createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: integer("created_at").notNull(),
});

/** Coaches of a team (several allowed); a team without coaches is deleted with its last coach. */
export const teamCoaches = sqliteTable(
  "team_coach",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: integer("added_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index("team_coach_user_idx").on(t.userId)],
);

/** An athlete sharing with a team: one boolean per scope, chosen by the athlete. */
export const teamAthletes = sqliteTable(
  "team_athlete",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    shareTraining: integer("share_training", { mode: "boolean" }).notNull(),
    shareSleep: integer("share_sleep", { mode: "boolean" }).notNull(),
    shareRecovery: integer("share_recovery", { mode: "boolean" }).notNull(),
    shareBody: integer("share_body", { mode: "boolean" }).notNull(),
    /** "Share my check-in notes": a separate switch, off by default; the notes need `recovery` too. */
    shareCheckInNotes: integer("share_check_in_notes", { mode: "boolean" }).notNull().default(false),
    /** The team's coaches' name for the athlete on their roster (null: the athlete's own display name). */
    rosterLabel: text("roster_label"),
    /** The invitation accepted (kept for the audit trail; null once that invitation row is gone). */
    invitationId: text("invitation_id").references(() => teamInvitations.id, { onDelete: "set null" }),
    joinedAt: integer("joined_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.athleteId] }), index("team_athlete_athlete_idx").on(t.athleteId)],
);

/**
 * Invitation links. Only the SHA-256 of the 32-byte random token is stored, so a database leak gives no
 * usable link. Expired or revoked rows stay for the coach's list; acceptance is checked against both.
 */
export const teamInvitations = sqliteTable(
  "team_invitation",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    teamId: text("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind").$type<InvitationKind>().notNull(),
    /** Hex SHA-256 of the token. */
    tokenHash: text("token_hash").notNull(),
    /** Comma-separated `ShareScope`s the coach asks for (athlete links); the athlete may untick some. */
    requestedScopes: text("requested_scopes").notNull(),
    createdByUserId: text("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    /** Coach links only: set on the single use. */
    usedAt: integer("used_at"),
    usedByUserId: text("used_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("team_invitation_token_hash_uq").on(t.tokenHash), index("team_invitation_team_idx").on(t.teamId)],
);
