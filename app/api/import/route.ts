import { z } from "zod";
import { getViewerImport, startViewerImport } from "@/lib/dal/import";
import { withViewer } from "@/lib/http/route";

const importQuerySchema = z.object({ name: z.string().min(1).max(200).default("polar-user-data-export.zip") });

/**
 * POST /api/import?name=<file name> — the body is the archive itself (application/zip), streamed to a temp
 * file; 202 {jobId, runId} once it is checked and its import has started in the background. The pipeline's
 * origin guard applies; the body is left unread by it (no `body` schema) so it streams to disk.
 */
export const POST = withViewer({ query: importQuerySchema }, async ({ viewer, query, request }) => {
  const started = await startViewerImport(viewer, request.body, query.name);
  return Response.json(started, { status: 202, headers: { "cache-control": "no-store" } });
});

/** GET /api/import — the signed-in athlete's newest import with its progress and summary, `{ job: null }` if none. */
export const GET = withViewer({}, ({ viewer }) => Response.json({ job: getViewerImport(viewer) }, { headers: { "cache-control": "no-store" } }));
