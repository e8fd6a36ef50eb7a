import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { getMyTodayCheckIn, saveCheckIn } from "@/lib/dal/check-in";
import { readJsonBody, requireOwnAthlete } from "@/lib/dal/own-write";
import { toErrorResponse } from "@/lib/errors";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * `GET /api/athletes/me/check-in` — the signed-in athlete's check-in for their local today (`null` when none).
 * Coaches read check-ins through the daily series (`/api/athletes/{id}/daily`), where the recovery scope and
 * the notes switch apply.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireViewer();
    requireOwnAthlete(viewer, (await context.params).id);
    return Response.json({ checkIn: getMyTodayCheckIn(getDb(), viewer, { now: Date.now() }) }, { headers: NO_STORE });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/**
 * `PUT /api/athletes/me/check-in` — saves today's check-in (metrics.md §13.1): `{ fatigue, soreness, stress,
 * mood, sleepQuality: 1–5 | null, illness: boolean | null, note: string ≤ 500 | null, date?: today }`.
 * 400 for bad values or a day other than the athlete's local today (nothing stored changes); 404 for another
 * athlete.
 */
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  try {
    const viewer = await requireViewer();
    requireOwnAthlete(viewer, (await context.params).id);
    const checkIn = saveCheckIn(getDb(), viewer, await readJsonBody(request), { now: Date.now() });
    return Response.json({ checkIn }, { headers: NO_STORE });
  } catch (error) {
    return toErrorResponse(error);
  }
}
