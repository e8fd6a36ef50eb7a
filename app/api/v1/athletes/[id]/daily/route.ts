import { getDb } from "@/db";
import { getApiDaily } from "@/lib/dal/api/read";
import { AthleteParamsSchema, DailyQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}/daily?from&to&fields=`: the daily series, paged by 92 days. */
export const GET = withToken({ path: "/api/v1/athletes/{id}/daily", params: AthleteParamsSchema, query: DailyQuerySchema }, ({ viewer, params, query }) =>
  getApiDaily(getDb(), viewer, params.id, query, { now: Date.now() }),
);
