import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { ActivityRangeDTO } from "@/lib/dal/activity";
import { fetchJson } from "@/lib/query/fetch-json";
import { queryKeys } from "@/lib/query/keys";

/** URL of the activity route (`GET /api/athletes/{id}/activity`). */
export function toActivityRangeUrl(athleteId: string, from: string, to: string): string {
  const params = new URLSearchParams({ from, to });
  return `/api/athletes/${encodeURIComponent(athleteId)}/activity?${params.toString()}`;
}

/**
 * Per-day activity and heart-rate numbers of one athlete and range. Keyed under the athlete's prefix, so
 * invalidating an athlete after a sync refreshes it too; the previous range stays on screen while a new one loads.
 */
export function activityRangeQueryOptions(athleteId: string, from: string, to: string) {
  return queryOptions({
    queryKey: [...queryKeys.athlete(athleteId), "activity", { from, to }] as const,
    queryFn: ({ signal }) => fetchJson<ActivityRangeDTO>(toActivityRangeUrl(athleteId, from, to), { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
