import { getViewerCurrentSyncRun } from "@/lib/dal/sync-history";
import { AppError, toErrorResponse } from "@/lib/errors";

/**
 * GET /api/sync/current[?athleteId=me] — the signed-in athlete's run in progress, `{ run: null }` when none.
 * The Sync button asks on mount so a page reload reattaches to a running sync.
 */
export async function GET(request: Request): Promise<Response> {
  try {
    const athleteId = new URL(request.url).searchParams.get("athleteId") ?? undefined;
    if (athleteId !== undefined && (athleteId.length === 0 || athleteId.length > 100)) {
      throw new AppError("bad_request", "athleteId must be an athlete id or `me`.");
    }
    const run = await getViewerCurrentSyncRun(athleteId);
    return Response.json({ run }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
