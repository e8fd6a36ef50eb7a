import { getDb } from "@/db";
import { getApiSession } from "@/lib/dal/api/read";
import { SessionParamsSchema, SessionQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/athletes/{id}/sessions/{sessionId}?samples=true`: one session with zones and optional samples. */
export const GET = withToken({ path: "/api/v1/athletes/{id}/sessions/{sessionId}", params: SessionParamsSchema, query: SessionQuerySchema }, ({ viewer, params, query }) =>
  getApiSession(getDb(), viewer, params.id, params.sessionId, query.samples),
);
