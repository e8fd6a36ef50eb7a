import { z } from "zod";
import { getViewerCurrentSyncRun } from "@/lib/dal/sync-history";
import { withViewer } from "@/lib/http/route";

const QuerySchema = z.object({ athleteId: z.string().min(1).max(100).optional() });

/**
 * GET /api/sync/current[?athleteId=me] — the signed-in athlete's run in progress, `{ run: null }` when none.
 * The Sync button asks on mount so a page reload reattaches to a running sync.
 */
export const GET = withViewer({ query: QuerySchema }, ({ viewer, query }) => {
  const run = getViewerCurrentSyncRun(viewer, query.athleteId);
  return Response.json({ run }, { headers: { "cache-control": "no-store" } });
});
