"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { saveCheckIn } from "@/lib/dal/check-in";
import type { CheckInDTO } from "@/lib/dal/dto";
import { rateSession, type SessionRpeView } from "@/lib/dal/sessions/rpe";
import { toErrorBody, type ActionResult } from "@/lib/errors";

/** Saves the signed-in athlete's check-in for their local today (bad values → an error, nothing stored). */
export async function saveCheckInAction(input: unknown): Promise<ActionResult<CheckInDTO>> {
  try {
    const viewer = await requireViewer();
    const checkIn = saveCheckIn(getDb(), viewer, input, { now: Date.now() });
    revalidatePath("/dashboard", "layout");
    return { ok: true, data: checkIn };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  }
}

/** Stores the signed-in athlete's CR-10 rating of one of their own sessions. */
export async function rateSessionAction(sessionId: number, input: unknown): Promise<ActionResult<SessionRpeView>> {
  try {
    const viewer = await requireViewer();
    const rating = rateSession(getDb(), viewer, sessionId, input, { now: Date.now() });
    revalidatePath("/dashboard", "layout");
    return { ok: true, data: rating };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  }
}
