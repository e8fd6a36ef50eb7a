import type { continuousHeartRates } from "@/db/schema/polar-data";
import { parseClockTime } from "@/lib/polar/time";
import { packPairs } from "../pack";
import { type Maybe, type TransformRow } from "./common";



export type ContinuousHeartRateInput = {
  date: string;
  heart_rate_samples?: Maybe<{ heart_rate?: Maybe<number>; sample_time: string }[]>;
};

export type ContinuousHeartRateRow = TransformRow<typeof continuousHeartRates>;

/** `sample_time` is the device's local clock on `date`: stored as seconds after local midnight. */
export function toContinuousHeartRateRow(day: ContinuousHeartRateInput): ContinuousHeartRateRow {
  const pairs = (day.heart_rate_samples ?? [])
    .map((sample) => [parseClockTime(sample.sample_time), sample.heart_rate && sample.heart_rate > 0 ? sample.heart_rate : null] as const)
    .sort((a, b) => a[0] - b[0]);
  const valid = pairs.map((pair) => pair[1]).filter((value): value is number => value !== null);
  return {
    localDate: day.date,
    sampleCount: pairs.length,
    minHr: valid.length > 0 ? Math.min(...valid) : null,
    maxHr: valid.length > 0 ? Math.max(...valid) : null,
    samples: packPairs(pairs),
  };
}
