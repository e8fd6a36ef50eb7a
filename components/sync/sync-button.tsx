"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { SyncRunDTO } from "@/lib/contracts/sync-run";
import { queryKeys } from "@/lib/query/keys";
import { currentRunQueryOptions, postSync, syncRunQueryOptions } from "@/lib/query/sync";
import {
  describeProgressStep,
  estimateRemainingMs,
  formatRemaining,
  listFinishedResources,
  progressFraction,
  summarizeArrivals,
} from "./format";

type Observation = { runId: string; at: number; itemsDone: number };

/**
 * Click-to-sync with live progress. On mount it asks for the athlete's running run and reattaches (a reload
 * mid-run keeps showing progress); a click starts a run or joins the one going. When the run ends, every query
 * is invalidated and the server components re-render, and a summary says what arrived.
 */
export function SyncButton() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const finishedRef = useRef<string | null>(null);
  const [firstSeen, setFirstSeen] = useState<Observation | null>(null);

  const run = useQuery({ ...syncRunQueryOptions(runId ?? ""), enabled: runId !== null });
  const view: SyncRunDTO | undefined = run.data && run.data.runId === runId ? run.data : undefined;
  const isRunning = isStarting || (runId !== null && (view === undefined || view.status === "running") && !run.isError);
  const current = useQuery(currentRunQueryOptions(!isRunning));

  // Reattach to a run the server reports (after a reload, or one a webhook or the scheduler started) when
  // that report is newer than what we know of our own run.
  const currentRunId = current.data?.run?.runId ?? null;
  if (currentRunId !== null && currentRunId !== runId && !isRunning && current.dataUpdatedAt > run.dataUpdatedAt) {
    setRunId(currentRunId);
  }
  // The first poll of a run seen here anchors the pace behind the estimate of time left.
  if (view && view.status === "running" && firstSeen?.runId !== view.runId) {
    setFirstSeen({ runId: view.runId, at: run.dataUpdatedAt, itemsDone: view.itemsDone });
  }

  const status = view?.status;
  useEffect(() => {
    if (!runId || !status || status === "running" || finishedRef.current === runId) return;
    finishedRef.current = runId;
    const syncPrefix = queryKeys.sync();
    void queryClient.invalidateQueries({
      queryKey: queryKeys.all,
      // Everything the run may have changed; not the sync queries themselves (they poll on their own).
      predicate: (query) => !syncPrefix.every((part, index) => query.queryKey[index] === part),
    });
    router.refresh();
  }, [runId, status, queryClient, router]);

  async function onClick() {
    setStartError(null);
    setIsStarting(true);
    try {
      const started = await postSync();
      if (started.runId !== runId) {
        finishedRef.current = null;
        setRunId(started.runId);
      }
    } catch (error) {
      setStartError(error instanceof Error ? error.message : "The sync could not start.");
    } finally {
      setIsStarting(false);
    }
  }

  const fraction = view ? progressFraction(view) : null;
  const remaining =
    view && view.status === "running" && firstSeen && firstSeen.runId === view.runId
      ? formatRemaining(estimateRemainingMs(firstSeen, { at: run.dataUpdatedAt, itemsDone: view.itemsDone, itemsTotal: view.itemsTotal }))
      : null;

  const finished = view && view.status === "running" ? listFinishedResources(view) : [];
  // The status area keeps one size whether idle, running or done, so the page never jumps while a sync runs:
  // the bar sits beside the button, and the words take two reserved lines.
  return (
    <div className="flex w-80 min-w-0 max-w-full flex-col gap-1" data-testid="sync-panel">
      <div className="flex min-h-9 flex-wrap items-center gap-2">
        <Button
          onClick={onClick}
          aria-busy={isRunning}
          data-testid="sync-button"
          data-state={isRunning ? "running" : (status ?? "idle")}
          data-run-id={runId ?? undefined}
          variant="primary"
          disabled={isStarting}
        >
          <span aria-hidden>{isRunning ? "⟳ " : "↻ "}</span>
          {isRunning ? "Syncing…" : "Sync"}
        </Button>
        {view && view.status === "running" ? (
          <div
            role="progressbar"
            aria-label="Sync progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
            className="h-2 min-w-16 flex-1 overflow-hidden rounded bg-border"
          >
            <div
              className={`h-full bg-accent transition-[width] ${fraction === null ? "w-1/4 animate-pulse" : ""}`}
              style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
            />
          </div>
        ) : null}
      </div>

      <div className="min-h-8 min-w-0" data-testid="sync-status-area">
        {startError ? (
          <p role="alert" className="text-xs text-high" data-testid="sync-start-error">
            {startError}
          </p>
        ) : view && view.status === "running" ? (
          <div className="min-w-0 text-xs text-muted" aria-live="polite" data-testid="sync-progress" data-items-done={view.itemsDone} data-items-total={view.itemsTotal}>
            <p className="truncate">
              <span data-testid="sync-step">{describeProgressStep(view)}</span>
              {remaining ? <span data-testid="sync-eta"> · {remaining}</span> : null}
            </p>
            <ul className="truncate" data-testid="sync-counts" title={finished.map((item) => item.text).join(" · ")}>
              {finished.map((item, index) => (
                <li key={item.resource} data-resource={item.resource} className="inline">
                  {index > 0 ? " · " : null}
                  {item.text}
                </li>
              ))}
            </ul>
          </div>
        ) : view ? (
          <RunSummary view={view} />
        ) : null}
        {run.isError ? (
          <p role="alert" className="text-xs text-high">
            Lost track of the sync; reload the page to see its result.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function RunSummary({ view }: { view: SyncRunDTO }) {
  const { text, unreadable } = summarizeArrivals(view.counts);
  const failed = view.status === "failed";
  const firstError = view.errors.find((error) => error.code !== "quarantined");
  return (
    <p className={`text-xs ${failed ? "text-high" : "text-muted"}`} role={failed ? "alert" : "status"} data-testid="sync-summary" data-status={view.status}>
      {failed ? `Sync failed: ${firstError?.message ?? "please try again."}` : `Sync finished: ${text}.`}
      {!failed && firstError ? ` ${firstError.message}` : null}
      {failed || unreadable > 0 || firstError ? (
        <>
          {" — "}
          <Link href="/dashboard/sync" className="underline" data-testid="sync-details">
            details
          </Link>
        </>
      ) : null}
    </p>
  );
}
