import { z } from "zod";
import { getViewerImport, startViewerImport } from "@/lib/dal/import";
import { AppError, toErrorResponse } from "@/lib/errors";

const nameSchema = z.string().min(1).max(200);

/**
 * POST /api/import?name=<file name> — the body is the archive itself (application/zip), streamed to a temp
 * file; 202 {jobId, runId} once it is checked and its import has started in the background.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const name = nameSchema.safeParse(new URL(request.url).searchParams.get("name") ?? "polar-user-data-export.zip");
    if (!name.success) throw new AppError("bad_request", "name must be the archive's file name.");
    const started = await startViewerImport(request.body, name.data);
    return Response.json(started, { status: 202, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** GET /api/import — the signed-in athlete's newest import with its progress and summary, `{ job: null }` if none. */
export async function GET(): Promise<Response> {
  try {
    return Response.json({ job: await getViewerImport() }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
