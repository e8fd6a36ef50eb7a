"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { signOut } from "@/lib/auth";
import { toSafeCallbackPath } from "@/lib/auth/callback-url";
import type { ConnectionState } from "@/lib/auth/connection";
import { checkConnection, deleteAccount, retryRegistration, saveDisplayName } from "@/lib/dal/account";
import { updateViewerSyncSettings } from "@/lib/dal/sync";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { z } from "zod";
import type { SyncSettings } from "@/lib/sync/settings";

/** A ticked checkbox posts "on"; an unticked one posts nothing (= switched off). */
const checkbox = z.literal("on").optional().transform((value) => value === "on");

const SyncSettingsFormSchema = z.object({
  training: checkbox,
  dailyActivity: checkbox,
  sleep: checkbox,
  recovery: checkbox,
  continuousHr: checkbox,
  cardioLoad: checkbox,
  body: checkbox,
}) satisfies z.ZodType<SyncSettings>;

export async function retryRegistrationAction(): Promise<ActionResult<{ name: string | null }>> {
  const result = await action(() => retryRegistration());
  // The header badge and every page showing the connection read the new state.
  revalidatePath("/", "layout");
  return result;
}

export async function checkConnectionAction(): Promise<ActionResult<{ state: ConnectionState }>> {
  const result = await action(() => checkConnection());
  revalidatePath("/", "layout");
  return result;
}

/**
 * Saves the athlete's display name. With a `redirectTo` field (the first-sign-in prompt) a success continues
 * to that page; without one (Settings) the form shows the result.
 */
export async function saveDisplayNameAction(
  _previous: ActionResult<{ name: string }> | null,
  formData: FormData,
): Promise<ActionResult<{ name: string }>> {
  const result = await action((viewer) => saveDisplayName(getDb(), viewer.userId, formData.get("name")));
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  const redirectTo = formData.get("redirectTo");
  if (typeof redirectTo === "string") redirect(toSafeCallbackPath(redirectTo));
  return result;
}

/**
 * Deletes the athlete everywhere, then signs out. On success the browser lands on /signin with a notice that
 * says whether Polar confirmed the de-registration or it will be retried.
 */
export async function deleteAccountAction(): Promise<ActionResult<never>> {
  return action(async () => {
    const outcome = await deleteAccount();
    // The session row went with the user (cascade); this clears the cookie.
    await signOut({ redirect: false });
    redirect(`/signin?deleted=${outcome.deregistration}`);
  });
}

/**
 * Saves which data types are synced (design §6). A type switched off stops syncing and its stored rows are
 * deleted by the next sync; the form asks for confirmation before it posts such a change.
 */
export async function updateSyncSettingsAction(_previous: ActionResult<SyncSettings> | null, formData: FormData): Promise<ActionResult<SyncSettings>> {
  return action((viewer) => {
    const saved = updateViewerSyncSettings(viewer, SyncSettingsFormSchema.parse(Object.fromEntries(formData.entries())));
    revalidatePath("/settings");
    return saved;
  });
}
