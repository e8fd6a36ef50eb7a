import "server-only";
import { rm } from "node:fs/promises";
import { getDb } from "@/db";
import type { Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { beginImport, executeImport, getImportLimits, getLatestImportJob, resumeInterruptedImport, type ImportJobView } from "@/lib/import";
import { saveUpload, UPLOAD_DIR } from "@/lib/import/upload";

/** What the Settings page polls: the athlete's newest import, its progress and summary. */
export type ImportJobDTO = ImportJobView;

/** Imports run in this process; a job id maps to its promise so a second request does not start it twice. */
const globalForImports = globalThis as unknown as { thresholdImports?: Map<string, Promise<unknown>> };
const running = (globalForImports.thresholdImports ??= new Map<string, Promise<unknown>>());

function runInBackground(jobId: string, archivePath: string): void {
  if (running.has(jobId)) return;
  const deps = { db: getDb(), limits: getImportLimits() };
  const job = executeImport(deps, jobId)
    .then(async (view) => {
      // The upload is not needed once the job is over (a killed job keeps it, to be resumed).
      if (view.status !== "running" && archivePath.startsWith(UPLOAD_DIR)) await rm(archivePath, { force: true });
    })
    .catch((error: unknown) => {
      console.error(`import ${jobId} could not be recorded`, error instanceof Error ? error.name : typeof error);
    })
    .finally(() => running.delete(jobId));
  running.set(jobId, job);
}

/**
 * Streams the request body (the archive) to a temp file, checks it, and starts its import in the background.
 * A bad archive is refused here, before anything is written.
 */
export async function startViewerImport(viewer: Viewer, body: ReadableStream<Uint8Array> | null, fileName: string): Promise<{ jobId: string; runId: string }> {
  const upload = await saveUpload(body, getEnv().IMPORT_MAX_UPLOAD_BYTES);
  try {
    const begun = await beginImport({ db: getDb(), limits: getImportLimits() }, viewer.userId, { path: upload.path, name: fileName }, "click");
    if (begun.joined) throw new AppError("conflict", "An import is already running. Wait for it to finish.");
    runInBackground(begun.jobId, upload.path);
    return { jobId: begun.jobId, runId: begun.runId };
  } catch (error) {
    await rm(upload.path, { force: true });
    throw error;
  }
}

/** Resumes the athlete's interrupted import (the server stopped during it) from where it stopped. */
export async function resumeViewerImport(viewer: Viewer): Promise<{ jobId: string; runId: string }> {
  const begun = await resumeInterruptedImport({ db: getDb(), limits: getImportLimits() }, viewer.userId, "click");
  if (!begun) throw new AppError("not_found", "There is no interrupted import to resume.");
  runInBackground(begun.jobId, begun.archivePath);
  return { jobId: begun.jobId, runId: begun.runId };
}

export function getViewerImport(viewer: Viewer): ImportJobDTO | null {
  return getLatestImportJob(getDb(), viewer.userId, Date.now());
}
