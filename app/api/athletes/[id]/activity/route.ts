import type { NextRequest } from "next/server";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getActivityRange } from "@/lib/dal/activity";
import { parseDailyRange } from "@/lib/dal/series/range";
import { toErrorResponse } from "@/lib/errors";

/**
 * `GET /api/athletes/{id}/activity?from=YYYY-MM-DD&to=YYYY-MM-DD` — per athlete-local day: steps, active time,
 * calories, activity-zone seconds and their 7-day means (scope "training"), and the lowest continuous HR and
 * nightly resting HR (scope "recovery"). Every day of the range is listed; a day without data has
 * `hasActivity: false` and null numbers. `id` = `me` for the signed-in athlete. 400 for a bad range (same rules
 * as the daily API), 401 signed out, 404 when the viewer may read neither scope.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireViewer();
    const { id } = await context.params;
    const range = parseDailyRange({
      from: request.nextUrl.searchParams.get("from"),
      to: request.nextUrl.searchParams.get("to"),
    });
    const body = getActivityRange(getDb(), viewer, id, range);
    return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
