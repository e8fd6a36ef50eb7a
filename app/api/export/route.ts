import { z } from "zod";
import { exportViewerData } from "@/lib/dal/export";
import { AppError, toErrorResponse } from "@/lib/errors";

const exportQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** GET /api/export?format=json|csv — everything stored about the signed-in athlete (docs/export.md). */
export async function GET(request: Request): Promise<Response> {
  try {
    const parsed = exportQuerySchema.safeParse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
    if (!parsed.success) throw new AppError("bad_request", "format must be json or csv");
    const file = await exportViewerData(parsed.data.format, new Date());
    const body = typeof file.body === "string" ? file.body : new Blob([new Uint8Array(file.body)]);
    return new Response(body, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
