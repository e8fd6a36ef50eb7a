"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { acceptInvitation, declineInvitation } from "@/lib/dal/teams";
import { AppError, toErrorBody, type ActionResult } from "@/lib/errors";

const ScopeFieldSchema = z.array(z.enum(["training", "sleep", "recovery", "body"]));

/** Accepts with the ticked data types; athletes land on their sharing settings, new coaches on the team. */
export async function acceptInvitationAction(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  let target: string;
  try {
    const viewer = await requireViewer();
    const scopes = ScopeFieldSchema.safeParse(formData.getAll("scope"));
    if (!scopes.success) throw new AppError("bad_request", "Unknown data type.");
    const accepted = acceptInvitation(getDb(), viewer, String(formData.get("token") ?? ""), { scopes: scopes.data }, { now: Date.now() });
    target = accepted.kind === "coach" ? `/teams/${accepted.teamId}` : `/settings/sharing?joined=${accepted.teamId}`;
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  }
  revalidatePath("/", "layout");
  redirect(target);
}

/** Declines: nothing is shared or recorded. */
export async function declineInvitationAction(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  let teamName: string;
  try {
    const viewer = await requireViewer();
    teamName = declineInvitation(getDb(), viewer, String(formData.get("token") ?? ""), { now: Date.now() }).teamName;
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  }
  redirect(`/invite/declined?team=${encodeURIComponent(teamName)}`);
}
