/** Query keys, derived per resource so invalidation can target an athlete or everything below a prefix. */
export const queryKeys = {
  all: ["threshold"] as const,
  athlete: (athleteId: string) => [...queryKeys.all, "athlete", athleteId] as const,
  daily: (athleteId: string, from: string, to: string) => [...queryKeys.athlete(athleteId), "daily", { from, to }] as const,
  activity: (athleteId: string, from: string, to: string) => [...queryKeys.athlete(athleteId), "activity", { from, to }] as const,
  /** Everything about sync runs: a finished run invalidates every other key. */
  sync: () => [...queryKeys.all, "sync"] as const,
  syncCurrent: (athleteId: string) => [...queryKeys.sync(), "current", athleteId] as const,
  syncRun: (runId: string) => [...queryKeys.sync(), "run", runId] as const,
  /** The signed-in athlete's newest archive import. */
  importJob: () => [...queryKeys.all, "import"] as const,
  rosterSync: (teamId: string, runs: readonly string[]) => [...queryKeys.sync(), "team", teamId, { runs }] as const,
};
