/**
 * The import as a job of the sync's kind (design §3): a `sync_run` row of kind "import" under the athlete's
 * lease, progress written as it goes, a result in the sync log. A chunk of entries' rows, the job's position and
 * its summary are committed together, so a killed import, started again on the same archive, resumes after its
 * last committed chunk and ends with the summary an uninterrupted import would have had.
 */
import { randomUUID } from "node:crypto";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importJobs } from "@/db/schema/import";
import { AppError } from "@/lib/errors";
import { describeStep, toFinalStatus, toRunProgress } from "@/lib/import/progress";
import { createEmptySummary, planEntries, readEntries, type ChunkLimits, type ImportSummary } from "@/lib/import/read";
import { createDatabaseSink } from "@/lib/import/sink";
import { openArchive, type ImportLimits } from "@/lib/import/zip";
import { beginRun, finishRun, findLiveRun, writeProgress } from "@/lib/sync/runs";
import type { SyncTrigger } from "@/lib/sync/types";

export type ImportDeps = {
  db: Db;
  limits: ImportLimits;
  now?: () => number;
  /** Entries written per transaction (default `DEFAULT_CHUNK`). */
  chunk?: ChunkLimits;
  /**
   * Called after each entry's rows are written, inside its chunk's transaction (before the chunk's position and
   * summary are written and it commits): progress output for the CLI, and the kill point of the crash test.
   */
  onEntryWritten?: (position: number, total: number) => void;
};

export type ImportJobView = {
  jobId: string;
  runId: string | null;
  archiveName: string;
  status: "running" | "done" | "failed" | "interrupted";
  summary: ImportSummary;
  error: string | null;
  createdAt: number;
  finishedAt: number | null;
};

const PROGRESS_INTERVAL_MS = 500;

export type BegunImport = { jobId: string; runId: string; joined: boolean; resumed: boolean };

/**
 * Checks the archive (a bad one fails here with a clear error, before anything is written), then starts its
 * import, resumes an interrupted import of the same archive, or joins the athlete's run in progress.
 */
export async function beginImport(
  deps: ImportDeps,
  athleteId: string,
  archive: { path: string; name?: string },
  trigger: SyncTrigger,
): Promise<BegunImport> {
  const clock = deps.now ?? Date.now;
  const opened = await openArchive(archive.path, deps.limits);
  opened.close();
  const archiveName = archive.name ?? basename(archive.path);
  const archiveBytes = (await stat(archive.path)).size;
  const { db } = deps;
  return db.transaction((tx) => {
    const begun = beginRun(db, athleteId, trigger, clock(), "import");
    if (begun.joined) {
      const job = tx.select().from(importJobs).where(eq(importJobs.runId, begun.runId)).get();
      if (!job) throw new AppError("conflict", "A sync is running for this athlete; start the import when it has finished.");
      return { jobId: job.id, runId: begun.runId, joined: true, resumed: false };
    }
    const unfinished = tx
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.athleteId, athleteId), eq(importJobs.status, "running"), eq(importJobs.archiveName, archiveName), eq(importJobs.archiveBytes, archiveBytes)))
      .orderBy(desc(importJobs.createdAt))
      .get();
    if (unfinished) {
      tx.update(importJobs).set({ runId: begun.runId, archivePath: archive.path }).where(eq(importJobs.id, unfinished.id)).run();
      return { jobId: unfinished.id, runId: begun.runId, joined: false, resumed: true };
    }
    const jobId = randomUUID();
    tx.insert(importJobs)
      .values({
        id: jobId,
        athleteId,
        runId: begun.runId,
        archivePath: archive.path,
        archiveName,
        archiveBytes,
        status: "running",
        summaryJson: JSON.stringify(createEmptySummary()),
        createdAt: clock(),
      })
      .run();
    return { jobId, runId: begun.runId, joined: false, resumed: false };
  });
}

/** Executes a begun import to its end; every failure is recorded in the job and the run, never thrown. */
export async function executeImport(deps: ImportDeps, jobId: string): Promise<ImportJobView> {
  const { db } = deps;
  const clock = deps.now ?? Date.now;
  const job = db.select().from(importJobs).where(eq(importJobs.id, jobId)).get();
  if (!job || !job.runId) throw new Error(`no import job ${jobId}`);
  const runId = job.runId;
  const athleteId = job.athleteId;
  let summary = JSON.parse(job.summaryJson) as ImportSummary;
  try {
    const archive = await openArchive(job.archivePath, deps.limits);
    try {
      // Totals are counted afresh by the plan; what was done stays as the last committed summary says.
      const fresh = createEmptySummary();
      const plan = planEntries(archive, fresh);
      for (const [type, s] of Object.entries(fresh.types) as [keyof ImportSummary["types"], ImportSummary["types"][keyof ImportSummary["types"]]][]) {
        summary.types[type].files.total = s.files.total;
        summary.types[type].bytes.total = s.bytes.total;
      }
      let progressWrittenAt = Number.NEGATIVE_INFINITY;
      // Prepared once: it runs after every chunk.
      const savePosition = db
        .update(importJobs)
        .set({ position: sql`${sql.placeholder("position")}`, summaryJson: sql`${sql.placeholder("summaryJson")}` })
        .where(eq(importJobs.id, jobId))
        .prepare();
      const sink = createDatabaseSink(db, athleteId, { archiveName: job.archiveName, fetchedAt: clock() }, {
        entry: (entry, position) => {
          // The run's progress and lease at most twice a second.
          const now = clock();
          if (now - progressWrittenAt >= PROGRESS_INTERVAL_MS) {
            progressWrittenAt = now;
            writeProgress(db, athleteId, runId, toRunProgress(summary, describeStep(summary, plan[position - 1]?.type ?? null)), now);
          }
          deps.onEntryWritten?.(position, plan.length);
        },
        // Position and summary go with every chunk's rows: a resume starts after the last committed chunk.
        chunk: (position) => savePosition.run({ position, summaryJson: JSON.stringify(summary) }),
      });
      await readEntries(archive, plan, sink, summary, job.position, deps.chunk);
    } finally {
      archive.close();
    }
    const progress = toRunProgress(summary, "Done");
    db.update(importJobs).set({ status: "done", summaryJson: JSON.stringify(summary), finishedAt: clock() }).where(eq(importJobs.id, jobId)).run();
    finishRun(db, athleteId, runId, toFinalStatus(summary), progress, clock());
  } catch (error) {
    const message = error instanceof AppError ? error.message : "The import stopped because of an error on our side.";
    if (!(error instanceof AppError)) console.error(`import ${jobId} failed`, error instanceof Error ? error.name : typeof error);
    const progress = toRunProgress(summary, "Failed");
    progress.errors.push({ resource: "run", code: error instanceof AppError ? error.code : "internal", message });
    db.update(importJobs).set({ status: "failed", error: message, finishedAt: clock() }).where(eq(importJobs.id, jobId)).run();
    finishRun(db, athleteId, runId, "failed", progress, clock());
    summary = JSON.parse(db.select().from(importJobs).where(eq(importJobs.id, jobId)).get()?.summaryJson ?? JSON.stringify(summary)) as ImportSummary;
  }
  const view = getImportJob(db, jobId, clock());
  if (!view) throw new Error(`import job ${jobId} disappeared`);
  return view;
}

/** Begin (or resume) and run to the end: the CLI's way. A joined run is not waited for. */
export async function importArchive(deps: ImportDeps, athleteId: string, archive: { path: string; name?: string }, trigger: SyncTrigger): Promise<ImportJobView> {
  const begun = await beginImport(deps, athleteId, archive, trigger);
  if (begun.joined) throw new AppError("conflict", "An import or sync is already running for this athlete.");
  return executeImport(deps, begun.jobId);
}

function toView(db: Db, row: typeof importJobs.$inferSelect, now: number): ImportJobView {
  // A job still marked running whose run no longer holds the lease was killed: it can be resumed.
  const interrupted = row.status === "running" && findLiveRun(db, row.athleteId, now) !== row.runId;
  return {
    jobId: row.id,
    runId: row.runId,
    archiveName: row.archiveName,
    status: interrupted ? "interrupted" : row.status,
    summary: JSON.parse(row.summaryJson) as ImportSummary,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
  };
}

export function getImportJob(db: Db, jobId: string, now: number): ImportJobView | null {
  const row = db.select().from(importJobs).where(eq(importJobs.id, jobId)).get();
  return row ? toView(db, row, now) : null;
}

/** The athlete's newest import, for the Settings page (survives reloads: it lives in the database). */
export function getLatestImportJob(db: Db, athleteId: string, now: number): ImportJobView | null {
  const row = db.select().from(importJobs).where(eq(importJobs.athleteId, athleteId)).orderBy(desc(importJobs.createdAt)).get();
  return row ? toView(db, row, now) : null;
}

/** Starts the athlete's newest import again when it was interrupted; null when there is none to resume. */
export async function resumeInterruptedImport(deps: ImportDeps, athleteId: string, trigger: SyncTrigger): Promise<(BegunImport & { archivePath: string }) | null> {
  const row = deps.db.select().from(importJobs).where(eq(importJobs.athleteId, athleteId)).orderBy(desc(importJobs.createdAt)).get();
  if (!row || toView(deps.db, row, (deps.now ?? Date.now)()).status !== "interrupted") return null;
  const begun = await beginImport(deps, athleteId, { path: row.archivePath, name: row.archiveName }, trigger);
  return { ...begun, archivePath: row.archivePath };
}
