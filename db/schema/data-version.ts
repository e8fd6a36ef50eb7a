import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * A per-athlete counter of changes to the data their daily series reads (exercise, sleep, nightly_recharge,
 * cardio_load, athlete_physiology_override). SQLite triggers bump it inside the writing statement's own
 * transaction (drizzle/0002_data_version_triggers.sql), so no writer can forget it and a reader that sees a
 * version also sees every row written before it. The memoised series is keyed by it: one primary-key read per
 * page instead of aggregates over the athlete's whole history.
 *
 * No row means version 0 (nothing written since the triggers exist). The row goes with the user (ON DELETE
 * CASCADE); the triggers skip athletes whose user row is gone, so a cascade cannot re-create it.
 */
export const athleteDataVersions = sqliteTable("athlete_data_version", {
  athleteId: text("athlete_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
});

/**
 * The athlete-local days whose rows changed, with the data version of the latest change to each (the same
 * triggers write it, in the same statement as the version bump: drizzle/0004). A reader that persisted its
 * series state at version V recomputes only from `min(local_date) where version > V` (lib/dal/series/state.ts).
 * One row per (athlete, day), so it stays the size of one table of the history.
 */
export const athleteDataChanges = sqliteTable(
  "athlete_data_change",
  {
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    localDate: text("local_date").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [primaryKey({ columns: [t.athleteId, t.localDate] }), index("athlete_data_change_version_idx").on(t.athleteId, t.version, t.localDate)],
);
