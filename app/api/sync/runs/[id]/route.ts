import { z } from "zod";
import { getViewerSyncRun } from "@/lib/dal/sync-history";
import { withViewer } from "@/lib/http/route";

const ParamsSchema = z.object({ id: z.uuid() });

/** GET /api/sync/runs/{id} — progress and result of one of the signed-in athlete's runs. 400 for a malformed id. */
export const GET = withViewer({ params: ParamsSchema }, ({ viewer, params }) => {
  const run = getViewerSyncRun(viewer, params.id);
  return Response.json(run, { headers: { "cache-control": "no-store" } });
});
