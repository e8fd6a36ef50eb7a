import { z } from "zod";
import { getViewerSyncRun } from "@/lib/dal/sync";
import { AppError, toErrorResponse } from "@/lib/errors";

const runIdSchema = z.uuid();
export type RunId = z.infer<typeof runIdSchema>;

/** GET /api/sync/runs/{id} — progress and result of one of the signed-in athlete's runs. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const parsed = runIdSchema.safeParse((await context.params).id);
    if (!parsed.success) throw new AppError("not_found", "No such sync run.");
    const run = await getViewerSyncRun(parsed.data);
    return Response.json(run, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
