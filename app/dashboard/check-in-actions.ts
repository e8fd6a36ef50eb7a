"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { saveCheckIn } from "@/lib/dal/check-in";
import type { CheckInDTO } from "@/lib/dal/dto";
import { rateSession, type SessionRpeView } from "@/lib/dal/sessions/rpe";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

/** Saves the signed-in athlete's check-in for their local today (bad values → an error, nothing stored). */
export async function saveCheckInAction(input: unknown): Promise<ActionResult<CheckInDTO>> {
  return action((viewer) => {
    const checkIn = saveCheckIn(getDb(), viewer, input, { now: Date.now() });
    revalidatePath("/dashboard", "layout");
    return checkIn;
  });
}

/** Stores the signed-in athlete's CR-10 rating of one of their own sessions. */
export async function rateSessionAction(sessionId: number, input: unknown): Promise<ActionResult<SessionRpeView>> {
  return action((viewer) => {
    const rating = rateSession(getDb(), viewer, sessionId, input, { now: Date.now() });
    revalidatePath("/dashboard", "layout");
    return rating;
  });
}
