import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { ActivityRangeSchema } from "@/lib/contracts/activity";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

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
    queryKey: queryKeys.activity(athleteId, from, to),
    queryFn: ({ signal }) => fetchJson(toActivityRangeUrl(athleteId, from, to), ActivityRangeSchema, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
