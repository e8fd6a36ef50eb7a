import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { DailySeriesSchema } from "@/lib/contracts/daily";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./keys";

/** URL of the daily series route. */
export function toDailySeriesUrl(athleteId: string, from: string, to: string): string {
  const params = new URLSearchParams({ from, to });
  return `/api/athletes/${encodeURIComponent(athleteId)}/daily?${params.toString()}`;
}

/**
 * The daily series of one athlete and range. Ranges switch without a reload: the previous range stays on screen
 * (placeholder) until the new one arrives.
 */
export function dailySeriesQueryOptions(athleteId: string, from: string, to: string) {
  return queryOptions({
    queryKey: queryKeys.daily(athleteId, from, to),
    queryFn: ({ signal }) => fetchJson(toDailySeriesUrl(athleteId, from, to), DailySeriesSchema, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
