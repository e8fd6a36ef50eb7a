"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db";
import { createApiToken, revokeApiToken, type ApiTokenDTO, type CreatedApiTokenDTO } from "@/lib/dal/api-tokens";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

/** Creates a token from the form; the clear token is in the result only (shown once by the form). */
export async function createApiTokenAction(_previous: ActionResult<CreatedApiTokenDTO> | null, formData: FormData): Promise<ActionResult<CreatedApiTokenDTO>> {
  const result = await action((viewer) => {
    const expiryChoice = String(formData.get("expiry") ?? "");
    return createApiToken(
      getDb(),
      viewer,
      {
        name: String(formData.get("name") ?? ""),
        scopes: formData.getAll("scope").map(String),
        expiry: expiryChoice === "date" ? String(formData.get("expiryDate") ?? "") : expiryChoice,
      },
      { now: Date.now() },
    );
  });
  revalidatePath("/settings/api");
  return result;
}

export async function revokeApiTokenAction(_previous: ActionResult<ApiTokenDTO> | null, formData: FormData): Promise<ActionResult<ApiTokenDTO>> {
  const result = await action((viewer) => revokeApiToken(getDb(), viewer, String(formData.get("tokenId") ?? ""), { now: Date.now() }));
  revalidatePath("/settings/api");
  return result;
}
