import { z } from "zod";
import { getDb } from "@/db";
import { requireOwnAthlete } from "@/lib/dal/own-write";
import { rateSession } from "@/lib/dal/sessions/rpe";
import { IdSchema } from "@/lib/http/params";
import { withViewer } from "@/lib/http/route";

/**
 * `PUT /api/athletes/me/sessions/{sessionId}/rpe` — the athlete's CR-10 rating of one of their sessions,
 * `{ rpe: 0–10 }`; returns the RPE shown and sRPE (RPE × minutes). 400 for a bad rating or a session that is
 * not the athlete's (nothing stored changes); 404 for another athlete's id in the path.
 */
export const PUT = withViewer({ params: z.object({ id: IdSchema, sessionId: IdSchema }), body: z.unknown() }, ({ viewer, params, body }) => {
  requireOwnAthlete(viewer, params.id);
  const rating = rateSession(getDb(), viewer, params.sessionId, body, { now: Date.now() });
  return Response.json(rating, { headers: { "Cache-Control": "private, no-store" } });
});
