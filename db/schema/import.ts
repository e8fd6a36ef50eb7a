import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./auth";
import { syncRuns } from "./sync";

/**
 * An import of Polar's "Download your data" archive (lib/import): the uploaded file, how far the import got
 * and its summary so far. Position and summary are written in the same transaction as each entry's rows, so a
 * killed import resumes after its last finished entry and ends with the same summary as an uninterrupted one.
 */
export const importJobs = sqliteTable(
  "import_job",
  {
    id: text("id").primaryKey(),
    athleteId: text("athlete_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The run now carrying the job (a resumed job moves to a new run). */
    runId: text("run_id").references(() => syncRuns.id, { onDelete: "set null" }),
    /** The archive on this server's disk (an upload's temp file, or a path given to the CLI). */
    archivePath: text("archive_path").notNull(),
    /** The archive's own file name, recorded on every imported row. */
    archiveName: text("archive_name").notNull(),
    archiveBytes: integer("archive_bytes").notNull(),
    status: text("status").$type<"running" | "done" | "failed">().notNull(),
    /** Entries finished, in processing order. */
    position: integer("position").notNull().default(0),
    /** JSON `ImportSummary`. */
    summaryJson: text("summary_json").notNull(),
    error: text("error"),
    createdAt: integer("created_at").notNull(),
    finishedAt: integer("finished_at"),
  },
  (t) => [index("import_job_athlete_created_idx").on(t.athleteId, t.createdAt)],
);
