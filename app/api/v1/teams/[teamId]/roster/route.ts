import { getDb } from "@/db";
import { requireTokenScope } from "@/lib/dal/api-tokens";
import { getApiRoster } from "@/lib/dal/api/roster";
import { EmptyQuerySchema, TeamParamsSchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";

/** `GET /api/v1/teams/{teamId}/roster`: athletes by risk, each limited to what they share and the token's scopes. */
export const GET = withToken({ path: "/api/v1/teams/{teamId}/roster", params: TeamParamsSchema, query: EmptyQuerySchema }, ({ viewer, params }) => {
  requireTokenScope(viewer, "roster");
  return getApiRoster(getDb(), viewer, params.teamId, { now: Date.now() });
});
