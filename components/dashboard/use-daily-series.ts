"use client";

import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import type { DailySeriesDTO } from "@/lib/dal/dto";
import { SELF } from "@/lib/dal/self";
import { dailySeriesQueryOptions } from "@/lib/query/daily";
import { resolveRange, type RangePreset, type ResolvedRange } from "./range";

export type DailySeriesState = {
  range: ResolvedRange;
  series: DailySeriesDTO | undefined;
  isError: boolean;
  /** True while a new range loads (the previous one stays on screen). */
  isFetching: boolean;
};

/**
 * The daily series for the range in the URL. The server-rendered series seeds the cache for its own range, so
 * the first paint needs no request; other ranges are fetched from the JSON route.
 */
export function useDailySeries(initial: DailySeriesDTO, fallback: RangePreset = "3m"): DailySeriesState {
  const searchParams = useSearchParams();
  const range = resolveRange(
    { range: searchParams.get("range"), from: searchParams.get("from"), to: searchParams.get("to") },
    initial.today,
    fallback,
  );
  const isInitialRange = range.from === initial.from && range.to === initial.to;
  const query = useQuery({
    ...dailySeriesQueryOptions(SELF, range.from, range.to),
    initialData: isInitialRange ? initial : undefined,
  });
  return { range, series: query.data, isError: query.isError && query.data === undefined, isFetching: query.isFetching };
}
