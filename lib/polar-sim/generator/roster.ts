/**
 * The default roster: eight athletes, each with a story the app should be able to see in the data.
 * Episode days are day indexes from `options.startDate` (day 0).
 */
import type { SimGender } from "@/lib/polar-sim/contract";
import type { TimeZoneRule } from "@/lib/polar-sim/generator/time";
import { createFixedZone, createUsDstZone } from "@/lib/polar-sim/generator/time";

export type SportKind = "run" | "trail-run" | "ride" | "indoor-ride" | "swim" | "strength" | "walk";

/** One possible session on a weekday. `intensity` is the work-phase fraction of heart-rate reserve. */
export type SessionTemplate = {
  kind: SportKind;
  minutes: readonly [number, number];
  intensity: readonly [number, number];
  /** Local start hour range (fractional hours). */
  startHour: readonly [number, number];
  probability: number;
  intervals?: boolean;
};

/** Multipliers of the planned training on one day. */
export type LoadModifier = { durationFactor: number; intensityDelta: number; extraSessionProbability: number };
/** Shifts of the night's physiology on the night ending on one day. */
export type PhysiologyModifier = { heartRateDelta: number; hrvFactor: number; breathingDelta: number };

export type PlantedEpisode = {
  kind: "overreaching" | "illness" | "taper" | "travel" | "dst-change";
  fromDay: number;
  toDay: number;
  note: string;
};

export type AthleteSpec = {
  userId: number;
  login: string;
  firstName: string;
  lastName: string;
  birthdate: string;
  gender: SimGender;
  weight: number;
  height: number;
  story: string;
  zone: TimeZoneRule;
  /** Offset at the start of the history (the profile's usual offset). */
  utcOffsetMinutes: number;
  startsRevoked: boolean;
  startsWithoutConsents: boolean;
  device: string;
  deviceId: string;
  hrMax: number;
  hrRest: number;
  vo2Max: number;
  /** Nightly Recharge baseline: mean HR of the 4-hour window, bpm above `hrRest`. */
  nightHeartRateAboveRest: number;
  /** Baseline nightly rMSSD, ms. */
  rmssd: number;
  breathingRate: number;
  /** Seconds. */
  sleepGoal: number;
  /** Local bedtime in hours after the previous midnight (23.25 = 23:15). */
  bedtimeHour: number;
  sleepHours: number;
  nightMissingProbability: number;
  stepsPerDay: number;
  /** Running threshold speed, km/h. */
  thresholdSpeed: number;
  /** Cycling functional threshold power, W. */
  ftp: number;
  chestStrapProbability: number;
  home: { latitude: number; longitude: number; altitude: number };
  trainingBackground: "OCCASIONAL" | "REGULAR" | "FREQUENT" | "HEAVY" | "SEMI_PRO" | "PRO";
  typicalDay: "MOSTLY_SITTING" | "MOSTLY_STANDING" | "MOSTLY_MOVING";
  /** Monday-first templates. */
  week: readonly (readonly SessionTemplate[])[];
  /** First day with any data (newcomer: late). */
  historyStartDay(days: number): number;
  load(day: number): LoadModifier;
  physiology(day: number): PhysiologyModifier;
  episodes(days: number, startEpochDay: number): PlantedEpisode[];
};

const NO_LOAD_CHANGE: LoadModifier = { durationFactor: 1, intensityDelta: 0, extraSessionProbability: 0 };
const NO_PHYSIOLOGY_CHANGE: PhysiologyModifier = { heartRateDelta: 0, hrvFactor: 1, breathingDelta: 0 };

const defineTemplate = (
  kind: SportKind,
  minutes: readonly [number, number],
  intensity: readonly [number, number],
  startHour: readonly [number, number],
  probability: number,
  intervals = false,
): SessionTemplate => ({ kind, minutes, intensity, startHour, probability, intervals });

/** Overreaching story: the block (load), then the physiological response lagging it, then recovery. */
export const OVERREACHING_BLOCK = { fromDay: 100, toDay: 120, recoveryToDay: 134 } as const;
export const ILLNESS_NIGHTS = { fromDay: 90, toDay: 96 } as const;

function getOverreachingLoad(day: number): LoadModifier {
  if (day >= OVERREACHING_BLOCK.fromDay && day <= OVERREACHING_BLOCK.toDay) {
    return { durationFactor: 1.6, intensityDelta: 0.07, extraSessionProbability: 0.45 };
  }
  if (day > OVERREACHING_BLOCK.toDay && day <= OVERREACHING_BLOCK.recoveryToDay) {
    return { durationFactor: 0.6, intensityDelta: -0.05, extraSessionProbability: 0 };
  }
  return NO_LOAD_CHANGE;
}

/** Nightly HR +8 bpm and rMSSD −30 % at the peak (nights ending days 122–128), ramping in and out. */
function getOverreachingPhysiology(day: number): PhysiologyModifier {
  const rampFrom = OVERREACHING_BLOCK.fromDay + 4;
  const peakFrom = OVERREACHING_BLOCK.toDay + 2;
  const peakTo = OVERREACHING_BLOCK.toDay + 8;
  const recoveredAt = OVERREACHING_BLOCK.toDay + 20;
  let level = 0;
  if (day >= rampFrom && day < peakFrom) level = (day - rampFrom + 1) / (peakFrom - rampFrom + 1);
  else if (day >= peakFrom && day <= peakTo) level = 1;
  else if (day > peakTo && day < recoveredAt) level = (recoveredAt - day) / (recoveredAt - peakTo);
  return { heartRateDelta: 8 * level, hrvFactor: 1 - 0.3 * level, breathingDelta: 0.6 * level };
}

const ILLNESS_SHAPE: readonly PhysiologyModifier[] = [
  { heartRateDelta: 5, hrvFactor: 0.8, breathingDelta: 1 },
  { heartRateDelta: 8, hrvFactor: 0.65, breathingDelta: 1.8 },
  { heartRateDelta: 9, hrvFactor: 0.6, breathingDelta: 2 },
  { heartRateDelta: 8, hrvFactor: 0.62, breathingDelta: 1.8 },
  { heartRateDelta: 7, hrvFactor: 0.68, breathingDelta: 1.4 },
  { heartRateDelta: 5, hrvFactor: 0.78, breathingDelta: 0.8 },
  { heartRateDelta: 3, hrvFactor: 0.88, breathingDelta: 0.4 },
];

function getIllnessPhysiology(day: number): PhysiologyModifier {
  const shape = ILLNESS_SHAPE[day - ILLNESS_NIGHTS.fromDay];
  return shape ?? NO_PHYSIOLOGY_CHANGE;
}

/** Epoch days of US DST switches inside the span (second Sunday of March, first Sunday of November). */
function listUsDstChanges(startEpochDay: number, days: number): { day: number; springForward: boolean }[] {
  const changes: { day: number; springForward: boolean }[] = [];
  const zone = createUsDstZone(-300);
  let previous = zone.getOffsetAt(startEpochDay * 86_400_000 + 43_200_000);
  for (let d = 1; d < days; d++) {
    const offset = zone.getOffsetAt((startEpochDay + d) * 86_400_000 + 43_200_000);
    if (offset !== previous) changes.push({ day: d, springForward: offset > previous });
    previous = offset;
  }
  return changes;
}

const isWithinSpan = (days: number, episode: PlantedEpisode): boolean => episode.fromDay < days;

const EVERY_DAY_START = (): number => 0;

export function createDefaultRoster(): AthleteSpec[] {
  const base = {
    startsRevoked: false,
    startsWithoutConsents: false,
    historyStartDay: EVERY_DAY_START,
    load: (): LoadModifier => NO_LOAD_CHANGE,
    physiology: (): PhysiologyModifier => NO_PHYSIOLOGY_CHANGE,
    episodes: (): PlantedEpisode[] => [],
  };
  return [
    {
      ...base,
      userId: 48213977,
      login: "aino",
      firstName: "Aino",
      lastName: "Virtanen",
      birthdate: "1992-03-14",
      gender: "FEMALE",
      weight: 61.5,
      height: 168,
      story: "steady runner (UTC+3): five runs a week, stable physiology",
      zone: createFixedZone(180),
      utcOffsetMinutes: 180,
      device: "Polar Vantage V3",
      deviceId: "A4C2E91F",
      hrMax: 190,
      hrRest: 49,
      vo2Max: 54,
      nightHeartRateAboveRest: 4,
      rmssd: 58,
      breathingRate: 13.6,
      sleepGoal: 28800,
      bedtimeHour: 23.1,
      sleepHours: 7.6,
      nightMissingProbability: 0.05,
      stepsPerDay: 9000,
      thresholdSpeed: 13.2,
      ftp: 180,
      chestStrapProbability: 0.3,
      home: { latitude: 60.17012, longitude: 24.93784, altitude: 18 },
      trainingBackground: "FREQUENT",
      typicalDay: "MOSTLY_SITTING",
      week: [
        [defineTemplate("run", [35, 45], [0.5, 0.58], [17.5, 19], 0.9), defineTemplate("strength", [30, 40], [0.35, 0.45], [19.5, 20], 0.3)],
        [defineTemplate("run", [55, 65], [0.7, 0.8], [17.5, 18.5], 0.95, true)],
        [defineTemplate("run", [40, 50], [0.52, 0.6], [6.5, 7], 0.85)],
        [defineTemplate("run", [45, 55], [0.68, 0.75], [17.5, 18.5], 0.9)],
        [],
        [defineTemplate("run", [85, 115], [0.58, 0.65], [9, 10], 0.95)],
        [defineTemplate("walk", [40, 70], [0.25, 0.35], [14, 16], 0.5)],
      ],
    },
    {
      ...base,
      userId: 51730442,
      login: "mikko",
      firstName: "Mikko",
      lastName: "Laine",
      birthdate: "1988-09-02",
      gender: "MALE",
      weight: 74.2,
      height: 181,
      story: "planted overreaching block: three weeks of sharply higher load, nightly HR up and HRV down, then recovery",
      zone: createFixedZone(0),
      utcOffsetMinutes: 0,
      device: "Polar Grit X2 Pro",
      deviceId: "B81D07C3",
      hrMax: 188,
      hrRest: 46,
      vo2Max: 58,
      nightHeartRateAboveRest: 4,
      rmssd: 72,
      breathingRate: 14.2,
      sleepGoal: 28800,
      bedtimeHour: 22.9,
      sleepHours: 7.4,
      nightMissingProbability: 0.04,
      stepsPerDay: 10500,
      thresholdSpeed: 14.4,
      ftp: 250,
      chestStrapProbability: 0.6,
      home: { latitude: 64.14661, longitude: -21.94258, altitude: 30 },
      trainingBackground: "HEAVY",
      typicalDay: "MOSTLY_STANDING",
      week: [
        [defineTemplate("run", [40, 50], [0.5, 0.58], [17, 18.5], 0.9)],
        [defineTemplate("run", [60, 70], [0.72, 0.8], [17, 18], 0.95, true), defineTemplate("strength", [30, 40], [0.35, 0.45], [19, 19.5], 0.4)],
        [defineTemplate("ride", [60, 80], [0.55, 0.62], [17, 18], 0.8)],
        [defineTemplate("run", [50, 60], [0.68, 0.74], [6.5, 7], 0.9)],
        [defineTemplate("walk", [30, 50], [0.25, 0.32], [12, 13], 0.4)],
        [defineTemplate("trail-run", [100, 130], [0.58, 0.65], [8.5, 9.5], 0.95)],
        [defineTemplate("run", [40, 50], [0.5, 0.56], [10, 11], 0.8)],
      ],
      load: getOverreachingLoad,
      physiology: getOverreachingPhysiology,
      episodes: (days) =>
        [
          {
            kind: "overreaching" as const,
            fromDay: OVERREACHING_BLOCK.fromDay,
            toDay: OVERREACHING_BLOCK.toDay,
            note: "load block: durations x1.6, +7 % HRR, extra sessions; nightly HR rises up to +8 bpm and rMSSD falls up to 30 % from day 104, peaking on nights ending days 122-128, back to baseline by day 140",
          },
          {
            kind: "taper" as const,
            fromDay: OVERREACHING_BLOCK.toDay + 1,
            toDay: OVERREACHING_BLOCK.recoveryToDay,
            note: "recovery fortnight after the block: durations x0.6",
          },
        ].filter((e) => isWithinSpan(days, e)),
    },
    {
      ...base,
      userId: 39028815,
      login: "priya",
      firstName: "Priya",
      lastName: "Raman",
      birthdate: "1995-06-21",
      gender: "FEMALE",
      weight: 56.8,
      height: 162,
      story: "illness-like dip (UTC+5:30): a week of high nightly HR and low HRV while training stays unchanged",
      zone: createFixedZone(330),
      utcOffsetMinutes: 330,
      device: "Polar Pacer Pro",
      deviceId: "C7702A19",
      hrMax: 194,
      hrRest: 52,
      vo2Max: 49,
      nightHeartRateAboveRest: 5,
      rmssd: 52,
      breathingRate: 14.8,
      sleepGoal: 27000,
      bedtimeHour: 22.6,
      sleepHours: 7.3,
      nightMissingProbability: 0.03,
      stepsPerDay: 8200,
      thresholdSpeed: 12.1,
      ftp: 160,
      chestStrapProbability: 0.2,
      home: { latitude: 12.97194, longitude: 77.59369, altitude: 920 },
      trainingBackground: "REGULAR",
      typicalDay: "MOSTLY_SITTING",
      // Regular weekly pattern with narrow ranges: the illness week carries the same load as the others.
      week: [
        [defineTemplate("run", [44, 46], [0.55, 0.57], [6, 6.3], 1)],
        [defineTemplate("strength", [39, 41], [0.4, 0.42], [18, 18.3], 1)],
        [defineTemplate("run", [49, 51], [0.62, 0.64], [6, 6.3], 1)],
        [],
        [defineTemplate("run", [44, 46], [0.55, 0.57], [6, 6.3], 1)],
        [defineTemplate("run", [79, 81], [0.58, 0.6], [7, 7.3], 1)],
        [defineTemplate("walk", [59, 61], [0.28, 0.3], [16, 16.3], 1)],
      ],
      physiology: getIllnessPhysiology,
      episodes: (days) =>
        [
          {
            kind: "illness" as const,
            fromDay: ILLNESS_NIGHTS.fromDay,
            toDay: ILLNESS_NIGHTS.toDay,
            note: "nights ending on these days: nightly HR +5..+9 bpm, rMSSD -12..-40 %, breathing +1..+2/min; training load unchanged",
          },
        ].filter((e) => isWithinSpan(days, e)),
    },
    {
      ...base,
      userId: 60114529,
      login: "tomas",
      firstName: "Tomás",
      lastName: "Ferreira",
      birthdate: "1999-11-30",
      gender: "MALE",
      weight: 82.4,
      height: 178,
      story: "newcomer (UTC+2): bought the watch two weeks before the end of the history, few sessions",
      zone: createFixedZone(120),
      utcOffsetMinutes: 120,
      device: "Polar Ignite 3",
      deviceId: "D1E40B76",
      hrMax: 195,
      hrRest: 62,
      vo2Max: 41,
      nightHeartRateAboveRest: 3,
      rmssd: 38,
      breathingRate: 15.1,
      sleepGoal: 28800,
      bedtimeHour: 23.8,
      sleepHours: 6.9,
      nightMissingProbability: 0.12,
      stepsPerDay: 6500,
      thresholdSpeed: 10.8,
      ftp: 170,
      chestStrapProbability: 0,
      home: { latitude: -26.20227, longitude: 28.04363, altitude: 1750 },
      trainingBackground: "OCCASIONAL",
      typicalDay: "MOSTLY_SITTING",
      week: [
        [],
        [defineTemplate("run", [25, 35], [0.55, 0.65], [18, 19], 0.6)],
        [],
        [defineTemplate("walk", [30, 45], [0.25, 0.35], [12, 13], 0.4)],
        [],
        [defineTemplate("run", [30, 40], [0.55, 0.65], [9, 10], 0.6)],
        [],
      ],
      historyStartDay: (days) => Math.max(0, days - 14),
    },
    {
      ...base,
      userId: 47365120,
      login: "jordan",
      firstName: "Jordan",
      lastName: "Brooks",
      birthdate: "1984-04-07",
      gender: "MALE",
      weight: 71.0,
      height: 176,
      story: "cyclist with power meter (UTC-5, US daylight saving: -300 -> -240 in March, back in November)",
      zone: createUsDstZone(-300),
      utcOffsetMinutes: -300,
      device: "Polar Vantage V3",
      deviceId: "E5937C42",
      hrMax: 184,
      hrRest: 50,
      vo2Max: 60,
      nightHeartRateAboveRest: 3,
      rmssd: 64,
      breathingRate: 13.9,
      sleepGoal: 27000,
      bedtimeHour: 22.7,
      sleepHours: 7.2,
      nightMissingProbability: 0.05,
      stepsPerDay: 7000,
      thresholdSpeed: 12.5,
      ftp: 272,
      chestStrapProbability: 0.85,
      home: { latitude: 40.78343, longitude: -73.96625, altitude: 40 },
      trainingBackground: "SEMI_PRO",
      typicalDay: "MOSTLY_SITTING",
      week: [
        [],
        [defineTemplate("indoor-ride", [70, 80], [0.72, 0.8], [6, 6.5], 0.95, true)],
        [defineTemplate("ride", [80, 100], [0.58, 0.64], [17, 18], 0.9)],
        [defineTemplate("indoor-ride", [55, 65], [0.68, 0.74], [6, 6.5], 0.9, true), defineTemplate("strength", [30, 40], [0.35, 0.45], [18.5, 19], 0.3)],
        [defineTemplate("run", [30, 40], [0.5, 0.56], [7, 7.5], 0.4)],
        [defineTemplate("ride", [180, 240], [0.55, 0.62], [8, 8.5], 0.9)],
        [defineTemplate("ride", [100, 130], [0.52, 0.6], [9, 10], 0.8)],
      ],
      episodes: (days, startEpochDay) =>
        listUsDstChanges(startEpochDay, days).map((change) => ({
          kind: "dst-change" as const,
          fromDay: change.day,
          toDay: change.day,
          note: change.springForward
            ? "US daylight saving starts at 02:00 local: UTC offset -300 -> -240"
            : "US daylight saving ends at 02:00 local: UTC offset -240 -> -300",
        })),
    },
    {
      ...base,
      userId: 55291806,
      login: "sofia",
      firstName: "Sofia",
      lastName: "Okafor",
      birthdate: "1990-01-25",
      gender: "FEMALE",
      weight: 64.3,
      height: 171,
      story: "gym-goer whose connection starts revoked (every Bearer call 401)",
      zone: createFixedZone(60),
      utcOffsetMinutes: 60,
      device: "Polar Ignite 3",
      deviceId: "F20A9D55",
      hrMax: 187,
      hrRest: 58,
      vo2Max: 44,
      nightHeartRateAboveRest: 4,
      rmssd: 45,
      breathingRate: 14.5,
      sleepGoal: 28800,
      bedtimeHour: 23.4,
      sleepHours: 7.1,
      nightMissingProbability: 0.08,
      stepsPerDay: 7800,
      thresholdSpeed: 11.5,
      ftp: 170,
      chestStrapProbability: 0.1,
      home: { latitude: 6.52437, longitude: 3.37921, altitude: 40 },
      trainingBackground: "REGULAR",
      typicalDay: "MOSTLY_STANDING",
      week: [
        [defineTemplate("strength", [45, 60], [0.4, 0.5], [18, 19], 0.85)],
        [defineTemplate("indoor-ride", [40, 50], [0.6, 0.7], [18, 19], 0.7)],
        [defineTemplate("strength", [45, 60], [0.4, 0.5], [18, 19], 0.85)],
        [defineTemplate("run", [30, 40], [0.55, 0.62], [6.5, 7], 0.6)],
        [defineTemplate("strength", [45, 60], [0.4, 0.5], [17, 18], 0.7)],
        [defineTemplate("run", [45, 60], [0.55, 0.62], [9, 10], 0.6)],
        [],
      ],
      startsRevoked: true,
    },
    {
      ...base,
      userId: 42870351,
      login: "kenji",
      firstName: "Kenji",
      lastName: "Sato",
      birthdate: "1979-08-12",
      gender: "MALE",
      weight: 68.9,
      height: 172,
      story: "walker and easy runner (UTC+9) who has not accepted Polar's consents (data endpoints 403)",
      zone: createFixedZone(540),
      utcOffsetMinutes: 540,
      device: "Polar Unite",
      deviceId: "0A6B3E88",
      hrMax: 176,
      hrRest: 55,
      vo2Max: 45,
      nightHeartRateAboveRest: 3,
      rmssd: 40,
      breathingRate: 14,
      sleepGoal: 25200,
      bedtimeHour: 23.6,
      sleepHours: 6.6,
      nightMissingProbability: 0.06,
      stepsPerDay: 11500,
      thresholdSpeed: 11.0,
      ftp: 180,
      chestStrapProbability: 0,
      home: { latitude: 35.68951, longitude: 139.69171, altitude: 40 },
      trainingBackground: "REGULAR",
      typicalDay: "MOSTLY_MOVING",
      week: [
        [defineTemplate("walk", [40, 60], [0.25, 0.35], [6, 6.5], 0.8)],
        [defineTemplate("run", [30, 40], [0.5, 0.58], [6, 6.5], 0.7)],
        [defineTemplate("walk", [40, 60], [0.25, 0.35], [6, 6.5], 0.8)],
        [defineTemplate("run", [30, 40], [0.5, 0.58], [6, 6.5], 0.7)],
        [defineTemplate("walk", [40, 60], [0.25, 0.35], [6, 6.5], 0.8)],
        [defineTemplate("walk", [90, 150], [0.3, 0.38], [8, 9], 0.7)],
        [defineTemplate("run", [45, 60], [0.5, 0.6], [7, 8], 0.6)],
      ],
      startsWithoutConsents: true,
    },
    {
      ...base,
      userId: 58649213,
      login: "maria",
      firstName: "Maria",
      lastName: "Costa",
      birthdate: "1993-02-18",
      gender: "FEMALE",
      weight: 58.1,
      height: 166,
      story: "triathlete (UTC-3): pool swims, rides with power, runs, often two sessions a day",
      zone: createFixedZone(-180),
      utcOffsetMinutes: -180,
      device: "Polar Vantage V3",
      deviceId: "93C15F2D",
      hrMax: 189,
      hrRest: 47,
      vo2Max: 56,
      nightHeartRateAboveRest: 4,
      rmssd: 66,
      breathingRate: 13.4,
      sleepGoal: 28800,
      bedtimeHour: 22.4,
      sleepHours: 7.9,
      nightMissingProbability: 0.04,
      stepsPerDay: 8800,
      thresholdSpeed: 13.5,
      ftp: 215,
      chestStrapProbability: 0.5,
      home: { latitude: -23.58752, longitude: -46.65761, altitude: 760 },
      trainingBackground: "SEMI_PRO",
      typicalDay: "MOSTLY_SITTING",
      week: [
        [defineTemplate("swim", [50, 60], [0.5, 0.6], [6, 6.5], 0.9)],
        [defineTemplate("run", [50, 60], [0.7, 0.78], [6, 6.5], 0.9, true), defineTemplate("indoor-ride", [50, 60], [0.55, 0.62], [18, 18.5], 0.6)],
        [defineTemplate("swim", [55, 65], [0.55, 0.65], [6, 6.5], 0.9, true), defineTemplate("run", [35, 45], [0.5, 0.56], [18, 18.5], 0.5)],
        [defineTemplate("ride", [75, 95], [0.62, 0.7], [6, 6.5], 0.9, true)],
        [defineTemplate("swim", [45, 55], [0.5, 0.58], [6, 6.5], 0.7)],
        [defineTemplate("ride", [150, 200], [0.55, 0.62], [7, 7.5], 0.9), defineTemplate("run", [20, 30], [0.6, 0.66], [11, 11.5], 0.6)],
        [defineTemplate("run", [80, 100], [0.56, 0.62], [7, 7.5], 0.9)],
      ],
    },
  ];
}
