import { computeBanisterTrimpFixedRate, computeBanisterTrimpFromMeanHr, type Sex, type TrimpMethod } from "@/lib/analytics/trimp";
import { computeTimeInZonesFixedRate, computeZoneBounds, type TimeInZones } from "@/lib/analytics/zones";

/**
 * Per-session numbers derived at ingest (design §4) so dashboards never re-read samples. The formulas live in
 * lib/analytics (metrics.md §1.2 time in zone, §2.1 Banister TRIMP); this file only decides which inputs apply.
 */

/** HRmax/HRrest/sex for zones and TRIMP, with where HRmax came from (metrics §1.1). */
export type PhysiologyContext = {
  hrMax: number | null;
  hrRest: number | null;
  sex: Sex | null;
  hrMaxSource: "physical-info" | "age-fallback" | "override" | null;
  /** The athlete's zone model (metrics §1.1); heart-rate reserve needs HRrest. */
  zoneModel: "polar-hrmax" | "hrr";
};

export type SessionDerivation = {
  zones: TimeInZones | null;
  trimp: number | null;
  trimpMethod: TrimpMethod | null;
};

/**
 * Time in our %HRmax zones from the fixed-rate HR series (null without samples or HRmax), and Banister TRIMP
 * summed per sample — or, without samples, from the average HR (marked `mean-hr`, it under-estimates).
 */
export function deriveSession(input: {
  hrValues: readonly (number | null)[] | null;
  recordingRateSeconds: number | null;
  averageHr: number | null;
  durationSeconds: number;
  physiology: PhysiologyContext;
}): SessionDerivation {
  const { hrValues, recordingRateSeconds: rate, physiology } = input;
  const hasSeries = hrValues !== null && hrValues.length > 0 && rate !== null && rate > 0;
  const bounds =
    physiology.hrMax && physiology.hrMax > 0
      ? physiology.zoneModel === "hrr"
        ? physiology.hrRest !== null && physiology.hrRest < physiology.hrMax
          ? computeZoneBounds({ model: "hrr", hrmax: physiology.hrMax, hrrest: physiology.hrRest })
          : null
        : computeZoneBounds({ model: "polar-hrmax", hrmax: physiology.hrMax })
      : null;
  const zones = hasSeries && bounds ? computeTimeInZonesFixedRate(hrValues, rate, bounds) : null;

  const { hrMax, hrRest, sex } = physiology;
  if (hrMax === null || hrRest === null || sex === null || !(hrMax > hrRest) || hrRest < 0) {
    return { zones, trimp: null, trimpMethod: null };
  }
  const params = { hrmax: hrMax, hrrest: hrRest, sex };
  if (hasSeries) {
    const result = computeBanisterTrimpFixedRate(hrValues, rate, params);
    return { zones, trimp: result.trimp, trimpMethod: result.method };
  }
  if (input.averageHr !== null && input.averageHr > 0 && input.durationSeconds > 0) {
    const result = computeBanisterTrimpFromMeanHr(input.durationSeconds / 60, input.averageHr, params);
    return { zones, trimp: result.trimp, trimpMethod: result.method };
  }
  return { zones, trimp: null, trimpMethod: null };
}

/** Whole years between a `YYYY-MM-DD` birthdate and a `YYYY-MM-DD` day. */
export function computeAgeYears(birthdate: string, onDate: string): number {
  const [by, bm, bd] = birthdate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
