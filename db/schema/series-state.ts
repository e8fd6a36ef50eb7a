import { integer, primaryKey, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/**
 * The daily series' state per athlete-local day (lib/analytics/daily-series.ts `DailyState`: the recursive
 * values and the day's window inputs), so a view after a sync recomputes from the earliest changed day instead
 * of from day 1 and reads raw rows only for the days it shows (lib/dal/series/state.ts).
 * A derived cache: deleting every row only makes the next view recompute in full.
 *
 * `variant` names the data the series was computed from: the athlete's own view reads every type, a coach's
 * only the shared ones (e.g. `recovery,sleep,training` or `training`), and the state differs with it.
 */
export const dailySeriesStates = sqliteTable(
  "daily_series_state",
  {
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    variant: text("variant").notNull(),
    localDate: text("local_date").notNull(),
    ctl: real("ctl").notNull(),
    atl: real("atl").notNull(),
    ewmaAcute: real("ewma_acute").notNull(),
    ewmaChronic: real("ewma_chronic").notNull(),
    rhrStreak: integer("rhr_streak").notNull(),
    hrvStreak: integer("hrv_streak").notNull(),
    // The day's window inputs, so a resumed computation reads raw rows only for the days it shows.
    load: real("load").notNull(),
    rhr: real("rhr"),
    lnRmssd: real("ln_rmssd"),
    sleepMinutes: real("sleep_minutes"),
  },
  (t) => [primaryKey({ columns: [t.athleteId, t.variant, t.localDate] })],
);

/**
 * What the rows of one (athlete, variant) are valid for: every day from `history_start` through
 * `computed_through`, as of data version `version`, under the settings `settings_key`.
 */
export const dailySeriesHeads = sqliteTable(
  "daily_series_head",
  {
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    variant: text("variant").notNull(),
    version: integer("version").notNull(),
    historyStart: text("history_start").notNull(),
    computedThrough: text("computed_through").notNull(),
    settingsKey: text("settings_key").notNull(),
  },
  (t) => [primaryKey({ columns: [t.athleteId, t.variant] })],
);
