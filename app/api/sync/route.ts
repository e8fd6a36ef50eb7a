import { startViewerSync } from "@/lib/dal/sync";
import { toErrorResponse } from "@/lib/errors";

/** POST /api/sync — starts a sync for the signed-in athlete, or joins the running one: 202 {runId, joined}. */
export async function POST(): Promise<Response> {
  try {
    const { runId, joined } = await startViewerSync();
    return Response.json({ runId, joined }, { status: 202, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
