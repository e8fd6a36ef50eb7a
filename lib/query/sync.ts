import { queryOptions } from "@tanstack/react-query";
import { CurrentSyncRunSchema, StartedSyncRunSchema, SyncRunSchema, type StartedSyncRunDTO } from "@/lib/contracts/sync-run";
import { SELF } from "@/lib/dal/self";
import { fetchJson, postJson } from "./fetch-json";
import { queryKeys } from "./keys";

/** The signed-in athlete's run in progress (GET /api/sync/current); polled now and then while idle. */
export function currentRunQueryOptions(poll: boolean) {
  return queryOptions({
    queryKey: queryKeys.syncCurrent(SELF),
    queryFn: ({ signal }) => fetchJson("/api/sync/current", CurrentSyncRunSchema, { signal }),
    // While idle, look now and then for runs started elsewhere (a webhook, the scheduler, another tab).
    refetchInterval: poll ? 30_000 : false,
    staleTime: 0,
    refetchOnMount: "always",
  });
}

/** One run's progress, every second until it ends. */
export function syncRunQueryOptions(runId: string) {
  return queryOptions({
    queryKey: queryKeys.syncRun(runId),
    queryFn: ({ signal }) => fetchJson(`/api/sync/runs/${encodeURIComponent(runId)}`, SyncRunSchema, { signal }),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : 1000),
    staleTime: 0,
    retry: 2,
  });
}

/** Starts (or joins) the signed-in athlete's sync. */
export function postSync(): Promise<StartedSyncRunDTO> {
  return postJson("/api/sync", StartedSyncRunSchema);
}
