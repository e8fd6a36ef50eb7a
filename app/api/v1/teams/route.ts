import { getDb } from "@/db";
import { requireTokenScope } from "@/lib/dal/api-tokens";
import { getApiTeams } from "@/lib/dal/api/roster";
import { EmptyQuerySchema } from "@/lib/dal/api/schemas";
import { withToken } from "@/lib/http/token-route";
import { z } from "zod";

/** `GET /api/v1/teams`: the teams the token's owner coaches (scope `roster`). */
export const GET = withToken({ path: "/api/v1/teams", params: z.object({}), query: EmptyQuerySchema }, ({ viewer }) => {
  requireTokenScope(viewer, "roster");
  return getApiTeams(getDb(), viewer);
});
