import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./auth";

/** What started a run. */
export type SyncTrigger = "click" | "webhook" | "schedule" | "cli" | "demo";
export type SyncRunKind = "sync" | "import";
export type SyncRunStatus = "running" | "succeeded" | "partial" | "failed";
/** The resources a run handles, in the order it handles them. */
export type SyncResource =
  | "physical-info"
  | "exercise"
  | "activity"
  | "sleep"
  | "nightly-recharge"
  | "continuous-hr"
  | "cardio-load";
/**
 * Why a fetched record was not stored (besides quarantine): `after-today` = dated after the latest "today"
 * anywhere on Earth (UTC+14), so not a real day yet; `placeholder` = Polar's padding for a day without data.
 */
export type SyncSkipReason = "after-today" | "placeholder";
export type SyncCounts = {
  new: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  /** Absent in runs recorded before skips were counted. */
  skipped?: Partial<Record<SyncSkipReason, number>>;
};
/** An error in plain words with a stable code, attached to the resource it stopped. */
export type SyncRunError = { resource: SyncResource | "run"; code: string; message: string };
export type TransactionStatus = "open" | "committed" | "expired";

/** The sync log: one row per run, progress written as the run goes, result kept for the athlete and coach. */
export const syncRuns = sqliteTable(
  "sync_run",
  {
    id: text("id").primaryKey(),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    trigger: text("trigger").$type<SyncTrigger>().notNull(),
    /** A sync from AccessLink, or an import of Polar's "Download your data" archive (lib/import). */
    kind: text("kind").$type<SyncRunKind>().notNull().default("sync"),
    status: text("status").$type<SyncRunStatus>().notNull(),
    /** Current step in words ("Reading sleep"). */
    step: text("step").notNull(),
    itemsDone: integer("items_done").notNull().default(0),
    itemsTotal: integer("items_total").notNull().default(0),
    /** JSON `Partial<Record<SyncResource, SyncCounts>>`. */
    countsJson: text("counts_json").notNull().default("{}"),
    /** JSON `SyncRunError[]`. */
    errorsJson: text("errors_json").notNull().default("[]"),
    requestCount: integer("request_count").notNull().default(0),
    startedAt: integer("started_at").notNull(),
    finishedAt: integer("finished_at"),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("sync_run_athlete_started_idx").on(t.athleteId, t.startedAt)],
);

/** Windowed resources: the last local date known to be complete, per athlete and resource. */
export const syncCursors = sqliteTable(
  "sync_cursor",
  {
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resource: text("resource").$type<SyncResource>().notNull(),
    /** `YYYY-MM-DD`: the end of the last window read successfully. */
    cursorDate: text("cursor_date").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.athleteId, t.resource] })],
);

/** Polar transactions we opened; `resource-uri` is written BEFORE any item is read. */
export const polarTransactions = sqliteTable(
  "polar_transaction",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"exercise" | "activity" | "physical-information">().notNull(),
    transactionId: integer("transaction_id").notNull(),
    resourceUri: text("resource_uri").notNull(),
    status: text("status").$type<TransactionStatus>().notNull(),
    openedAt: integer("opened_at").notNull(),
    closedAt: integer("closed_at"),
    runId: text("run_id"),
    itemCount: integer("item_count"),
  },
  (t) => [
    uniqueIndex("polar_transaction_athlete_kind_id_uq").on(t.athleteId, t.kind, t.transactionId),
    index("polar_transaction_athlete_status_idx").on(t.athleteId, t.status),
  ],
);

/** One run per athlete at a time. A lease whose `expiresAt` has passed is stale and is taken over. */
export const syncLeases = sqliteTable("sync_lease", {
  athleteId: text("athlete_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  runId: text("run_id").notNull(),
  acquiredAt: integer("acquired_at").notNull(),
  /** Renewed as the run makes progress; a lease past this instant is stale. */
  expiresAt: integer("expires_at").notNull(),
  /** The owning process: a lease whose process is gone on this host is stale at once (crash, SIGKILL). */
  ownerHost: text("owner_host").notNull(),
  ownerPid: integer("owner_pid").notNull(),
  /**
   * The owner's process start (Linux `/proc/<pid>/stat` start ticks): a reused pid, or a killed owner still
   * answering `kill(pid, 0)` as a zombie, is recognised at once. Null where /proc is not available.
   */
  ownerStarted: text("owner_started"),
});

/**
 * History backfill per athlete and windowed resource, read backwards from the oldest day the incremental
 * sync covers. `nextTo` is the last day of the next chunk to read; every chunk is stored together with the
 * advanced `nextTo` in one SQLite transaction, so a restart continues where it stopped and never asks twice.
 */
export const syncBackfills = sqliteTable(
  "sync_backfill",
  {
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resource: text("resource").$type<SyncResource>().notNull(),
    /** `YYYY-MM-DD`: the newest day still to read (going backwards). */
    nextTo: text("next_to").notNull(),
    /** `YYYY-MM-DD`: the oldest day Polar serves for this type, fixed when the backfill started. */
    oldestDate: text("oldest_date").notNull(),
    /** Consecutive empty answers of date probes (sleep, Nightly Recharge): a run of them ends the backfill. */
    emptyStreak: integer("empty_streak").notNull().default(0),
    done: integer("done", { mode: "boolean" }).notNull().default(false),
    /** Days read so far and in total (progress: "Backfilling history: 4 of 6 months"). */
    daysDone: integer("days_done").notNull().default(0),
    daysTotal: integer("days_total").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.athleteId, t.resource] })],
);

/** Payloads that failed validation: kept raw so `npm run sync:reparse` can ingest them with a better parser. */
export const syncQuarantine = sqliteTable(
  "sync_quarantine",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    resource: text("resource").$type<SyncResource>().notNull(),
    /** Polar id, date or item URL: identifies the record so a repeat replaces instead of piling up. */
    itemKey: text("item_key").notNull(),
    endpoint: text("endpoint").notNull(),
    transactionId: integer("transaction_id"),
    rawJson: text("raw_json").notNull(),
    error: text("error").notNull(),
    path: text("path"),
    fetchedAt: integer("fetched_at").notNull(),
    reparsedAt: integer("reparsed_at"),
    reparseError: text("reparse_error"),
    runId: text("run_id"),
  },
  (t) => [uniqueIndex("sync_quarantine_item_uq").on(t.athleteId, t.resource, t.itemKey)],
);

/**
 * Which data types the athlete lets us sync (Polar's grant is all-or-nothing, so the choice is ours).
 * A type switched off is not requested and its stored rows are deleted.
 */
export const athleteSyncSettings = sqliteTable("athlete_sync_settings", {
  athleteId: text("athlete_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  training: integer("training", { mode: "boolean" }).notNull().default(true),
  dailyActivity: integer("daily_activity", { mode: "boolean" }).notNull().default(true),
  sleep: integer("sleep", { mode: "boolean" }).notNull().default(true),
  /** Nightly Recharge. */
  recovery: integer("recovery", { mode: "boolean" }).notNull().default(true),
  continuousHr: integer("continuous_hr", { mode: "boolean" }).notNull().default(true),
  cardioLoad: integer("cardio_load", { mode: "boolean" }).notNull().default(true),
  /** Physical information. */
  body: integer("body", { mode: "boolean" }).notNull().default(true),
  updatedAt: integer("updated_at").notNull(),
});
