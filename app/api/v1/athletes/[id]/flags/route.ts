import { getDb } from "@/db";
import { getApiFlags } from "@/lib/dal/api/read";
import { AthleteParamsSchema, RangeQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}/flags?from&to`: the overreaching flag level per day, with its reasons. */
export const GET = withToken({ path: "/api/v1/athletes/{id}/flags", params: AthleteParamsSchema, query: RangeQuerySchema }, ({ viewer, params, query }) =>
  getApiFlags(getDb(), viewer, params.id, query, { now: Date.now() }),
);
