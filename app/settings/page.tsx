import type { Metadata } from "next";
import { ConnectionPanel } from "@/components/auth/connection-panel";
import { DeleteAccountForm } from "@/components/auth/delete-account-form";
import { WebhookAdminLink } from "@/components/sync/webhook-admin-link";
import { getAccount } from "@/lib/dal/account";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const account = await getAccount();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <ConnectionPanel account={account} returnTo="/settings" />
      <WebhookAdminLink />
      <a href="/settings/sharing" className="block rounded-lg border border-border bg-surface p-4 font-medium text-accent hover:underline" data-testid="settings-sharing-link">Sharing: coaches and teams that see your data →</a>

      <section aria-labelledby="your-data" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="your-data" className="text-lg font-semibold">
          Your data
        </h2>
        <p className="text-sm text-muted">
          Download everything Threshold stores about you: JSON in one file, or a ZIP with one CSV per table.
        </p>
        <div className="flex flex-wrap gap-3">
          <a href="/api/export?format=json" className="rounded-md border border-border px-3 py-1.5 text-sm font-medium" data-testid="export-json">
            Export JSON
          </a>
          <a href="/api/export?format=csv" className="rounded-md border border-border px-3 py-1.5 text-sm font-medium" data-testid="export-csv">
            Export CSV (ZIP)
          </a>
        </div>
      </section>

      <section aria-labelledby="delete-account" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="delete-account" className="text-lg font-semibold">
          Disconnect and delete
        </h2>
        <p className="text-sm text-muted">
          De-registers you at Polar and deletes your Threshold account with all its data.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
