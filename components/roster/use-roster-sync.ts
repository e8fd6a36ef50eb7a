"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import type { RosterSyncProgressDTO } from "@/lib/dal/roster/sync";
import { postRosterSync, rosterSyncProgressQueryOptions } from "@/lib/query/roster";

export type RosterProgress = Record<string, RosterSyncProgressDTO>;

export type RosterSyncState = {
  progress: RosterProgress;
  message: string | null;
  startSync: (athleteIds: string[] | null) => Promise<void>;
};

/**
 * Roster syncs: start the athletes' own runs, then follow their progress through React Query's
 * refetchInterval (every second while any run goes); when none is left running, the page re-renders from the
 * server so the rows show the new data.
 * @param isRunningAtLoad whether a run was going when the page rendered (a reload mid-sync keeps following it).
 */
export function useRosterSync(teamId: string, isRunningAtLoad: boolean): RosterSyncState {
  const router = useRouter();
  const [started, setStarted] = useState<RosterProgress>({});
  const [message, setMessage] = useState<string | null>(null);
  const runs = useMemo(() => Object.values(started).flatMap((item) => (item.runId ? [`${item.athleteId}:${item.runId}`] : [])), [started]);
  // Polls while runs go (refetchInterval stops by itself once none is running, or after an error).
  const query = useQuery(rosterSyncProgressQueryOptions(teamId, runs, isRunningAtLoad || runs.length > 0));

  // When a poll finds nothing running any more, the page re-renders from the server once for that answer.
  const data = query.data;
  const answeredAt = query.dataUpdatedAt;
  const refreshedFor = useRef(0);
  useEffect(() => {
    if (!data || answeredAt === refreshedFor.current || data.progress.some((item) => item.status === "running")) return;
    refreshedFor.current = answeredAt;
    router.refresh();
  }, [data, answeredAt, router]);

  const progress = useMemo(() => {
    const merged: RosterProgress = { ...started };
    for (const item of data?.progress ?? []) merged[item.athleteId] = item;
    return merged;
  }, [started, data]);

  async function startSync(athleteIds: string[] | null): Promise<void> {
    setMessage(null);
    try {
      const result = await postRosterSync(teamId, athleteIds);
      setStarted((current) => {
        const next = { ...current };
        for (const item of result.started) {
          next[item.athleteId] = { athleteId: item.athleteId, runId: item.runId, status: "running", step: "Starting", itemsDone: 0, itemsTotal: 0, finishedAt: null };
        }
        return next;
      });
      if (result.skipped.length > 0) {
        setMessage(`${result.skipped.length} athlete(s) skipped: they must reconnect or accept consents at Polar first.`);
      }
    } catch (error) {
      setMessage(error instanceof Error ? error.message : "Could not start the sync.");
    }
  }

  return { progress, message, startSync };
}
