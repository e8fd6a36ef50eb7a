import { resumeViewerImport } from "@/lib/dal/import";
import { withViewer } from "@/lib/http/route";

/** POST /api/import/resume — continues an import the server stopped during, from its last finished entry. */
export const POST = withViewer({}, async ({ viewer }) =>
  Response.json(await resumeViewerImport(viewer), { status: 202, headers: { "cache-control": "no-store" } }),
);
