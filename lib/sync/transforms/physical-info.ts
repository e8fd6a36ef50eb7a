import type { physicalInfos } from "@/db/schema/polar-data";
import { parseUtcTimestamp } from "@/lib/polar/time";
import { toLocalDateAt } from "@/lib/analytics/dates";
import { nn, type Maybe, type TransformRow } from "./common";



export type PhysicalInfoInput = {
  id: number;
  created: string;
  weight?: Maybe<number>;
  height?: Maybe<number>;
  "maximum-heart-rate"?: Maybe<number>;
  "resting-heart-rate"?: Maybe<number>;
  "aerobic-threshold"?: Maybe<number>;
  "anaerobic-threshold"?: Maybe<number>;
  "vo2-max"?: Maybe<number>;
  "weight-source"?: Maybe<string>;
};

export type PhysicalInfoRow = TransformRow<typeof physicalInfos>;

/**
 * `created` is UTC and physical info carries no offset, so the local date is derived with the athlete's most
 * recent known offset (minutes east of UTC; 0 when none is known yet).
 */
export function toPhysicalInfoRow(info: PhysicalInfoInput, utcOffsetMinutes: number): PhysicalInfoRow {
  const createdAt = parseUtcTimestamp(info.created);
  return {
    polarPhysicalInfoId: info.id,
    createdAt,
    localDate: toLocalDateAt(createdAt, utcOffsetMinutes),
    weightKg: nn(info.weight),
    heightCm: nn(info.height),
    maximumHeartRate: nn(info["maximum-heart-rate"]),
    restingHeartRate: nn(info["resting-heart-rate"]),
    aerobicThreshold: nn(info["aerobic-threshold"]),
    anaerobicThreshold: nn(info["anaerobic-threshold"]),
    vo2Max: nn(info["vo2-max"]),
    weightSource: nn(info["weight-source"]),
  };
}
