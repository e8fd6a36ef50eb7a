"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { stopSharing, stopSharingEverywhere, updateShareScopes } from "@/lib/dal/sharing";
import { AppError, toErrorBody, type ActionResult } from "@/lib/errors";

const ScopeFieldSchema = z.array(z.enum(["training", "sleep", "recovery", "body"]));

/** Saves the ticked data types for one team (none ticked = stop sharing with it). */
export async function updateSharingAction(_previous: ActionResult<{ scopes: string[] }> | null, formData: FormData): Promise<ActionResult<{ scopes: string[] }>> {
  try {
    const viewer = await requireViewer();
    const scopes = ScopeFieldSchema.safeParse(formData.getAll("scope"));
    if (!scopes.success) throw new AppError("bad_request", "Unknown data type.");
    const saved = updateShareScopes(getDb(), viewer, String(formData.get("teamId") ?? ""), scopes.data, { now: Date.now() });
    return { ok: true, data: { scopes: saved } };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  } finally {
    revalidatePath("/settings/sharing");
  }
}

export async function stopSharingAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  stopSharing(getDb(), viewer, String(formData.get("teamId") ?? ""));
  revalidatePath("/settings/sharing");
}

export async function stopSharingEverywhereAction(): Promise<void> {
  const viewer = await requireViewer();
  stopSharingEverywhere(getDb(), viewer);
  revalidatePath("/settings/sharing");
}
