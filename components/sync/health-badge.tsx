import type { SyncHealth, SyncHealthState } from "@/lib/sync/health";
import { formatAgo } from "./time";

const STATE_WORDS: Record<SyncHealthState, { label: string; tone: string }> = {
  ok: { label: "Synced", tone: "text-ok border-ok" },
  never_synced: { label: "Never synced", tone: "text-muted border-border" },
  syncing: { label: "Syncing", tone: "text-fg border-accent" },
  not_connected: { label: "Not connected", tone: "text-muted border-border" },
  reconnect_needed: { label: "Reconnect needed", tone: "text-high border-high" },
  consents_needed: { label: "Consents needed", tone: "text-high border-high" },
  rate_limited: { label: "Rate-limited", tone: "text-watch border-watch" },
  failing: { label: "Failing", tone: "text-high border-high" },
};

/** The detail line under a badge, in plain words with the fix. */
export function describeHealth(health: Pick<SyncHealth, "state" | "lastSuccessAt" | "nextAttemptAt" | "failingSince" | "lastError">, now: number): string {
  const last = health.lastSuccessAt === null ? "never synced" : `last synced ${formatAgo(health.lastSuccessAt, now)}`;
  switch (health.state) {
    case "ok":
      return `Last synced ${formatAgo(health.lastSuccessAt ?? now, now)}.`;
    case "never_synced":
      return "No sync has finished yet.";
    case "syncing":
      return `A sync is running (${last}).`;
    case "not_connected":
      return "Not connected to Polar: sign in with Polar to connect.";
    case "reconnect_needed":
      return `Polar no longer accepts the connection (${last}): sign in with Polar again.`;
    case "consents_needed":
      return `Polar needs the data-sharing consents accepted at account.polar.com (${last}).`;
    case "rate_limited":
      return health.nextAttemptAt === null
        ? `Polar's request limit was reached (${last}); the next sync continues.`
        : `Polar's request limit was reached (${last}); next attempt ${new Date(health.nextAttemptAt).toISOString().slice(11, 16)} UTC.`;
    case "failing":
      return `Failing since ${health.failingSince === null ? "the last attempt" : formatAgo(health.failingSince, now)}${health.lastError ? `: ${health.lastError.message}` : ""}`;
  }
}

/** A compact sync-health badge (header, roster rows); the detail is its tooltip and accessible description. */
export function HealthBadge({ health, now }: { health: Pick<SyncHealth, "state" | "lastSuccessAt" | "nextAttemptAt" | "failingSince" | "lastError">; now: number }) {
  const words = STATE_WORDS[health.state];
  const detail = describeHealth(health, now);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium ${words.tone}`}
      title={detail}
      data-testid="sync-health-badge"
      data-state={health.state}
    >
      {words.label}
      <span className="sr-only">: {detail}</span>
    </span>
  );
}
