import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { dailyActivities, importProvenance } from "./polar-data";

/**
 * A day's MET samples (metabolic equivalents, about one a minute) beside its daily activity row. AccessLink
 * serves none: they come only from Polar's "Download your data" archive (`source = export`). A row of its own
 * keeps that provenance even when the day's summary came from the API, whose row the import never touches,
 * and goes with the summary when the athlete's activity data is deleted.
 */
export const dailyActivityMets = sqliteTable(
  "daily_activity_met",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    dailyActivityId: integer("daily_activity_id")
      .notNull()
      .references(() => dailyActivities.id, { onDelete: "cascade" }),
    /** The device's local day. */
    localDate: text("local_date").notNull(),
    sampleCount: integer("sample_count").notNull(),
    /** `secondOfLocalDay:met` pairs, MET empty when null (pack.ts `packPairs`). */
    samples: text("samples").notNull(),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
    ...importProvenance(),
  },
  (t) => [uniqueIndex("daily_activity_met_athlete_date_uq").on(t.athleteId, t.localDate)],
);
