import { startViewerSync } from "@/lib/dal/sync";
import { withViewer } from "@/lib/http/route";

/** POST /api/sync — starts a sync for the signed-in athlete, or joins the running one: 202 {runId, joined}. */
export const POST = withViewer({}, async ({ viewer }) => {
  const { runId, joined } = await startViewerSync(viewer);
  return Response.json({ runId, joined }, { status: 202, headers: { "cache-control": "no-store" } });
});
