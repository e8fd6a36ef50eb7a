import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

/** The run as GET /api/sync/runs/{id} and GET /api/sync/current report it (lib/dal DTOs). */
const countsSchema = z.object({ new: z.number(), updated: z.number(), unchanged: z.number(), quarantined: z.number() });
const resourceSchema = z.enum(["physical-info", "exercise", "activity", "sleep", "nightly-recharge", "continuous-hr", "cardio-load"]);

export const SyncRunViewSchema = z.object({
  runId: z.string(),
  status: z.enum(["running", "succeeded", "partial", "failed"]),
  trigger: z.string(),
  step: z.string(),
  itemsDone: z.number(),
  itemsTotal: z.number(),
  counts: z.partialRecord(resourceSchema, countsSchema),
  errors: z.array(z.object({ resource: z.string(), code: z.string(), message: z.string() })),
});
export type SyncRunView = z.infer<typeof SyncRunViewSchema>;

export const CurrentRunSchema = z.object({ run: SyncRunViewSchema.nullable() });
export const StartedRunSchema = z.object({ runId: z.string(), joined: z.boolean() });
export type StartedRun = z.infer<typeof StartedRunSchema>;

/** Key prefixes of this module; the finish of a run invalidates every other query. */
export const SYNC_KEY_PARTS = new Set(["sync-current", "sync-run-view"]);

export function currentRunQueryOptions(athleteId: string | undefined, poll: boolean) {
  const params = athleteId ? `?${new URLSearchParams({ athleteId }).toString()}` : "";
  return queryOptions({
    queryKey: [...queryKeys.all, "sync-current", athleteId ?? "me"] as const,
    queryFn: async ({ signal }) => CurrentRunSchema.parse(await fetchJson<unknown>(`/api/sync/current${params}`, { signal })),
    // While idle, look now and then for runs started elsewhere (a webhook, the scheduler, another tab).
    refetchInterval: poll ? 30_000 : false,
    staleTime: 0,
    refetchOnMount: "always",
  });
}

export function runViewQueryOptions(runId: string) {
  return queryOptions({
    queryKey: [...queryKeys.all, "sync-run-view", runId] as const,
    queryFn: async ({ signal }) => SyncRunViewSchema.parse(await fetchJson<unknown>(`/api/sync/runs/${encodeURIComponent(runId)}`, { signal })),
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "running" ? false : 1000),
    staleTime: 0,
    retry: 2,
  });
}

export async function postSync(): Promise<StartedRun> {
  return StartedRunSchema.parse(await fetchJson<unknown>("/api/sync", { method: "POST" }));
}
