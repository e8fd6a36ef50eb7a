import { z } from "zod";
import type { Db, DbTx } from "@/db/client";
import type { LocalDate } from "@/lib/analytics/dates";
import { resolvePhysiologySettings, TRIMP_NEEDS_SEX, type PhysiologyOverrides, type PolarPhysicalInfoLike } from "@/lib/analytics/settings";
import { computeBanisterTrimpFixedRate, computeBanisterTrimpFromMeanHr, type Sex, type TrimpMethod } from "@/lib/analytics/trimp";
import { computeTimeInZonesFixedRate, computeZoneBounds, type TimeInZones } from "@/lib/analytics/zones";
import { lookup } from "./lookups";

/**
 * Per-session numbers derived at ingest (design §4) so dashboards never re-read samples. The formulas live in
 * lib/analytics (metrics.md §1.2 time in zone, §2.1 Banister TRIMP); this file decides which inputs apply, and
 * is the only place that does: the sync, the Body settings' recompute and the history import all derive a
 * session here, from physiology resolved by the one resolver (`resolvePhysiologySettings`).
 *
 * The rule for TRIMP: Banister needs HRmax, HRrest below it, and the athlete's sex (its coefficients are
 * sex-specific, metrics §2.1). When any of them is unknown the session has no TRIMP; there is no default sex.
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
 * Time in our zones from the fixed-rate HR series (null without samples or HRmax), and Banister TRIMP
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

/** The `exercise` columns a derivation fills: the same for every writer, so their rows cannot drift apart. */
export function toDerivedColumns(physiology: PhysiologyContext, derived: SessionDerivation) {
  const { zones } = derived;
  return {
    zone0Seconds: zones ? zones.zones[0] : null,
    zone1Seconds: zones ? zones.zones[1] : null,
    zone2Seconds: zones ? zones.zones[2] : null,
    zone3Seconds: zones ? zones.zones[3] : null,
    zone4Seconds: zones ? zones.zones[4] : null,
    zone5Seconds: zones ? zones.zones[5] : null,
    noDataSeconds: zones ? zones.noData : null,
    trimp: derived.trimp,
    trimpMethod: derived.trimpMethod,
    hrMaxUsed: physiology.hrMax,
    hrRestUsed: physiology.hrRest,
    hrMaxSource: physiology.hrMaxSource,
  };
}

/** Why a session has no TRIMP under this physiology (what the athlete can do about it), or null. */
export function explainMissingTrimp(physiology: PhysiologyContext): string | null {
  if (physiology.sex === null) return TRIMP_NEEDS_SEX;
  if (physiology.hrMax === null) return "TRIMP needs your HRmax: set it in Body";
  if (physiology.hrRest === null || !(physiology.hrMax > physiology.hrRest)) return "TRIMP needs a resting HR below HRmax: set it in Body";
  return null;
}

// ── the one physiology resolver's inputs ──

/** What Polar and the athlete said: the inputs of `resolvePhysiologySettings`. */
export type PhysiologyInputs = { polar: PolarPhysicalInfoLike; overrides: PhysiologyOverrides };

const profileSchema = z.object({
  gender: z.string().nullish(),
  // AccessLink's user resource spells it `birthdate`; older payloads `birthday`.
  birthdate: z.string().nullish(),
  birthday: z.string().nullish(),
});

function readProfile(json: string | null | undefined): { gender: string | null; birthday: string | null } {
  if (!json) return { gender: null, birthday: null };
  try {
    const parsed = profileSchema.safeParse(JSON.parse(json));
    return parsed.success ? { gender: parsed.data.gender ?? null, birthday: parsed.data.birthdate ?? parsed.data.birthday ?? null } : { gender: null, birthday: null };
  } catch {
    // A profile that is not JSON only costs us sex and age; zones from physical info still work.
    return { gender: null, birthday: null };
  }
}

/**
 * HRmax and HRrest from the newest physical info; sex and birthdate from the Polar profile kept on the
 * connection; the athlete's overrides (which win, metrics §1.1, so a re-sync keeps what they chose).
 */
export function readPhysiologyInputs(db: Db | DbTx, athleteId: string): PhysiologyInputs {
  const info = lookup(db, "newestPhysicalInfo").get({ athleteId });
  const profile = readProfile(lookup(db, "polarProfile").get({ athleteId })?.profile);
  const overrides = lookup(db, "overrides").get({ athleteId });
  return {
    polar: { maximumHeartRate: info?.hrMax ?? null, restingHeartRate: info?.hrRest ?? null, gender: profile.gender, birthday: profile.birthday },
    overrides: overrides ? { hrmax: overrides.hrmax, hrrest: overrides.hrrest, sex: overrides.sex, zoneModel: overrides.zoneModel } : {},
  };
}

const HR_MAX_SOURCE = { athlete: "override", polar: "physical-info", "age-formula": "age-fallback" } as const;

/**
 * The physiology a session on `onDate` is derived with (the 220 − age fallback uses the age on that day).
 * Never throws: an HRrest not below HRmax leaves TRIMP (and HRR zones) empty rather than failing the write.
 */
export function toPhysiologyContext(inputs: PhysiologyInputs, onDate: LocalDate): PhysiologyContext {
  const settings = resolvePhysiologySettings(inputs.polar, inputs.overrides, { onDate, onInconsistent: "keep" });
  const source = settings.hrmax.source;
  return {
    hrMax: settings.hrmax.value,
    hrRest: settings.hrrest.value,
    sex: settings.sex.value,
    hrMaxSource: source === "athlete" || source === "polar" || source === "age-formula" ? HR_MAX_SOURCE[source] : null,
    zoneModel: settings.zoneModel.value,
  };
}

/** `readPhysiologyInputs` resolved for a session on `onDate`. */
export function loadPhysiology(db: Db | DbTx, athleteId: string, onDate: LocalDate): PhysiologyContext {
  return toPhysiologyContext(readPhysiologyInputs(db, athleteId), onDate);
}
