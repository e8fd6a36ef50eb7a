/**
 * Data transfer objects the dashboard pages and the JSON API return. Types only (no runtime, no server
 * imports), so client components can `import type` them. Every value is JSON-serialisable; instants are epoch
 * milliseconds (UTC), days are athlete-local `YYYY-MM-DD`, `null` means "not measured / not computable".
 */
import type { AdviceDay, DailyPoint, LapTable, LocalDate, MotionDisplay, RiskLevel, RiskReason, ZoneModel } from "@/lib/analytics";

/** What a read may cover; coach sharing (later) grants these per athlete. */
export type ReadScope = "training" | "sleep" | "recovery" | "body";

/** Per-night values shown as Polar gives them (not part of the analytics). */
export type NightExtrasDTO = {
  /** Polar sleep score 1–100. */
  sleepScore: number | null;
  /** Sleep charge 1–5. */
  sleepCharge: number | null;
  /** Stage minutes as Polar reports them (light = N1 + N2). */
  lightMinutes: number | null;
  deepMinutes: number | null;
  remMinutes: number | null;
  unrecognizedMinutes: number | null;
  /** Nightly Recharge ANS charge, −10 … +10 around 0 = usual. */
  ansCharge: number | null;
  /** 1–5: much below … much above usual. */
  ansChargeStatus: number | null;
  /** 1–6: very poor … very good. */
  nightlyRechargeStatus: number | null;
  /** Nightly Recharge RMSSD (ms), before the log. */
  rmssdMs: number | null;
};

/**
 * One athlete-local day of the daily series: the analytics point plus Polar's per-night display values, the
 * day's advice (metrics.md §13.2) and its check-in; both null for a viewer without the recovery scope.
 */
export type DailyPointDTO = DailyPoint & { night: NightExtrasDTO | null; advice: AdviceDay | null; checkIn: CheckInDTO | null };

export type DailySeriesDTO = {
  athleteId: string;
  from: LocalDate;
  to: LocalDate;
  /** The athlete's local today (from their latest UTC offset). */
  today: LocalDate;
  /** Day 1 of the athlete's history; null when nothing has been synced. */
  historyStart: LocalDate | null;
  /** Sleep need used for the debt (minutes) and where it came from. */
  sleepNeedMinutes: number;
  points: DailyPointDTO[];
};

/** Last sync and whether one is running. */
export type FreshnessDTO = {
  /** When the last run that stored data (succeeded or partial) finished. */
  lastSyncedAt: number | null;
  /** Status and end of the latest finished run, good or not. */
  lastStatus: "running" | "succeeded" | "partial" | "failed" | null;
  lastAttemptAt: number | null;
  runningRunId: string | null;
  connectionState: "connected" | "reconnect_needed" | "consents_needed" | "disconnected" | null;
};

export type SessionSummaryDTO = {
  id: number;
  localDate: LocalDate;
  /** Polar's local start time verbatim (`YYYY-MM-DDTHH:MM:SS`). */
  startTimeLocal: string;
  startUtcMs: number;
  durationSeconds: number;
  sport: string;
  detailedSport: string | null;
  /** metres */
  distanceMeters: number | null;
  avgHr: number | null;
  maxHr: number | null;
  /** Training Load Pro cardio load (Polar units). */
  cardioLoad: number | null;
  /** Banister TRIMP (AU); `trimpMethod` "average" = fallback from mean HR (lower by convexity). */
  trimp: number | null;
  trimpMethod: string | null;
  /** The RPE shown (CR-10): the athlete's own rating wins over Polar's `user-rpe`; null when neither exists. */
  rpe: number | null;
  rpeSource: "athlete" | "polar" | null;
  /** Session-RPE = RPE × minutes (AU, metrics.md §2.3); not part of the daily load. */
  srpe: number | null;
};

export type SessionListFilter = {
  sport?: string;
  from?: LocalDate;
  to?: LocalDate;
  sort?: "date-desc" | "date-asc" | "duration-desc" | "load-desc";
};

export type SessionListDTO = {
  /** The local dates listed: the filter's, or the default window ending on the athlete's today. */
  from: LocalDate;
  to: LocalDate;
  sessions: SessionSummaryDTO[];
  /** Every sport the athlete has, for the filter. */
  sports: string[];
  total: number;
  /** True when more sessions matched than were returned. */
  isTruncated: boolean;
};

/** One page of the training list: `first`–`last` (1-based) of `total`; both 0 when nothing matches. */
export type SessionPageDTO = SessionListDTO & { page: { number: number; size: number; count: number; first: number; last: number } };

export type SamplePointDTO = { t: number; value: number | null };

/** The session page's pace/speed, laps, distance axis and route (lib/dal/sessions/motion.ts). */
export type SessionMotionDTO = {
  /** Pace (min/km) for running and walking sports, speed (km/h) for cycling, null for the rest. */
  motion: MotionDisplay | null;
  /** From the session's distance and duration. */
  avgSpeedKmh: number | null;
  laps: LapTable;
  /** Metres from the start at each point of the time axis (from the speed samples); null without speed. */
  distanceTrack: SamplePointDTO[] | null;
  /** WGS 84 degrees, thinned to at most ~1 500 points; `pointCount` is how many are stored. */
  route: { points: { lat: number; lon: number }[]; pointCount: number } | null;
};

export type SessionDetailDTO = SessionSummaryDTO & SessionMotionDTO & {
  calories: number | null;
  device: string | null;
  /** Polar's perceived load, as Polar gives it. */
  perceivedLoad: number | null;
  /** Polar's `user-rpe` on CR-10 (explicit table), and the athlete's own rating here. */
  polarRpe: number | null;
  ownRpe: number | null;
  muscleLoad: number | null;
  cardioLoadInterpretation: string | null;
  runningIndex: number | null;
  /** Why `trimp` is empty, as the athlete can act on it ("TRIMP needs your sex: set it in Body"); null otherwise. */
  trimpMissingReason: string | null;
  computedZones: {
    /** Z1..Z5 lower bounds (bpm) of the model the stored seconds were computed with; null without HRmax. */
    lowerBounds: number[] | null;
    /** Seconds, index 0 = below Z1, 1..5 = Z1..Z5. */
    seconds: number[];
    noDataSeconds: number;
    hrMax: number | null;
    hrRest: number | null;
    hrMaxSource: "physical-info" | "age-fallback" | "override" | null;
  } | null;
  polarZones: { index: number; lowerLimit: number; upperLimit: number; seconds: number }[];
  /** Downsampled series for display (at most ~1 200 points each); null when the session has none. */
  heartRate: SamplePointDTO[] | null;
  /** km/h */
  speed: SamplePointDTO[] | null;
  /** metres */
  altitude: SamplePointDTO[] | null;
  /** watts */
  power: SamplePointDTO[] | null;
  /** rpm */
  cadence: SamplePointDTO[] | null;
};

export type WeeklyZoneDTO = { weekStart: LocalDate; z1: number; z2: number; z3: number; z4: number; z5: number; sessions: number };

export type SleepNightDetailDTO = {
  date: LocalDate;
  startUtcMs: number;
  endUtcMs: number;
  offsetMinutes: number;
  sleepScore: number | null;
  stages: { utcMs: number; code: number }[];
};

export type RiskSummaryDTO = {
  date: LocalDate;
  level: RiskLevel;
  reasons: RiskReason[];
  context: string | null;
  message: string | null;
};

export type PhysicalInfoPointDTO = {
  date: LocalDate;
  createdAt: number;
  weightKg: number | null;
  vo2Max: number | null;
  maximumHeartRate: number | null;
  restingHeartRate: number | null;
  aerobicThreshold: number | null;
  anaerobicThreshold: number | null;
};

export type PhysiologyValueDTO<T> = { value: T; source: string; label: string };

export type BodyDTO = {
  history: PhysicalInfoPointDTO[];
  settings: {
    hrmax: PhysiologyValueDTO<number | null>;
    hrrest: PhysiologyValueDTO<number | null>;
    /** null when unknown: no TRIMP then (the label says what to do). */
    sex: PhysiologyValueDTO<"male" | "female" | null>;
    zoneModel: PhysiologyValueDTO<ZoneModel>;
  };
  overrides: AthleteOverridesDTO;
};

export type AthleteOverridesDTO = {
  hrmax: number | null;
  hrrest: number | null;
  sex: "male" | "female" | null;
  zoneModel: ZoneModel | null;
};

/** One morning check-in (metrics.md §13.1) as a viewer may see it; `note` is null unless they may read notes. */
export type CheckInDTO = {
  date: LocalDate;
  fatigue: number | null;
  soreness: number | null;
  stress: number | null;
  mood: number | null;
  sleepQuality: number | null;
  illness: boolean | null;
  note: string | null;
  updatedAt: number;
};
