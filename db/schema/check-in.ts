import { check, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { exercises } from "./polar-data";

/**
 * The athlete's own ratings (metrics.md §13.1 and §2.3): the morning check-in and a session's RPE. Entered in
 * the app, never synced; deleted with the user (cascade) and exported with the rest of their data.
 */

/** One morning check-in per athlete-local day; editable only on that day (lib/dal/check-in.ts). */
export const checkIns = sqliteTable(
  "check_in",
  {
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The athlete's local day the check-in belongs to (`YYYY-MM-DD`). */
    localDate: text("local_date").notNull(),
    /** 1 (fresh) … 5 (exhausted). */
    fatigue: integer("fatigue"),
    /** 1 (none) … 5 (very sore). */
    soreness: integer("soreness"),
    /** 1 (relaxed) … 5 (very stressed). */
    stress: integer("stress"),
    /** 1 (low) … 5 (great). */
    mood: integer("mood"),
    /** Felt sleep quality, 1 (poor) … 5 (great). */
    sleepQuality: integer("sleep_quality"),
    illness: integer("illness", { mode: "boolean" }),
    /** At most 500 characters. */
    note: text("note"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.athleteId, t.localDate] }),
    check("check_in_scales", sql`coalesce(${t.fatigue} between 1 and 5, 1) and coalesce(${t.soreness} between 1 and 5, 1) and coalesce(${t.stress} between 1 and 5, 1) and coalesce(${t.mood} between 1 and 5, 1) and coalesce(${t.sleepQuality} between 1 and 5, 1)`),
    check("check_in_note_length", sql`${t.note} is null or length(${t.note}) <= 500`),
  ],
);

/** The athlete's CR-10 rating of one session (0–10); sRPE = RPE × minutes is computed on read. */
export const sessionRpes = sqliteTable(
  "session_rpe",
  {
    exerciseId: integer("exercise_id")
      .primaryKey()
      .references(() => exercises.id, { onDelete: "cascade" }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    rpe: integer("rpe").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [check("session_rpe_cr10", sql`${t.rpe} between 0 and 10`)],
);
