"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { CreatedLink } from "@/components/roster/invite-form";
import { getDb } from "@/db";
import { createInvitation, createTeam, removeAthlete, revokeInvitation, setRosterLabel } from "@/lib/dal/teams";
import { getEnv } from "@/lib/env";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

const InvitationFormSchema = z.object({
  teamId: z.string().max(100),
  kind: z.enum(["athlete", "coach"]).catch("athlete"),
  scopes: z.array(z.enum(["training", "sleep", "recovery", "body"]), { error: "Unknown data type." }),
  expiresInDays: z.coerce.number().int().catch(7),
});

const TeamItemSchema = z.object({ teamId: z.string().max(100), itemId: z.string().max(100) });

/** Creates a team with the viewer as coach, then opens it. */
export async function createTeamAction(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  return action((viewer) => {
    const { teamId } = createTeam(getDb(), viewer, { name: String(formData.get("name") ?? "") }, { now: Date.now() });
    redirect(`/teams/${teamId}`);
  });
}

/** A new invitation link; its token is shown once (only its hash is stored). */
export async function createInvitationAction(_previous: ActionResult<CreatedLink> | null, formData: FormData): Promise<ActionResult<CreatedLink>> {
  return action((viewer) => {
    const input = InvitationFormSchema.parse({
      teamId: String(formData.get("teamId") ?? ""),
      kind: formData.get("kind"),
      scopes: formData.getAll("scope"),
      expiresInDays: formData.get("expiresInDays") ?? 7,
    });
    const created = createInvitation(getDb(), viewer, input.teamId, { kind: input.kind, scopes: input.scopes, expiresInDays: input.expiresInDays }, { now: Date.now() });
    revalidatePath(`/teams/${input.teamId}`);
    return { url: new URL(created.path, getEnv().APP_URL).toString(), expiresAt: created.expiresAt, kind: input.kind };
  });
}

export async function revokeInvitationAction(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  return action((viewer) => {
    const { teamId, itemId } = TeamItemSchema.parse({ teamId: String(formData.get("teamId") ?? ""), itemId: String(formData.get("invitationId") ?? "") });
    revokeInvitation(getDb(), viewer, teamId, itemId, { now: Date.now() });
    revalidatePath(`/teams/${teamId}`);
    return null;
  });
}

export async function removeAthleteAction(_previous: ActionResult<null> | null, formData: FormData): Promise<ActionResult<null>> {
  return action((viewer) => {
    const { teamId, itemId } = TeamItemSchema.parse({ teamId: String(formData.get("teamId") ?? ""), itemId: String(formData.get("athleteId") ?? "") });
    removeAthlete(getDb(), viewer, teamId, itemId);
    revalidatePath(`/teams/${teamId}`);
    return null;
  });
}

/** Sets or clears the roster label of an athlete in a team the viewer coaches (an empty field clears it). */
export async function setRosterLabelAction(
  _previous: ActionResult<{ rosterLabel: string | null }> | null,
  formData: FormData,
): Promise<ActionResult<{ rosterLabel: string | null }>> {
  return action((viewer) => {
    const teamId = String(formData.get("teamId") ?? "");
    const data = setRosterLabel(getDb(), viewer, teamId, String(formData.get("athleteId") ?? ""), formData.get("label"));
    revalidatePath(`/teams/${teamId}`);
    return data;
  });
}
