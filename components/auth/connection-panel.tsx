import { CheckConnectionForm } from "@/components/auth/check-connection-form";
import { ConnectionBadge } from "@/components/auth/connection-badge";
import { formatInstantUtc } from "@/components/charts/format";
import { RetryRegistrationForm } from "@/components/auth/retry-registration-form";
import { SignInButton } from "@/components/auth/sign-in-button";
import type { FormAction } from "@/components/forms/action-form";
import type { ConnectionState } from "@/lib/auth/connection";
import type { AccountDTO } from "@/lib/dal/account";

/** The page's server actions (app/settings/actions.ts), passed down so this component imports nothing from app/. */
export type ConnectionActions = {
  retryRegistration: FormAction<{ name: string | null }>;
  checkConnection: FormAction<{ state: ConnectionState }>;
};

const POLAR_ACCOUNT_URL = "https://account.polar.com";

/** The query flag the reconnect button's return trip carries, so the page can say how the reconnect went. */
export const RECONNECTED_PARAM = "reconnected";

/** What came of a reconnect: Polar's refusal in words, or that the link works again. */
function ReconnectOutcome({ account }: { account: AccountDTO }) {
  const connection = account.connection;
  if (connection && connection.state === "connected" && connection.registrationStatus === "registered") {
    return (
      <p role="status" className="text-sm text-ok" data-testid="reconnect-outcome" data-ok="true">
        Reconnected: Polar accepts Threshold&apos;s access again.
      </p>
    );
  }
  const reason =
    connection?.stateDetail ?? connection?.registrationError ?? "Polar did not accept the new sign-in.";
  return (
    <p role="alert" className="text-sm font-medium text-high" data-testid="reconnect-outcome" data-ok="false">
      Polar still refuses access: {reason}
    </p>
  );
}

/**
 * The athlete's Polar link: facts, the current state, and the one action that fixes it. `reconnected` is set
 * on the return from "Reconnect with Polar", to say whether it helped.
 */
export function ConnectionPanel({
  account,
  returnTo,
  actions,
  reconnected = false,
}: {
  account: AccountDTO;
  returnTo: string;
  actions: ConnectionActions;
  reconnected?: boolean;
}) {
  const connection = account.connection;
  const reconnectReturn = `${returnTo}${returnTo.includes("?") ? "&" : "?"}${RECONNECTED_PARAM}=1`;
  return (
    <section aria-labelledby="polar-connection" className="space-y-4 rounded-lg border border-border bg-surface p-4">
      <h2 id="polar-connection" className="text-lg font-semibold">
        Polar connection
      </h2>
      {reconnected ? <ReconnectOutcome account={account} /> : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
        <dt className="text-muted">Athlete</dt>
        <dd data-testid="account-name">{account.name ?? "—"}</dd>
        <dt className="text-muted">Polar user id</dt>
        <dd data-testid="account-polar-user-id">{account.polarUserId ?? "—"}</dd>
        <dt className="text-muted">Registered at Polar</dt>
        <dd data-testid="account-registered-at">
          {connection?.registrationStatus === "registered" ? formatInstantUtc(connection.registeredAt) : "not yet"}
        </dd>
        <dt className="text-muted">Connection</dt>
        <dd className="flex flex-wrap items-center gap-2">
          <ConnectionBadge
            state={connection?.state ?? "disconnected"}
            registrationStatus={connection?.registrationStatus ?? null}
          />
          {connection?.stateChangedAt ? (
            <span className="text-muted">since {formatInstantUtc(connection.stateChangedAt)}</span>
          ) : null}
        </dd>
        <dt className="text-muted">Signed in with Polar</dt>
        <dd>{connection ? formatInstantUtc(connection.tokenIssuedAt) : "—"}</dd>
      </dl>

      {!connection || connection.state === "disconnected" ? (
        <div className="space-y-2" data-testid="fix-disconnected">
          <p className="text-sm">Threshold has no working link to your Polar account. Sign in with Polar to connect.</p>
          <SignInButton callbackUrl={reconnectReturn} label="Connect with Polar" testId="reconnect-polar" />
        </div>
      ) : null}

      {connection?.state === "reconnect_needed" ? (
        <div className="space-y-2" data-testid="fix-reconnect">
          <p className="text-sm">
            {connection.stateDetail ??
              "Polar no longer accepts Threshold's access (it was revoked at Polar). Sign in with Polar again to reconnect."}
          </p>
          <SignInButton callbackUrl={reconnectReturn} label="Reconnect with Polar" testId="reconnect-polar" />
        </div>
      ) : null}

      {connection?.state === "consents_needed" ? (
        <div className="space-y-2" data-testid="fix-consents">
          <p className="text-sm">
            Polar shares data only after you accept its mandatory consents. Accept them at{" "}
            <a href={POLAR_ACCOUNT_URL} className="font-medium text-accent underline" rel="noreferrer" target="_blank">
              account.polar.com
            </a>
            , then check the connection again.
          </p>
        </div>
      ) : null}

      {connection && connection.registrationStatus !== "registered" && connection.state !== "reconnect_needed" ? (
        <div className="space-y-2" data-testid="fix-registration" data-state={connection.registrationStatus}>
          <p className="text-sm">
            {connection.registrationStatus === "failed"
              ? `Registering you at Polar AccessLink failed: ${connection.registrationError ?? "unknown error"}`
              : "Registration at Polar AccessLink has not finished yet."}{" "}
            No data can be synced until registration succeeds.
          </p>
          <RetryRegistrationForm action={actions.retryRegistration} />
        </div>
      ) : null}

      {connection ? <CheckConnectionForm action={actions.checkConnection} /> : null}
    </section>
  );
}
