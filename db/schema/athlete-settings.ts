import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

export type ZoneModel = "polar-hrmax" | "hrr";
export type OverrideSex = "male" | "female";

/**
 * The athlete's own physiology overrides (metrics.md §1.1): each null column means "use Polar's value".
 * Read by the sync when it derives time in zone and TRIMP at ingest, and by the daily series.
 */
export const athletePhysiologyOverrides = sqliteTable("athlete_physiology_override", {
  athleteId: text("athlete_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  hrmax: integer("hrmax"),
  hrrest: integer("hrrest"),
  sex: text("sex").$type<OverrideSex>(),
  zoneModel: text("zone_model").$type<ZoneModel>(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});
