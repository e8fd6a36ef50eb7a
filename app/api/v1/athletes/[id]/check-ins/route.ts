import { getDb } from "@/db";
import { requireTokenScope } from "@/lib/dal/api-tokens";
import { getApiCheckIns } from "@/lib/dal/api/read";
import { AthleteParamsSchema, RangeQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}/check-ins?from&to`: the morning check-ins (needs the check-ins scope). */
export const GET = withToken({ path: "/api/v1/athletes/{id}/check-ins", params: AthleteParamsSchema, query: RangeQuerySchema }, ({ viewer, params, query }) => {
  requireTokenScope(viewer, "check-ins");
  return getApiCheckIns(getDb(), viewer, params.id, query, { now: Date.now() });
});
