import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { readJsonBody, requireOwnAthlete } from "@/lib/dal/own-write";
import { rateSession } from "@/lib/dal/sessions/rpe";
import { toErrorResponse } from "@/lib/errors";

/**
 * `PUT /api/athletes/me/sessions/{sessionId}/rpe` — the athlete's CR-10 rating of one of their sessions,
 * `{ rpe: 0–10 }`; returns the RPE shown and sRPE (RPE × minutes). 400 for a bad rating or a session that is
 * not the athlete's (nothing stored changes); 404 for another athlete's id in the path.
 */
export async function PUT(request: Request, context: { params: Promise<{ id: string; sessionId: string }> }) {
  try {
    const viewer = await requireViewer();
    const { id, sessionId } = await context.params;
    requireOwnAthlete(viewer, id);
    const rating = rateSession(getDb(), viewer, sessionId, await readJsonBody(request), { now: Date.now() });
    return Response.json(rating, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return toErrorResponse(error);
  }
}
