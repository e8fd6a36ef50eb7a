import type { SyncRunDTO } from "@/lib/contracts/sync-run";
import type { SyncLogEntryDTO } from "@/lib/dal/sync-log";
import { formatDuration, formatInstantUtc } from "@/components/charts/format";
import { describeCounts, RESOURCE_ORDER, RESOURCE_WORDS, TRIGGER_WORDS } from "./format";

const STATUS_WORDS: Record<SyncRunDTO["status"], { label: string; tone: string }> = {
  running: { label: "Running", tone: "text-fg" },
  succeeded: { label: "Succeeded", tone: "text-ok" },
  partial: { label: "Partly succeeded", tone: "text-watch" },
  failed: { label: "Failed", tone: "text-high" },
};


/**
 * The sync log, newest first: one card per run with its counts per data type and each error with its fix; a
 * streak of identical failures is one card with its count and time span.
 */
export function RunHistory({ entries }: { entries: SyncLogEntryDTO[] }) {
  if (entries.length === 0) {
    return (
      <p className="text-sm text-muted" data-testid="sync-history-empty">
        No sync has run yet. Click Sync to pull your Polar data.
      </p>
    );
  }
  return (
    <ol className="space-y-3" data-testid="sync-history">
      {entries.map(({ run, repeats, oldestStartedAt }) => {
        const status = STATUS_WORDS[run.status];
        return (
          <li
            key={run.runId}
            className="rounded-lg border border-border bg-surface p-4"
            data-testid="sync-history-run"
            data-run-id={run.runId}
            data-status={run.status}
            data-repeats={repeats}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-semibold">
                <span className={status.tone}>{status.label}</span>
                {repeats > 1 ? (
                  <span className="ml-2 text-sm font-normal" data-testid="sync-history-repeats">
                    {repeats} times in a row, {formatInstantUtc(oldestStartedAt)} – {formatInstantUtc(run.startedAt)}
                  </span>
                ) : null}
                <span className="ml-2 text-sm font-normal text-muted" data-testid="sync-history-kind" data-kind={run.kind}>
                  {run.kind === "import" ? "Import of your Polar archive · " : ""}
                  {TRIGGER_WORDS[run.trigger] ?? run.trigger}
                  {run.webhookEvents > 0 ? ` · ${run.webhookEvents} Polar ${run.webhookEvents === 1 ? "notification" : "notifications"}` : ""}
                </span>
              </p>
              <p className="text-sm text-muted">
                {formatInstantUtc(run.startedAt)} · {run.status === "running" ? run.step : formatDuration(run.durationMs, { unit: "milliseconds" })} · {run.requestCount} Polar{" "}
                {run.requestCount === 1 ? "request" : "requests"}
              </p>
            </div>
            <dl className="mt-2 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="sync-history-counts">
              {RESOURCE_ORDER.flatMap((resource) => {
                const counts = run.counts[resource];
                return counts
                  ? [
                      <div key={resource} className="flex justify-between gap-2" data-resource={resource}>
                        <dt className="text-muted">{RESOURCE_WORDS[resource].label}</dt>
                        <dd className="tabular-nums">{describeCounts(counts)}</dd>
                      </div>,
                    ]
                  : [];
              })}
            </dl>
            {run.errors.length > 0 ? (
              <ul className="mt-3 space-y-2 text-sm" data-testid="sync-history-errors">
                {run.errors.map((error, index) => (
                  <li key={`${error.code}-${index}`} className="rounded-md border border-border px-3 py-2" data-code={error.code}>
                    <p>
                      {error.resource === "run" ? null : <span className="font-medium">{RESOURCE_WORDS[error.resource].label}: </span>}
                      {error.message}
                    </p>
                    <p className="text-muted" data-testid="sync-error-action" data-action={error.action.kind}>
                      {"href" in error.action ? (
                        <a href={error.action.href} className="underline" {...(error.action.href.startsWith("http") ? { target: "_blank", rel: "noreferrer" } : {})}>
                          {error.action.label}
                        </a>
                      ) : (
                        error.action.label
                      )}
                    </p>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
