import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getRoster } from "@/lib/dal/roster/roster";
import { readRosterRateLimitPause } from "@/lib/dal/roster/sync";
import { toRosterCsv } from "@/lib/dal/roster/csv";
import { getEnv } from "@/lib/env";
import { AppError, toErrorResponse } from "@/lib/errors";

const RosterQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });
export type RosterQuery = z.infer<typeof RosterQuerySchema>;

/**
 * GET /api/teams/{teamId}/roster[?format=csv] — the roster of a team the viewer coaches, as JSON or as a CSV
 * download (same cells as the table; unshared cells say "not shared"). 401 signed out, 404 for a team the
 * viewer does not coach.
 */
export async function GET(request: Request, context: { params: Promise<{ teamId: string }> }): Promise<Response> {
  try {
    const viewer = await requireViewer();
    const { teamId } = await context.params;
    const parsed = RosterQuerySchema.safeParse({ format: new URL(request.url).searchParams.get("format") ?? undefined });
    if (!parsed.success) throw new AppError("bad_request", "format must be json or csv");
    const now = Date.now();
    const roster = getRoster(getDb(), viewer, teamId, { now, intervalMinutes: getEnv().SYNC_INTERVAL_MINUTES, rateLimitedUntil: readRosterRateLimitPause(now) });
    if (parsed.data.format === "json") return Response.json(roster, { headers: { "cache-control": "private, no-store" } });
    const day = new Date(now).toISOString().slice(0, 10);
    const slug = roster.teamName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "team";
    return new Response(toRosterCsv(roster), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="roster-${slug}-${day}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return toErrorResponse(error);
  }
}
