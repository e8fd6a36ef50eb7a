import { z } from "zod";
import { getDb } from "@/db";
import { toRosterCsv } from "@/lib/dal/roster/csv";
import { getRoster } from "@/lib/dal/roster/roster";
import { readRosterRateLimitPause } from "@/lib/dal/roster/sync";
import { getEnv } from "@/lib/env";
import { TeamParamsSchema } from "@/lib/http/params";
import { withViewer } from "@/lib/http/route";

const QuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });

/**
 * GET /api/teams/{teamId}/roster[?format=csv] — the roster of a team the viewer coaches, as JSON or as a CSV
 * download (same cells as the table; unshared cells say "not shared"). 401 signed out, 404 for a team the
 * viewer does not coach.
 */
export const GET = withViewer({ params: TeamParamsSchema, query: QuerySchema }, ({ viewer, params, query }) => {
  const now = Date.now();
  const roster = getRoster(getDb(), viewer, params.teamId, { now, intervalMinutes: getEnv().SYNC_INTERVAL_MINUTES, rateLimitedUntil: readRosterRateLimitPause(now) });
  if (query.format === "json") return Response.json(roster, { headers: { "cache-control": "private, no-store" } });
  const day = new Date(now).toISOString().slice(0, 10);
  const slug = roster.teamName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "team";
  return new Response(toRosterCsv(roster), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="roster-${slug}-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
