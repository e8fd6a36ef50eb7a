"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { acceptInvitation, declineInvitation } from "@/lib/dal/teams";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

const ScopeFieldSchema = z.array(z.enum(["training", "sleep", "recovery", "body"]), { error: "Unknown data type." });

/** Accepts with the ticked data types; athletes land on their sharing settings, new coaches on the team. */
export async function acceptInvitationAction(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  return action((viewer) => {
    const scopes = ScopeFieldSchema.parse(formData.getAll("scope"));
    const accepted = acceptInvitation(getDb(), viewer, String(formData.get("token") ?? ""), { scopes }, { now: Date.now() });
    revalidatePath("/", "layout");
    redirect(accepted.kind === "coach" ? `/teams/${accepted.teamId}` : `/settings/sharing?joined=${accepted.teamId}`);
  });
}

/** Declines: nothing is shared or recorded. */
export async function declineInvitationAction(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  return action((viewer) => {
    const { teamName } = declineInvitation(getDb(), viewer, String(formData.get("token") ?? ""), { now: Date.now() });
    redirect(`/invite/declined?team=${encodeURIComponent(teamName)}`);
  });
}
