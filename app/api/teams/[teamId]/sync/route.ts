import { z } from "zod";
import { getDb } from "@/db";
import { getRosterSyncProgress, startRosterSync } from "@/lib/dal/roster/sync";
import { IdSchema, TeamParamsSchema } from "@/lib/http/params";
import { withViewer } from "@/lib/http/route";

const BodySchema = z.object({ athleteIds: z.array(IdSchema).max(1000).nullable().default(null) });

const QuerySchema = z.object({
  runs: z
    .string()
    .max(100_000)
    .transform((value) => value.split(",").filter(Boolean).map((pair) => pair.split(":")))
    .pipe(z.array(z.tuple([IdSchema, z.uuid()])))
    .optional(),
});

/**
 * POST /api/teams/{teamId}/sync `{ athleteIds: string[] | null }` — starts the athletes' own syncs (all of the
 * team when null) through the process's runner and rate governor: 202 `{ started, skipped }`.
 */
export const POST = withViewer({ params: TeamParamsSchema, body: BodySchema }, async ({ viewer, params, body }) => {
  const result = await startRosterSync(getDb(), viewer, params.teamId, body.athleteIds, { now: Date.now() });
  return Response.json(result, { status: 202, headers: { "cache-control": "no-store" } });
});

/** GET /api/teams/{teamId}/sync[?runs=athleteId:runId,…] — progress per athlete (live run, else the given run). */
export const GET = withViewer({ params: TeamParamsSchema, query: QuerySchema }, ({ viewer, params, query }) => {
  const runIds = new Map((query.runs ?? []).map(([athleteId, runId]) => [athleteId, runId] as const));
  const progress = getRosterSyncProgress(getDb(), viewer, params.teamId, runIds, { now: Date.now() });
  return Response.json({ progress }, { headers: { "cache-control": "no-store" } });
});
