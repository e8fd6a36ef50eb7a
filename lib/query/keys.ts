/** Query keys, derived per resource so invalidation can target an athlete or everything below a prefix. */
export const queryKeys = {
  all: ["threshold"] as const,
  athlete: (athleteId: string) => [...queryKeys.all, "athlete", athleteId] as const,
  daily: (athleteId: string, from: string, to: string) => [...queryKeys.athlete(athleteId), "daily", { from, to }] as const,
  syncRun: (runId: string) => [...queryKeys.all, "sync-run", runId] as const,
};
