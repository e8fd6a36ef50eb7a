"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { activateWebhookAsAdmin, createWebhookAsAdmin, deleteWebhookAsAdmin, type WebhookOutcomeCode } from "@/lib/dal/webhook-admin";

/** Each action reports back with a stable code in the URL, so the page works without client JavaScript. */
function back(code: WebhookOutcomeCode): never {
  revalidatePath("/settings/webhook");
  redirect(`/settings/webhook?outcome=${code}`);
}

export async function createWebhookAction(): Promise<void> {
  back(await createWebhookAsAdmin());
}

export async function activateWebhookAction(): Promise<void> {
  back(await activateWebhookAsAdmin());
}

export async function deleteWebhookAction(): Promise<void> {
  back(await deleteWebhookAsAdmin());
}
