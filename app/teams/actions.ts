"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { createInvitation, createTeam, removeAthlete, revokeInvitation } from "@/lib/dal/teams";
import { getEnv } from "@/lib/env";
import { AppError, toErrorBody, type ActionResult } from "@/lib/errors";

const ScopeFieldSchema = z.array(z.enum(["training", "sleep", "recovery", "body"]));

/** Creates a team with the viewer as coach, then opens it. */
export async function createTeamAction(_previous: ActionResult<never> | null, formData: FormData): Promise<ActionResult<never>> {
  let teamId: string;
  try {
    const viewer = await requireViewer();
    teamId = createTeam(getDb(), viewer, { name: String(formData.get("name") ?? "") }, { now: Date.now() }).teamId;
  } catch (error) {
    return { ok: false, error: toErrorBody(error instanceof z.ZodError ? new AppError("bad_request", error.issues[0]?.message ?? "Invalid team name") : error).error };
  }
  redirect(`/teams/${teamId}`);
}

export type CreatedLink = { url: string; expiresAt: number; kind: "athlete" | "coach" };

/** A new invitation link; its token is shown once (only its hash is stored). */
export async function createInvitationAction(_previous: ActionResult<CreatedLink> | null, formData: FormData): Promise<ActionResult<CreatedLink>> {
  try {
    const viewer = await requireViewer();
    const teamId = String(formData.get("teamId") ?? "");
    const kind = formData.get("kind") === "coach" ? "coach" : "athlete";
    const scopes = ScopeFieldSchema.safeParse(formData.getAll("scope"));
    if (!scopes.success) throw new AppError("bad_request", "Unknown data type.");
    const days = Number(formData.get("expiresInDays") ?? 7);
    const created = createInvitation(getDb(), viewer, teamId, { kind, scopes: scopes.data, expiresInDays: Number.isInteger(days) ? days : 7 }, { now: Date.now() });
    revalidatePath(`/teams/${teamId}`);
    return { ok: true, data: { url: new URL(created.path, getEnv().APP_URL).toString(), expiresAt: created.expiresAt, kind } };
  } catch (error) {
    return { ok: false, error: toErrorBody(error instanceof z.ZodError ? new AppError("bad_request", error.issues[0]?.message ?? "Invalid input") : error).error };
  }
}

export async function revokeInvitationAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const teamId = String(formData.get("teamId") ?? "");
  revokeInvitation(getDb(), viewer, teamId, String(formData.get("invitationId") ?? ""), { now: Date.now() });
  revalidatePath(`/teams/${teamId}`);
}

export async function removeAthleteAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  const teamId = String(formData.get("teamId") ?? "");
  removeAthlete(getDb(), viewer, teamId, String(formData.get("athleteId") ?? ""));
  revalidatePath(`/teams/${teamId}`);
}
