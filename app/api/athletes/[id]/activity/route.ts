import { getDb } from "@/db";
import { getActivityRange } from "@/lib/dal/activity";
import { parseDailyRange } from "@/lib/dal/series/range";
import { AthleteParamsSchema, RangeQuerySchema } from "@/lib/http/params";
import { withViewer } from "@/lib/http/route";

/**
 * `GET /api/athletes/{id}/activity?from=YYYY-MM-DD&to=YYYY-MM-DD` — per athlete-local day: steps, active time,
 * calories, activity-zone seconds and their 7-day means (scope "training"), and the lowest continuous HR and
 * nightly resting HR (scope "recovery"). Every day of the range is listed; a day without data has
 * `hasActivity: false` and null numbers. `id` = `me` for the signed-in athlete. 400 for a bad range (same rules
 * as the daily API), 401 signed out, 404 when the viewer may read neither scope.
 */
export const GET = withViewer({ params: AthleteParamsSchema, query: RangeQuerySchema }, ({ viewer, params, query }) => {
  const body = getActivityRange(getDb(), viewer, params.id, parseDailyRange(query));
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
});
