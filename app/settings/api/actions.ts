"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { requireViewer } from "@/lib/auth/session";
import { createApiToken, revokeApiToken, type CreatedApiTokenDTO } from "@/lib/dal/api-tokens";
import { toErrorBody, type ActionResult } from "@/lib/errors";

/** Creates a token from the form; the clear token is in the result only (shown once by the form). */
export async function createApiTokenAction(_previous: ActionResult<CreatedApiTokenDTO> | null, formData: FormData): Promise<ActionResult<CreatedApiTokenDTO>> {
  try {
    const viewer = await requireViewer();
    const expiryChoice = String(formData.get("expiry") ?? "");
    const input = {
      name: String(formData.get("name") ?? ""),
      scopes: formData.getAll("scope").map(String),
      expiry: expiryChoice === "date" ? String(formData.get("expiryDate") ?? "") : expiryChoice,
    };
    const data = createApiToken(getDb(), viewer, input, { now: Date.now() });
    return { ok: true, data };
  } catch (error) {
    return { ok: false, error: toErrorBody(error).error };
  } finally {
    revalidatePath("/settings/api");
  }
}

export async function revokeApiTokenAction(formData: FormData): Promise<void> {
  const viewer = await requireViewer();
  revokeApiToken(getDb(), viewer, String(formData.get("tokenId") ?? ""), { now: Date.now() });
  revalidatePath("/settings/api");
}
