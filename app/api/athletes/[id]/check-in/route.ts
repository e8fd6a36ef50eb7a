import { z } from "zod";
import { getDb } from "@/db";
import { getMyTodayCheckIn, saveCheckIn } from "@/lib/dal/check-in";
import { requireOwnAthlete } from "@/lib/dal/own-write";
import { AthleteParamsSchema } from "@/lib/http/params";
import { withViewer } from "@/lib/http/route";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * `GET /api/athletes/me/check-in` — the signed-in athlete's check-in for their local today (`null` when none).
 * Coaches read check-ins through the daily series (`/api/athletes/{id}/daily`), where the recovery scope and
 * the notes switch apply.
 */
export const GET = withViewer({ params: AthleteParamsSchema }, ({ viewer, params }) => {
  requireOwnAthlete(viewer, params.id);
  return Response.json({ checkIn: getMyTodayCheckIn(getDb(), viewer, { now: Date.now() }) }, { headers: NO_STORE });
});

/**
 * `PUT /api/athletes/me/check-in` — saves today's check-in (metrics.md §13.1): `{ fatigue, soreness, stress,
 * mood, sleepQuality: 1–5 | null, illness: boolean | null, note: string ≤ 500 | null, date?: today }`.
 * 400 for bad values or a day other than the athlete's local today, naming each field (nothing stored
 * changes); 404 for another athlete. The body is checked by lib/dal/check-in.ts, the one validator the server
 * action shares.
 */
export const PUT = withViewer({ params: AthleteParamsSchema, body: z.unknown() }, ({ viewer, params, body }) => {
  requireOwnAthlete(viewer, params.id);
  const checkIn = saveCheckIn(getDb(), viewer, body, { now: Date.now() });
  return Response.json({ checkIn }, { headers: NO_STORE });
});
