import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { exercises } from "./polar-data";

/**
 * What a session page shows beyond the samples: the GPS route and the athlete's manual laps. Child rows of
 * `exercise` (ON DELETE CASCADE), written by ONE module (lib/sync/exercise-detail.ts) from both the sync's
 * `/v3/exercises?route=true` and the archive import. Same provenance columns as the other exercise children.
 */

/**
 * One row per session with a route: the points packed as four parallel `packNumbers` series (lib/sync/pack.ts),
 * never one row per point. `pointCount` 0 records "asked Polar, it had no route", so it is not asked again.
 */
export const exerciseRoutes = sqliteTable(
  "exercise_route",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    pointCount: integer("point_count").notNull(),
    /** Seconds since the session's start, millisecond precision. */
    elapsedSeconds: text("elapsed_seconds").notNull(),
    /** Degrees (WGS 84), 6 decimals (about 0.1 m). */
    latitudes: text("latitudes").notNull(),
    longitudes: text("longitudes").notNull(),
    /** Metres; null when the source has no altitude (AccessLink's route points carry none). */
    altitudes: text("altitudes"),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
  },
  (t) => [uniqueIndex("exercise_route_exercise_uq").on(t.exerciseId), index("exercise_route_athlete_idx").on(t.athleteId)],
);

/** The athlete's manual laps (the export's `laps`; AccessLink serves none): one row per lap, in order. */
export const exerciseLaps = sqliteTable(
  "exercise_lap",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    exerciseId: integer("exercise_id")
      .notNull()
      .references(() => exercises.id, { onDelete: "cascade" }),
    /** 0-based order within the session. */
    lapIndex: integer("lap_index").notNull(),
    /** Seconds from the session's start to the lap's start. */
    startOffsetSeconds: real("start_offset_seconds").notNull(),
    durationSeconds: real("duration_seconds").notNull(),
    /** metres; null when the source did not say. */
    distanceMeters: real("distance_meters"),
    /** bpm, as the source gave them; null when unknown (the page then derives them from the HR samples). */
    avgHr: integer("avg_hr"),
    maxHr: integer("max_hr"),
    endpoint: text("endpoint").notNull(),
    fetchedAt: integer("fetched_at").notNull(),
  },
  (t) => [uniqueIndex("exercise_lap_exercise_index_uq").on(t.exerciseId, t.lapIndex), index("exercise_lap_athlete_idx").on(t.athleteId)],
);
