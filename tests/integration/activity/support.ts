import type { Db } from "@/db/client";
import { storeActivity, storeContinuousHeartRate } from "@/lib/sync/store";
import type { ActivityInput, ActivityStepSamplesInput, ActivityZoneSamplesInput, ContinuousHeartRateInput } from "@/lib/sync/transforms";
import { PROV } from "../dal/fixtures";

/**
 * Activity and 24/7 heart-rate rows written through the sync's own writers (storeActivity,
 * storeContinuousHeartRate) from AccessLink-shaped payloads, so the DAL reads what a real sync stores.
 */

export type ActivityDaySpec = {
  id: number;
  date: string;
  steps: number;
  /** ISO duration of active time, e.g. `PT3H5M`. */
  duration: string;
  calories: number;
  activeCalories: number;
  /** hour → steps (null = no data for the hour). */
  hourlySteps?: Record<number, number | null>;
  /** hour → [zone index, ISO duration][] */
  zones?: Record<number, [number, string][]>;
};

const hourTime = (hour: number) => `${String(hour).padStart(2, "0")}:00:00.000`;

export function storeActivityDay(db: Db, athleteId: string, spec: ActivityDaySpec): void {
  const activity: ActivityInput = {
    id: spec.id,
    date: spec.date,
    created: `${spec.date}T21:40:12.000Z`,
    calories: spec.calories,
    "active-calories": spec.activeCalories,
    duration: spec.duration,
    "active-steps": spec.steps,
  };
  const steps: ActivityStepSamplesInput | null = spec.hourlySteps
    ? { interval: 60, samples: Object.entries(spec.hourlySteps).map(([hour, value]) => ({ steps: value, time: hourTime(Number(hour)) })) }
    : null;
  const zones: ActivityZoneSamplesInput | null = spec.zones
    ? {
        interval: 60,
        samples: Object.entries(spec.zones).map(([hour, entries]) => ({
          "activity-zones": entries.map(([index, inzone]) => ({ index, inzone })),
          time: hourTime(Number(hour)),
        })),
      }
    : null;
  storeActivity(db, athleteId, { activity, activityRaw: activity, steps, zones, stepsRaw: steps, zonesRaw: zones }, PROV);
}

/** `samples`: `HH:MM:SS` → bpm (0 = sensor dropout, as Polar sends it). */
export function storeHeartRateDay(db: Db, athleteId: string, date: string, samples: Record<string, number>): void {
  const day: ContinuousHeartRateInput = {
    date,
    heart_rate_samples: Object.entries(samples).map(([time, bpm]) => ({ heart_rate: bpm, sample_time: time })),
  };
  storeContinuousHeartRate(db, athleteId, day, day, PROV);
}
