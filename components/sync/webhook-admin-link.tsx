import Link from "next/link";
import { isViewerWebhookAdmin } from "@/lib/dal/webhook-admin";

/** Settings link to the webhook section, shown to the instance owner only. */
export async function WebhookAdminLink() {
  if (!(await isViewerWebhookAdmin())) return null;
  return (
    <p className="text-sm">
      <Link href="/settings/webhook" className="underline" data-testid="settings-webhook-link">
        Instance: Polar webhook
      </Link>
    </p>
  );
}
