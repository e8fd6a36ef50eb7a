"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth";
import { checkConnection, deleteAccount, retryRegistration } from "@/lib/dal/account";
import { toErrorBody, type ActionResult } from "@/lib/errors";
import type { ConnectionState } from "@/lib/auth/connection";

export async function retryRegistrationAction(): Promise<ActionResult<{ name: string | null }>> {
  try {
    const data = await retryRegistration();
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  } finally {
    // The header badge and every page showing the connection read the new state.
    revalidatePath("/", "layout");
  }
}

export async function checkConnectionAction(): Promise<ActionResult<{ state: ConnectionState }>> {
  try {
    const data = await checkConnection();
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  } finally {
    revalidatePath("/", "layout");
  }
}

/**
 * Deletes the athlete everywhere, then signs out. On success the browser lands on /signin with a notice that
 * says whether Polar confirmed the de-registration or it will be retried.
 */
export async function deleteAccountAction(): Promise<ActionResult<never>> {
  let outcome: Awaited<ReturnType<typeof deleteAccount>>;
  try {
    outcome = await deleteAccount();
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  }
  // The session row went with the user (cascade); this clears the cookie. redirect() throws, so it stays
  // outside the try.
  await signOut({ redirect: false });
  redirect(`/signin?deleted=${outcome.deregistration}`);
}
