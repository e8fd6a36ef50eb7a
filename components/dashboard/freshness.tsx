import { formatAgo } from "@/components/sync/time";
import type { FreshnessDTO } from "@/lib/dal/dto";

const CONNECTION_TEXT: Record<string, string> = {
  reconnect_needed: "Polar access expired — sign in with Polar again to reconnect.",
  consents_needed: "Polar needs your consent for data sharing — accept it in Polar Flow, then sync.",
  disconnected: "Not connected to Polar.",
};

/** Data freshness: when the last sync finished and how it went. */
export function Freshness({ freshness, now }: { freshness: FreshnessDTO; now: number }) {
  const connectionText = freshness.connectionState ? CONNECTION_TEXT[freshness.connectionState] : undefined;
  return (
    <div className="text-sm text-muted" data-testid="freshness">
      <span>
        {freshness.lastSyncedAt === null ? "Never synced — click Sync to pull your Polar data." : `Synced ${formatAgo(freshness.lastSyncedAt, now)}`}
        {freshness.lastStatus === "partial" && freshness.lastAttemptAt === freshness.lastSyncedAt ? " (some data could not be read)" : ""}
      </span>
      {freshness.lastStatus === "failed" && freshness.lastAttemptAt !== null ? (
        <span className="block text-high">
          <span aria-hidden>⚠ </span>The last sync attempt failed ({formatAgo(freshness.lastAttemptAt, now)}).
        </span>
      ) : null}
      {connectionText ? (
        <p role="alert" className="text-high">
          <span aria-hidden>⚠ </span>
          {connectionText}
        </p>
      ) : null}
    </div>
  );
}
