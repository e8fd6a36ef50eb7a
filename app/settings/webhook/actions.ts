"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { activateWebhookAsAdmin, createWebhookAsAdmin, deleteWebhookAsAdmin, type WebhookOutcomeCode } from "@/lib/dal/webhook-admin";
import type { ActionResult } from "@/lib/errors";
import { action } from "@/lib/http/action";

/** Each action reports back with a stable code in the URL, so the page shows the outcome after a reload too. */
function back(code: WebhookOutcomeCode): never {
  revalidatePath("/settings/webhook");
  redirect(`/settings/webhook?outcome=${code}`);
}

export async function createWebhookAction(): Promise<ActionResult<never>> {
  return action(async () => back(await createWebhookAsAdmin()));
}

export async function activateWebhookAction(): Promise<ActionResult<never>> {
  return action(async () => back(await activateWebhookAsAdmin()));
}

export async function deleteWebhookAction(): Promise<ActionResult<never>> {
  return action(async () => back(await deleteWebhookAsAdmin()));
}
