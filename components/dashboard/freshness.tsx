import { formatAgo } from "@/components/sync/time";
import type { FreshnessDTO } from "@/lib/dal/dto";

export type FreshnessLine = {
  /** Which one state is shown: a connection problem outranks a failed run, which outranks "synced". */
  state: "reconnect_needed" | "consents_needed" | "disconnected" | "failed" | "never_synced" | "synced";
  text: string;
  isProblem: boolean;
};

/**
 * The one sentence the overview says about its data: a broken link to Polar first (with when the data last
 * came in), else a failed last attempt, else when it last synced. Never two states at once: "Never synced",
 * "last sync failed" and "access expired" are one story ("reconnect, nothing has come in yet").
 */
export function describeFreshness(freshness: FreshnessDTO, now: number): FreshnessLine {
  const since = freshness.lastSyncedAt === null ? "nothing has been synced yet" : `data last synced ${formatAgo(freshness.lastSyncedAt, now)}`;
  switch (freshness.connectionState) {
    case "reconnect_needed":
      return { state: "reconnect_needed", isProblem: true, text: `Polar no longer accepts Threshold's access (${since}). Reconnect with Polar in Settings.` };
    case "consents_needed":
      return { state: "consents_needed", isProblem: true, text: `Polar needs your data-sharing consent (${since}). Accept it at account.polar.com, then sync.` };
    case "disconnected":
      return { state: "disconnected", isProblem: true, text: `Not connected to Polar (${since}). Connect with Polar in Settings.` };
    default:
      break;
  }
  if (freshness.lastStatus === "failed" && freshness.lastAttemptAt !== null) {
    return { state: "failed", isProblem: true, text: `The last sync attempt failed (${formatAgo(freshness.lastAttemptAt, now)}); ${since}.` };
  }
  if (freshness.lastSyncedAt === null) {
    return { state: "never_synced", isProblem: false, text: "Never synced — click Sync to pull your Polar data." };
  }
  const partial = freshness.lastStatus === "partial" && freshness.lastAttemptAt === freshness.lastSyncedAt ? " (some data could not be read)" : "";
  return { state: "synced", isProblem: false, text: `Synced ${formatAgo(freshness.lastSyncedAt, now)}${partial}` };
}

/** Data freshness: one line, one state (see describeFreshness); a problem links to the fix. */
export function Freshness({ freshness, now }: { freshness: FreshnessDTO; now: number }) {
  const line = describeFreshness(freshness, now);
  return (
    <div className="text-sm text-muted" data-testid="freshness" data-state={line.state}>
      {line.isProblem ? (
        <p role="alert" className="text-high">
          <span aria-hidden>⚠ </span>
          {line.text}
        </p>
      ) : (
        <span>{line.text}</span>
      )}
    </div>
  );
}
