import type { cardioLoads } from "@/db/schema/polar-data";
import { nn, type Maybe, type TransformRow } from "./common";



export type CardioLoadInput = {
  date: string;
  cardio_load_status: string;
  cardio_load?: Maybe<number>;
  strain?: Maybe<number>;
  tolerance?: Maybe<number>;
  cardio_load_ratio?: Maybe<number>;
  cardio_load_level?: Maybe<{
    very_low?: Maybe<number>;
    low?: Maybe<number>;
    medium?: Maybe<number>;
    high?: Maybe<number>;
    "very-high"?: Maybe<number>;
  }>;
};

export type CardioLoadRow = TransformRow<typeof cardioLoads>;

/** Placeholder days (`LOAD_STATUS_NOT_AVAILABLE`) carry zeros that are not real zeros: store null. */
export function toCardioLoadRow(day: CardioLoadInput): CardioLoadRow {
  const placeholder = day.cardio_load_status === "LOAD_STATUS_NOT_AVAILABLE";
  const value = (v: Maybe<number>) => (placeholder ? null : nn(v));
  const level = day.cardio_load_level;
  return {
    localDate: day.date,
    status: day.cardio_load_status,
    cardioLoad: value(day.cardio_load),
    strain: value(day.strain),
    tolerance: value(day.tolerance),
    cardioLoadRatio: value(day.cardio_load_ratio),
    levelVeryLow: value(level?.very_low),
    levelLow: value(level?.low),
    levelMedium: value(level?.medium),
    levelHigh: value(level?.high),
    levelVeryHigh: value(level?.["very-high"]),
  };
}
