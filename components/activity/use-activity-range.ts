"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { resolveRange, type RangePreset, type ResolvedRange } from "@/components/dashboard/range";
import type { ActivityRangeDTO } from "@/lib/dal/activity";
import { SELF } from "@/lib/dal/self";
import { activityRangeQueryOptions } from "@/lib/query/activity";

export type ActivityRangeState = {
  range: ResolvedRange;
  data: ActivityRangeDTO | undefined;
  isError: boolean;
  isFetching: boolean;
};

/**
 * The activity range in the URL (`?range=…` or `?range=custom&from=…&to=…`, set by the dashboard's range picker).
 * The server-rendered range seeds the cache, so the first paint needs no request.
 */
export function useActivityRange(initial: ActivityRangeDTO, fallback: RangePreset = "4w"): ActivityRangeState {
  const searchParams = useSearchParams();
  const range = resolveRange({ range: searchParams.get("range"), from: searchParams.get("from"), to: searchParams.get("to") }, initial.today, fallback);
  const isInitialRange = range.from === initial.from && range.to === initial.to;
  const query = useQuery({ ...activityRangeQueryOptions(SELF, range.from, range.to), initialData: isInitialRange ? initial : undefined });
  return { range, data: query.data, isError: query.isError && query.data === undefined, isFetching: query.isFetching };
}
