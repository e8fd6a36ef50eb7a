import { queryOptions } from "@tanstack/react-query";
import { RosterSyncProgressListSchema, RosterSyncStartSchema } from "@/lib/contracts/roster-sync";
import type { RosterSyncStartDTO } from "@/lib/dal/roster/sync";
import { fetchJson, postJson } from "./fetch-json";
import { queryKeys } from "./keys";

function toTeamSyncUrl(teamId: string): string {
  return `/api/teams/${encodeURIComponent(teamId)}/sync`;
}

/**
 * Sync progress per athlete of a team, every second while any run goes (refetchInterval, not timers).
 * @param runs `athleteId:runId` pairs started from this page, so a run that ended is still reported.
 */
export function rosterSyncProgressQueryOptions(teamId: string, runs: readonly string[], enabled: boolean) {
  const query = runs.length > 0 ? `?${new URLSearchParams({ runs: runs.join(",") }).toString()}` : "";
  return queryOptions({
    queryKey: queryKeys.rosterSync(teamId, runs),
    queryFn: ({ signal }) => fetchJson(`${toTeamSyncUrl(teamId)}${query}`, RosterSyncProgressListSchema, { signal }),
    enabled,
    refetchInterval: (query) => {
      if (query.state.status === "error") return false;
      const data = query.state.data;
      return data && !data.progress.some((item) => item.status === "running") ? false : 1000;
    },
    staleTime: 0,
  });
}

/** Starts the athletes' own syncs (all of the team when `athleteIds` is null). */
export function postRosterSync(teamId: string, athleteIds: string[] | null): Promise<RosterSyncStartDTO> {
  return postJson(toTeamSyncUrl(teamId), RosterSyncStartSchema, { athleteIds });
}
