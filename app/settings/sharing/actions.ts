"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { setShareCheckInNotes } from "@/lib/dal/check-in-sharing";
import { stopSharing, stopSharingEverywhere, updateShareScopes } from "@/lib/dal/sharing";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

const ScopeFieldSchema = z.array(z.enum(["training", "sleep", "recovery", "body"]), { error: "Unknown data type." });
const TeamIdSchema = z.string().max(100);

/** Saves the ticked data types for one team (none ticked = stop sharing with it). */
export async function updateSharingAction(_previous: ActionResult<{ scopes: string[] }> | null, formData: FormData): Promise<ActionResult<{ scopes: string[] }>> {
  const result = await action((viewer) => {
    const scopes = ScopeFieldSchema.parse(formData.getAll("scope"));
    return { scopes: updateShareScopes(getDb(), viewer, TeamIdSchema.parse(String(formData.get("teamId") ?? "")), scopes, { now: Date.now() }) };
  });
  revalidatePath("/settings/sharing");
  return result;
}

export async function stopSharingAction(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  return action((viewer) => {
    stopSharing(getDb(), viewer, TeamIdSchema.parse(String(formData.get("teamId") ?? "")));
    revalidatePath("/settings/sharing");
    return null;
  });
}

export async function stopSharingEverywhereAction(): Promise<ActionResult<null>> {
  return action((viewer) => {
    stopSharingEverywhere(getDb(), viewer);
    revalidatePath("/settings/sharing");
    return null;
  });
}

/** Turns "share my check-in notes" with one team on or off (`on` = "true" | "false"). */
export async function setCheckInNotesSharingAction(_previous: ActionResult<{ on: boolean }> | null, formData: FormData): Promise<ActionResult<{ on: boolean }>> {
  return action((viewer) => {
    const on = z.enum(["true", "false"], { error: "Sharing check-in notes is on or off." }).parse(String(formData.get("on") ?? ""));
    const saved = setShareCheckInNotes(getDb(), viewer, TeamIdSchema.parse(String(formData.get("teamId") ?? "")), on === "true", { now: Date.now() });
    revalidatePath("/settings/sharing");
    return { on: saved };
  });
}
