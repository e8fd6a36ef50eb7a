import { getDb } from "@/db";
import { getApiSessions } from "@/lib/dal/api/read";
import { AthleteParamsSchema, SessionsQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}/sessions?from&to&sport&limit&offset`: training sessions, newest first. */
export const GET = withToken({ path: "/api/v1/athletes/{id}/sessions", params: AthleteParamsSchema, query: SessionsQuerySchema }, ({ viewer, params, query }) =>
  getApiSessions(getDb(), viewer, params.id, query, { now: Date.now() }),
);
