import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * Polar allows ONE webhook per client application (polar-accesslink.md §7.1). This table holds at most one row:
 * the webhook Polar knows about and its signature secret, which Polar shows only in the create response.
 */
export const polarWebhooks = sqliteTable("polar_webhook", {
  /** Polar's webhook id (a string). */
  id: text("id").primaryKey(),
  url: text("url").notNull(),
  /** JSON `string[]` of subscribed event types. */
  eventsJson: text("events_json").notNull(),
  /** AES-256-GCM (lib/auth/token-crypto.ts) of `signature_secret_key`, keyed by TOKEN_ENCRYPTION_KEY. */
  secretEncrypted: text("secret_encrypted").notNull(),
  createdAt: integer("created_at").notNull(),
  /** Last time Polar was asked for the webhook's state (epoch ms), and what it said. */
  checkedAt: integer("checked_at"),
  activeAtPolar: integer("active_at_polar", { mode: "boolean" }),
});

export type WebhookEventStatus = "pending" | "dispatched" | "skipped";

/**
 * Every accepted webhook delivery. `eventKey` (event, user, entity/date, Polar's timestamp) is unique, so a
 * doubled or replayed delivery is recorded once and schedules nothing (gotcha 7: SLEEP arrives twice).
 * Pending rows are turned into one debounced sync run per athlete.
 */
export const webhookEvents = sqliteTable(
  "webhook_event",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    eventKey: text("event_key").notNull(),
    event: text("event").notNull(),
    polarUserId: integer("polar_user_id").notNull(),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** Exercise hashed id, `YYYY-MM-DD`, or `from..to` (SleepWise); null for PHYSICAL_INFORMATION. */
    entity: text("entity"),
    receivedAt: integer("received_at").notNull(),
    status: text("status").$type<WebhookEventStatus>().notNull(),
    runId: text("run_id"),
    dispatchedAt: integer("dispatched_at"),
  },
  (t) => [
    uniqueIndex("webhook_event_key_uq").on(t.eventKey),
    index("webhook_event_status_athlete_idx").on(t.status, t.athleteId),
  ],
);
