/** What the parsers make of the archive: one shape per data type, whatever the file format was. */
import type { SampleSeries } from "@/lib/sync/transforms";

export type ImportedZone = { zoneIndex: number; lowerLimit: number; upperLimit: number; inZoneSeconds: number };
export type ImportedLap = { startOffsetSeconds: number | null; durationSeconds: number; distanceMeters: number | null };
export type ImportedWaypoint = { latitude: number; longitude: number; altitude: number | null; elapsedSeconds: number };

export type ImportedSession = {
  format: "current" | "legacy";
  /** `identifier.id`, else the numeric id of a legacy file name; a secondary key only (§6 quirk 6). */
  sourceId: string | null;
  startTimeLocal: string;
  utcOffsetMinutes: number;
  startUtcMs: number;
  localDate: string;
  durationSeconds: number;
  sport: string;
  detailedSport: string;
  device: string | null;
  deviceId: string | null;
  calories: number | null;
  distanceMeters: number | null;
  /** 0 means "no HR sensor" in the archive and is stored as null (§6 quirk 2). */
  avgHr: number | null;
  maxHr: number | null;
  cardioLoad: number | null;
  muscleLoad: number | null;
  /** Sample series in AccessLink's codes (0 HR, 1 speed km/h, 2 cadence, 3 altitude, 4 power). */
  samples: SampleSeries[];
  /** Polar's own HR zones of the session (limits in bpm). */
  zones: ImportedZone[];
  laps: ImportedLap[];
  route: ImportedWaypoint[];
};

export type ImportedActivity = {
  localDate: string;
  steps: number | null;
  calories: number | null;
  activeSeconds: number | null;
  distanceFromStepsMeters: number | null;
  metMinutes: number | null;
  inactivityAlertCount: number | null;
  /** `[secondOfLocalDay, steps]`, from the per-minute step samples. */
  stepSamples: [number, number | null][];
  metSamples: [number, number | null][];
};

/** Hypnogram stages as AccessLink codes: 0 wake, 1 REM, 2 light (N1), 3 light (N2), 4 deep (N3), 5 unknown. */
export type ImportedSleep = {
  localDate: string;
  startUtcMs: number;
  endUtcMs: number;
  startUtcOffsetMinutes: number;
  endUtcOffsetMinutes: number;
  deviceId: string | null;
  lightSeconds: number | null;
  deepSeconds: number | null;
  remSeconds: number | null;
  unknownSeconds: number | null;
  totalInterruptionSeconds: number | null;
  shortInterruptionSeconds: number | null;
  longInterruptionSeconds: number | null;
  continuity: number | null;
  sleepGoalSeconds: number | null;
  hypnogram: { utcMs: number; stage: number }[];
  sleepScore: number | null;
  groupDurationScore: number | null;
  groupSolidityScore: number | null;
  groupRegenerationScore: number | null;
};

export type ImportedRecharge = {
  localDate: string;
  /** Nightly resting HR = 60000 ÷ the mean beat-to-beat interval of the Nightly Recharge window (metrics §7.1). */
  heartRateAvg: number | null;
  beatToBeatAvgMs: number | null;
  hrvRmssdMs: number | null;
  breathingRateAvg: number | null;
  nightlyRechargeStatus: number | null;
  ansCharge: number | null;
  ansChargeStatus: number | null;
};

export type ImportedHeartRateDay = { localDate: string; samples: [number, number][] };

/** A profile-setting change (weights, HRmax, resting HR…): kept only when something changed. */
export type ImportedPhysicalInfo = {
  localDate: string;
  createdAtLocal: string;
  weightKg: number | null;
  heightCm: number | null;
  maximumHeartRate: number | null;
  restingHeartRate: number | null;
  aerobicThreshold: number | null;
  anaerobicThreshold: number | null;
  vo2Max: number | null;
};
