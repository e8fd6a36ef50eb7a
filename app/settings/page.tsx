import type { Metadata } from "next";
import { ConnectionPanel, RECONNECTED_PARAM } from "@/components/auth/connection-panel";
import { DeleteAccountForm } from "@/components/auth/delete-account-form";
import { DisplayNameForm } from "@/components/auth/display-name-form";
import { SyncSettingsForm } from "@/components/settings/sync-settings-form";
import { ImportHistory } from "@/components/import/import-history";
import { WebhookAdminLink } from "@/components/sync/webhook-admin-link";
import { requirePageViewer } from "@/lib/auth/session";
import { getAccount } from "@/lib/dal/account";
import { getViewerSyncSettings } from "@/lib/dal/sync";
import { checkConnectionAction, deleteAccountAction, retryRegistrationAction, saveDisplayNameAction, updateSyncSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SettingsPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requirePageViewer("/settings");
  const [account, params] = await Promise.all([getAccount(), searchParams]);
  const syncSettings = getViewerSyncSettings(viewer);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Settings</h1>
      <ConnectionPanel
        account={account}
        returnTo="/settings"
        reconnected={params[RECONNECTED_PARAM] === "1"}
        actions={{ retryRegistration: retryRegistrationAction, checkConnection: checkConnectionAction }}
      />
      <section aria-labelledby="your-name" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="your-name" className="text-lg font-semibold">
          Your name
        </h2>
        <p className="text-sm text-muted">Shown in the header, to the coaches you share with, and in your reports.</p>
        <DisplayNameForm defaultName={account.name} action={saveDisplayNameAction} />
      </section>
      <WebhookAdminLink />
      <a href="/settings/sharing" className="block rounded-lg border border-border bg-surface p-4 font-medium text-accent hover:underline" data-testid="settings-sharing-link">Sharing: coaches and teams that see your data →</a>
      <a href="/settings/api" className="block rounded-lg border border-border bg-surface p-4 font-medium text-accent hover:underline" data-testid="settings-api-link">API access: tokens for assistants and your own tools →</a>

      <section aria-labelledby="synced-data" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="synced-data" className="text-lg font-semibold">
          Synced data
        </h2>
        <p className="text-sm text-muted">
          Polar grants Threshold all of your data or nothing; here you choose which types are synced and kept.
        </p>
        <SyncSettingsForm settings={syncSettings} action={updateSyncSettingsAction} />
      </section>

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
        <ImportHistory />
      </section>

      <section aria-labelledby="delete-account" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="delete-account" className="text-lg font-semibold">
          Disconnect and delete
        </h2>
        <p className="text-sm text-muted">
          De-registers you at Polar and deletes your Threshold account with all its data.
        </p>
        <DeleteAccountForm action={deleteAccountAction} />
      </section>
    </div>
  );
}
