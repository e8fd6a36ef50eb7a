import { resumeViewerImport } from "@/lib/dal/import";
import { toErrorResponse } from "@/lib/errors";

/** POST /api/import/resume — continues an import the server stopped during, from its last finished entry. */
export async function POST(): Promise<Response> {
  try {
    return Response.json(await resumeViewerImport(), { status: 202, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
