import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getDailySeries } from "@/lib/dal/series/read";
import { parseDailyRange } from "@/lib/dal/series/range";
import { toErrorResponse } from "@/lib/errors";

/**
 * `GET /api/athletes/{id}/daily?from=YYYY-MM-DD&to=YYYY-MM-DD` — the athlete's daily series (load, PMC, ACWR,
 * monotony, RHR, HRV, sleep, cardio-load status, risk) per athlete-local day. `id` = `me` for the signed-in
 * athlete. 400 for a bad range, 401 signed out, 404 for an athlete the viewer may not read.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireViewer();
    const { id } = await context.params;
    const range = parseDailyRange({
      from: request.nextUrl.searchParams.get("from"),
      to: request.nextUrl.searchParams.get("to"),
    });
    const series = getDailySeries(getDb(), viewer, id, range);
    return Response.json(series, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
