import type { Metadata } from "next";
import Link from "next/link";
import { formatInstantUtc } from "@/components/charts/format";
import { Button } from "@/components/ui/button";
import {
  describeWebhookOutcome,
  expectedWebhookUrl,
  getWebhookAdminView,
  isViewerWebhookAdmin,
  WEBHOOK_OUTCOME_CODES,
  type WebhookOutcomeCode,
} from "@/lib/dal/webhook-admin";
import { ActionForm } from "@/components/forms/action-form";
import { requirePageViewer } from "@/lib/auth/session";
import { activateWebhookAction, createWebhookAction, deleteWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Polar webhook" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function readOutcome(value: string | string[] | undefined): WebhookOutcomeCode | null {
  const code = Array.isArray(value) ? value[0] : value;
  return WEBHOOK_OUTCOME_CODES.find((known) => known === code) ?? null;
}


/**
 * /settings/webhook — for the instance owner only (ADMIN_POLAR_USER_IDS); everyone else reads a plain
 * explanation (the actions check the same rule in lib/dal). Manages
 * the Polar client's one webhook: create (stores the secret encrypted), see whether Polar reports it active,
 * re-activate after Polar's auto-deactivation, delete.
 */
export default async function WebhookSettingsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageViewer("/settings/webhook");
  if (!(await isViewerWebhookAdmin())) return <WebhookNotAdmin />;
  const [view, params] = await Promise.all([getWebhookAdminView(), searchParams]);
  const url = expectedWebhookUrl();
  const outcome = readOutcome(params.outcome);
  const outcomeText = outcome ? describeWebhookOutcome(outcome, url) : null;
  const status = view.status;
  const atPolar = status?.atPolar ?? null;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Polar webhook</h1>
      <p className="text-sm text-muted">
        Polar notifies this instance when an athlete&apos;s new data is ready, so it syncs without waiting for the schedule. One webhook
        serves every athlete of the Polar client. Scheduled polling stays on either way.
      </p>
      {outcomeText ? (
        <p role={outcomeText.ok ? "status" : "alert"} className={`text-sm ${outcomeText.ok ? "text-ok" : "text-high"}`} data-testid="webhook-outcome" data-code={outcome}>
          {outcomeText.message}
        </p>
      ) : null}
      {view.error ? (
        <p role="alert" className="text-sm text-high" data-testid="webhook-error">
          {view.error}
        </p>
      ) : null}

      <section aria-labelledby="webhook-status" className="space-y-3 rounded-lg border border-border bg-surface p-4" data-testid="webhook-status">
        <h2 id="webhook-status" className="text-lg font-semibold">
          Status
        </h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-muted">Receiver URL</dt>
          <dd className="break-all font-mono">{url}</dd>
          <dt className="text-muted">At Polar</dt>
          <dd data-testid="webhook-active" data-active={atPolar ? String(atPolar.active) : "none"}>
            {atPolar === null ? "No webhook" : atPolar.active ? "Active" : "Inactive — Polar stopped delivering (7 days of failed deliveries?)"}
          </dd>
          {atPolar ? (
            <>
              <dt className="text-muted">Polar&apos;s URL</dt>
              <dd className="break-all font-mono">
                {atPolar.url}
                {atPolar.url !== url ? <span className="ml-2 font-sans text-watch">differs from this instance&apos;s URL</span> : null}
              </dd>
              <dt className="text-muted">Events</dt>
              <dd>{atPolar.events.join(", ")}</dd>
            </>
          ) : null}
          <dt className="text-muted">Signature secret</dt>
          <dd data-testid="webhook-secret" data-stored={String(status?.secretMatches ?? false)}>
            {status?.secretMatches
              ? "Stored encrypted"
              : status?.stored
                ? "Stored, but for a webhook Polar no longer lists: delete and create again"
                : "Not stored here: deliveries cannot be verified and are refused"}
          </dd>
          <dt className="text-muted">Last checked</dt>
          <dd>{status?.stored?.checkedAt ? formatInstantUtc(status.stored.checkedAt) : "never"}</dd>
        </dl>
      </section>

      <section aria-labelledby="webhook-actions" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="webhook-actions" className="text-lg font-semibold">
          Manage
        </h2>
        <div className="flex flex-wrap gap-3">
          {atPolar === null ? (
            <ActionForm action={createWebhookAction} testId="webhook-create-form">
              <Button type="submit" data-testid="webhook-create">
                Create webhook
              </Button>
            </ActionForm>
          ) : null}
          {atPolar !== null && !atPolar.active ? (
            <ActionForm action={activateWebhookAction} testId="webhook-activate-form">
              <Button type="submit" data-testid="webhook-activate">
                Activate
              </Button>
            </ActionForm>
          ) : null}
          {atPolar !== null || status?.stored ? (
            <ActionForm action={deleteWebhookAction} testId="webhook-delete-form">
              <Button type="submit" variant="danger" data-testid="webhook-delete">
                Delete webhook
              </Button>
            </ActionForm>
          ) : null}
        </div>
        <p className="text-xs text-muted">Also from a terminal: npm run webhook -- status | create | activate | delete</p>
      </section>
    </div>
  );
}

/** What a non-admin sees: there is nothing for them to do here, and why. */
function WebhookNotAdmin() {
  return (
    <div className="max-w-2xl space-y-4" data-testid="webhook-not-admin">
      <h1 className="text-2xl font-bold tracking-tight">Polar webhook</h1>
      <p>
        The webhook lets Polar tell this instance when new data is ready. It is set up once for the whole instance by its owner (the
        Polar accounts listed in <code className="font-mono text-sm">ADMIN_POLAR_USER_IDS</code>), so there is nothing to change here
        from your account.
      </p>
      <p className="text-muted">
        Your data syncs either way: when you click Sync, and on the schedule. To see when it last synced, open{" "}
        <Link href="/dashboard/sync" className="underline">
          Sync
        </Link>
        .
      </p>
    </div>
  );
}
