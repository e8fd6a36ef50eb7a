import { getDb } from "@/db";
import { getApiNights } from "@/lib/dal/api/read";
import { AthleteParamsSchema, RangeQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}/nights?from&to`: sleep stages, score, RHR and HRV per night. */
export const GET = withToken({ path: "/api/v1/athletes/{id}/nights", params: AthleteParamsSchema, query: RangeQuerySchema }, ({ viewer, params, query }) =>
  getApiNights(getDb(), viewer, params.id, query, { now: Date.now() }),
);
