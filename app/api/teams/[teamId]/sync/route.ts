import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getRosterSyncProgress, startRosterSync } from "@/lib/dal/roster/sync";
import { AppError, toErrorResponse } from "@/lib/errors";

const SyncBodySchema = z.object({ athleteIds: z.array(z.string().min(1).max(100)).max(1000).nullable().default(null) });
export type SyncBody = z.infer<typeof SyncBodySchema>;

const RunsParamSchema = z
  .string()
  .max(100_000)
  .transform((value) => value.split(",").filter(Boolean).map((pair) => pair.split(":")))
  .pipe(z.array(z.tuple([z.string().min(1), z.uuid()])));

/**
 * POST /api/teams/{teamId}/sync `{ athleteIds: string[] | null }` — starts the athletes' own syncs (all of the
 * team when null) through the process's runner and rate governor: 202 `{ started, skipped }`.
 */
export async function POST(request: Request, context: { params: Promise<{ teamId: string }> }): Promise<Response> {
  try {
    const viewer = await requireViewer();
    const { teamId } = await context.params;
    let json: unknown;
    try {
      json = await request.json();
    } catch {
      throw new AppError("bad_request", "Send a JSON body: { athleteIds: [...] | null }.");
    }
    const parsed = SyncBodySchema.safeParse(json);
    if (!parsed.success) throw new AppError("bad_request", "athleteIds must be a list of athlete ids or null.");
    const result = await startRosterSync(getDb(), viewer, teamId, parsed.data.athleteIds, { now: Date.now() });
    return Response.json(result, { status: 202, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** GET /api/teams/{teamId}/sync[?runs=athleteId:runId,…] — progress per athlete (live run, else the given run). */
export async function GET(request: Request, context: { params: Promise<{ teamId: string }> }): Promise<Response> {
  try {
    const viewer = await requireViewer();
    const { teamId } = await context.params;
    const runsParam = new URL(request.url).searchParams.get("runs");
    const parsed = runsParam ? RunsParamSchema.safeParse(runsParam) : null;
    if (parsed && !parsed.success) throw new AppError("bad_request", "runs must be athleteId:runId pairs separated by commas.");
    const runIds = new Map(parsed?.success ? parsed.data.map(([athleteId, runId]) => [athleteId, runId] as const) : []);
    const progress = getRosterSyncProgress(getDb(), viewer, teamId, runIds, { now: Date.now() });
    return Response.json({ progress }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
