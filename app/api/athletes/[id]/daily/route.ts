import { getDb } from "@/db";
import { parseDailyRange } from "@/lib/dal/series/range";
import { getDailySeries } from "@/lib/dal/series/read";
import { AthleteParamsSchema, RangeQuerySchema } from "@/lib/http/params";
import { withViewer } from "@/lib/http/route";

/**
 * `GET /api/athletes/{id}/daily?from=YYYY-MM-DD&to=YYYY-MM-DD` — the athlete's daily series (load, PMC, ACWR,
 * monotony, RHR, HRV, sleep, cardio-load status, risk) per athlete-local day. `id` = `me` for the signed-in
 * athlete. 400 for a bad range, 401 signed out, 404 for an athlete the viewer may not read.
 */
export const GET = withViewer({ params: AthleteParamsSchema, query: RangeQuerySchema }, ({ viewer, params, query }) => {
  const series = getDailySeries(getDb(), viewer, params.id, parseDailyRange(query));
  return Response.json(series, { headers: { "Cache-Control": "private, no-store" } });
});
