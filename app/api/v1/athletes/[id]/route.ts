import { getDb } from "@/db";
import { getApiProfile } from "@/lib/dal/api/read";
import { AthleteParamsSchema, EmptyQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}`: profile, connection state, the scopes this token reads. */
export const GET = withToken({ path: "/api/v1/athletes/{id}", params: AthleteParamsSchema, query: EmptyQuerySchema }, ({ viewer, params }) =>
  getApiProfile(getDb(), viewer, params.id, { now: Date.now() }),
);
