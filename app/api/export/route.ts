import { z } from "zod";
import { exportViewerData } from "@/lib/dal/export";
import { withViewer } from "@/lib/http/route";

const QuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

/** GET /api/export?format=json|csv — everything stored about the signed-in athlete (docs/export.md). */
export const GET = withViewer({ query: QuerySchema }, async ({ query }) => {
  const file = await exportViewerData(query.format, new Date());
  const body = typeof file.body === "string" ? file.body : new Blob([new Uint8Array(file.body)]);
  return new Response(body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
