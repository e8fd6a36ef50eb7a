import "server-only";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { physicalInfos } from "@/db/schema/polar-data";
import { resolvePhysiologySettings, type PhysiologySettings } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { readPhysiologyInputs } from "@/lib/sync/derive";
import type { BodyDTO } from "../dto";
import type { Clock } from "../overview/freshness";
import { getAthleteToday } from "../series/clock";
import { authorizeAthleteRead } from "../series/read";
import { getAthleteOverrides } from "./overrides";

/** Physical-info history (weight, VO2max, HRmax, RHR, thresholds) and the resolved settings with overrides. */
export function getBody(db: Db, viewer: Viewer, athleteId: string, options: Clock = {}): BodyDTO {
  const id = authorizeAthleteRead(viewer, athleteId, "body", db);
  const history = db
    .select({
      date: physicalInfos.localDate,
      createdAt: physicalInfos.createdAt,
      weightKg: physicalInfos.weightKg,
      vo2Max: physicalInfos.vo2Max,
      maximumHeartRate: physicalInfos.maximumHeartRate,
      restingHeartRate: physicalInfos.restingHeartRate,
      aerobicThreshold: physicalInfos.aerobicThreshold,
      anaerobicThreshold: physicalInfos.anaerobicThreshold,
    })
    .from(physicalInfos)
    .where(eq(physicalInfos.athleteId, id))
    .orderBy(asc(physicalInfos.createdAt))
    .all();
  const overrides = getAthleteOverrides(db, id);
  const today = getAthleteToday(db, id, options.now ?? Date.now());
  const { polar } = readPhysiologyInputs(db, id);
  let settings: PhysiologySettings;
  try {
    settings = resolvePhysiologySettings(polar, overrides, { onDate: today });
  } catch {
    // Stored overrides that clash with newer Polar values: show Polar's values, keep the overrides visible.
    settings = resolvePhysiologySettings(polar, {}, { onDate: today });
  }
  return {
    history,
    settings: { hrmax: settings.hrmax, hrrest: settings.hrrest, sex: settings.sex, zoneModel: settings.zoneModel },
    overrides,
  };
}
