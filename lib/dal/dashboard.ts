import "server-only";
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { athletePhysiologyOverrides } from "@/db/schema/athlete-settings";
import { polarConnections } from "@/db/schema/auth";
import { exerciseHrZones, exerciseSamples, exercises, physicalInfos, sleeps } from "@/db/schema/polar-data";
import { syncRuns } from "@/db/schema/sync";
import {
  addDays,
  computeBanisterTrimpFixedRate,
  computeBanisterTrimpFromMeanHr,
  computeTimeInZonesFixedRate,
  computeZoneBounds,
  getWeekStart,
  isLocalDate,
  resolvePhysiologySettings,
  type LocalDate,
  type PhysiologySettings,
  type PolarPhysicalInfoLike,
} from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { unpackNumbers, unpackTimedValues } from "@/lib/sync/pack";
import {
  authorizeAthleteRead,
  computeViewerDailySeries,
  getAthleteOverrides,
  getAthleteToday,
  toRangeEnding,
} from "./daily";
import { getGrantedScopes } from "./access";
import type {
  AthleteOverridesDTO,
  BodyDTO,
  DailyPointDTO,
  DailySeriesDTO,
  FreshnessDTO,
  SamplePointDTO,
  SessionDetailDTO,
  SessionListDTO,
  SessionListFilter,
  SessionSummaryDTO,
  SleepNightDetailDTO,
  WeeklyZoneDTO,
} from "./dto";

export { authorizeAthleteRead, getDailySeries, SELF_ATHLETE_ID } from "./daily";

/** The request's clock (epoch ms); injected by tests and the bench, the real clock otherwise. */
export type Clock = { now?: number };

/** Most sessions one list returns; filters narrow further. */
export const SESSION_LIST_LIMIT = 200;
/** Days a session list covers when the filter names no dates: the 12 weeks of the training page's zone chart. */
export const SESSION_LIST_DEFAULT_DAYS = 84;
/** Points per session series sent to the browser (bucket means keep the shape). */
export const SERIES_POINT_LIMIT = 1200;

// ── freshness ──

/** When the athlete's data was last synced, how the latest attempt went, whether a run is going, the connection. */
export function getFreshness(db: Db, athleteId: string): FreshnessDTO {
  const latest = db
    .select({ id: syncRuns.id, status: syncRuns.status })
    .from(syncRuns)
    .where(eq(syncRuns.athleteId, athleteId))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  const lastAttempt = db
    .select({ finishedAt: syncRuns.finishedAt, status: syncRuns.status })
    .from(syncRuns)
    .where(and(eq(syncRuns.athleteId, athleteId), sql`${syncRuns.finishedAt} is not null`))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  // A failed run brought nothing new: "synced" means the last run that stored data (fully or partly).
  const lastGood = db
    .select({ finishedAt: syncRuns.finishedAt })
    .from(syncRuns)
    .where(and(eq(syncRuns.athleteId, athleteId), inArray(syncRuns.status, ["succeeded", "partial"])))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  const connection = db.select({ state: polarConnections.state }).from(polarConnections).where(eq(polarConnections.userId, athleteId)).get();
  return {
    lastSyncedAt: lastGood?.finishedAt ?? null,
    lastStatus: lastAttempt?.status ?? null,
    lastAttemptAt: lastAttempt?.finishedAt ?? null,
    runningRunId: latest?.status === "running" ? latest.id : null,
    connectionState: connection?.state ?? null,
  };
}

// ── sessions ──

const sessionColumns = {
  id: exercises.id,
  localDate: exercises.localDate,
  startTimeLocal: exercises.startTimeLocal,
  startUtcMs: exercises.startUtcMs,
  durationSeconds: exercises.durationSeconds,
  sport: exercises.sport,
  detailedSport: exercises.detailedSport,
  distanceMeters: exercises.distanceMeters,
  avgHr: exercises.avgHr,
  maxHr: exercises.maxHr,
  cardioLoad: exercises.cardioLoad,
  trimp: exercises.trimp,
  trimpMethod: exercises.trimpMethod,
};

const filterDateSchema = z.string().refine(isLocalDate);

const sessionFilterSchema = z.object({
  sport: z.string().min(1).max(80).optional(),
  from: filterDateSchema.optional(),
  to: filterDateSchema.optional(),
  sort: z.enum(["date-desc", "date-asc", "duration-desc", "load-desc"]).optional(),
});

/** Parses list filters from search params; an invalid value is dropped rather than failing the page. */
export function parseSessionFilter(params: Record<string, string | undefined>): SessionListFilter {
  const filter: SessionListFilter = {};
  for (const key of ["sport", "from", "to", "sort"] as const) {
    const value = params[key];
    if (value === undefined || value === "") continue;
    const parsed = sessionFilterSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) Object.assign(filter, { [key]: parsed.data });
  }
  return filter;
}

/**
 * The dates a session list covers: the filter's, a missing end being the athlete's today and a missing start
 * `SESSION_LIST_DEFAULT_DAYS` days before the end. Bounded so the page reads its range, not the whole history.
 */
export function resolveSessionRange(filter: SessionListFilter, today: LocalDate): { from: LocalDate; to: LocalDate } {
  const to = filter.to ?? today;
  return { from: filter.from ?? addDays(to, -(SESSION_LIST_DEFAULT_DAYS - 1)), to };
}

function sessionConditions(athleteId: string, filter: SessionListFilter): SQL | undefined {
  const conditions: SQL[] = [eq(exercises.athleteId, athleteId)];
  if (filter.sport) conditions.push(eq(exercises.sport, filter.sport));
  if (filter.from) conditions.push(gte(exercises.localDate, filter.from));
  if (filter.to) conditions.push(lte(exercises.localDate, filter.to));
  return and(...conditions);
}

function listSessionRows(db: Db, athleteId: string, filter: SessionListFilter, limit: number): SessionSummaryDTO[] {
  const order =
    filter.sort === "date-asc"
      ? [asc(exercises.startUtcMs)]
      : filter.sort === "duration-desc"
        ? [desc(exercises.durationSeconds), desc(exercises.startUtcMs)]
        : filter.sort === "load-desc"
          ? [desc(sql`coalesce(${exercises.cardioLoad}, ${exercises.trimp}, -1)`), desc(exercises.startUtcMs)]
          : [desc(exercises.startUtcMs)];
  return db
    .select(sessionColumns)
    .from(exercises)
    .where(sessionConditions(athleteId, filter))
    .orderBy(...order)
    .limit(limit)
    .all();
}

/**
 * Every sport the athlete has, ascending, in one index seek per sport (a loose index scan over
 * `exercise_athlete_sport_idx`): the filter offers all of them whatever the dates, without reading every session.
 */
function listSports(db: Db, athleteId: string): string[] {
  return db
    .all<{ sport: string | null }>(
      sql`with recursive sports(sport) as (
        select min(sport) from exercise where athlete_id = ${athleteId}
        union all
        select (select min(e.sport) from exercise e where e.athlete_id = ${athleteId} and e.sport > sports.sport) from sports where sports.sport is not null
      )
      select sport from sports where sport is not null`,
    )
    .flatMap((row) => (row.sport === null ? [] : [row.sport]));
}

/**
 * The athlete's sessions in the filter's dates (by default the last `SESSION_LIST_DEFAULT_DAYS` days ending on
 * the athlete's today, see `resolveSessionRange`), filtered by sport and sorted; at most `SESSION_LIST_LIMIT`.
 */
export function listSessions(db: Db, viewer: Viewer, athleteId: string, filter: SessionListFilter = {}, options: Clock = {}): SessionListDTO {
  const id = authorizeAthleteRead(viewer, athleteId, "training", db);
  // The athlete's clock is only read when the filter has no end date.
  const range = resolveSessionRange(filter, filter.to ?? getAthleteToday(db, id, options.now ?? Date.now()));
  const ranged = { ...filter, ...range };
  const rows = listSessionRows(db, id, ranged, SESSION_LIST_LIMIT);
  const total = rows.length < SESSION_LIST_LIMIT ? rows.length : (db.select({ n: count() }).from(exercises).where(sessionConditions(id, ranged)).get()?.n ?? 0);
  return { ...range, sessions: rows, sports: listSports(db, id), total, isTruncated: total > rows.length };
}

/** Bucket means so a long session sends at most `limit` points; a bucket of only dropouts stays null. */
export function downsampleSeries(values: readonly (number | null)[], rateSeconds: number, limit = SERIES_POINT_LIMIT): SamplePointDTO[] {
  const bucket = Math.max(1, Math.ceil(values.length / limit));
  const points: SamplePointDTO[] = [];
  for (let start = 0; start < values.length; start += bucket) {
    let total = 0;
    let n = 0;
    for (let i = start; i < Math.min(values.length, start + bucket); i += 1) {
      const value = values[i];
      if (value !== null && Number.isFinite(value)) {
        total += value;
        n += 1;
      }
    }
    points.push({ t: start * rateSeconds, value: n > 0 ? total / n : null });
  }
  return points;
}

/** Polar sample-type codes (API §10.1). */
const SAMPLE_TYPE = { heartRate: 0, speed: 1, cadence: 2, altitude: 3, power: 4 } as const;

/** One session with its zones (Polar's and ours), loads and display series. */
export function getSessionDetail(db: Db, viewer: Viewer, athleteId: string, sessionId: number): SessionDetailDTO {
  const id = authorizeAthleteRead(viewer, athleteId, "training", db);
  const row = db
    .select()
    .from(exercises)
    .where(and(eq(exercises.athleteId, id), eq(exercises.id, sessionId)))
    .get();
  if (!row) throw new AppError("not_found", "No such session.");
  const zoneRows = db
    .select({ index: exerciseHrZones.zoneIndex, lower: exerciseHrZones.lowerLimit, upper: exerciseHrZones.upperLimit, seconds: exerciseHrZones.inZoneSeconds })
    .from(exerciseHrZones)
    .where(eq(exerciseHrZones.exerciseId, row.id))
    .orderBy(asc(exerciseHrZones.zoneIndex))
    .all();
  const sampleRows = db
    .select({ type: exerciseSamples.sampleType, rate: exerciseSamples.recordingRate, packed: exerciseSamples.packedValues })
    .from(exerciseSamples)
    .where(eq(exerciseSamples.exerciseId, row.id))
    .all();
  const series = (type: number): SamplePointDTO[] | null => {
    const sample = sampleRows.find((item) => item.type === type);
    if (!sample || sample.rate === null || !(sample.rate > 0)) return null;
    const values = unpackNumbers(sample.packed);
    return values.length > 0 ? downsampleSeries(values, sample.rate) : null;
  };
  const zoneModel = getAthleteOverrides(db, id).zoneModel ?? "polar-hrmax";
  const zoneSeconds = [row.zone0Seconds, row.zone1Seconds, row.zone2Seconds, row.zone3Seconds, row.zone4Seconds, row.zone5Seconds];
  const hasComputed = zoneSeconds.every((value) => value !== null);
  return {
    id: row.id,
    localDate: row.localDate,
    startTimeLocal: row.startTimeLocal,
    startUtcMs: row.startUtcMs,
    durationSeconds: row.durationSeconds,
    sport: row.sport,
    detailedSport: row.detailedSport,
    distanceMeters: row.distanceMeters,
    avgHr: row.avgHr,
    maxHr: row.maxHr,
    cardioLoad: row.cardioLoad,
    trimp: row.trimp,
    trimpMethod: row.trimpMethod,
    calories: row.calories,
    device: row.device,
    perceivedLoad: row.perceivedLoad,
    muscleLoad: row.muscleLoad,
    cardioLoadInterpretation: row.cardioLoadInterpretation,
    runningIndex: row.runningIndex,
    computedZones: hasComputed
      ? {
          // The stored seconds were computed from the HRmax (and HRrest) recorded on the row, with the athlete's
          // zone model (Polar's %HRmax unless they chose heart-rate reserve).
          lowerBounds: row.hrMaxUsed ? toLowerBounds(zoneModel, row.hrMaxUsed, row.hrRestUsed) : null,
          seconds: zoneSeconds.map((value) => value ?? 0),
          noDataSeconds: row.noDataSeconds ?? 0,
          hrMax: row.hrMaxUsed,
          hrRest: row.hrRestUsed,
          hrMaxSource: row.hrMaxSource,
        }
      : null,
    polarZones: zoneRows.map((zone) => ({ index: zone.index, lowerLimit: zone.lower, upperLimit: zone.upper, seconds: zone.seconds })),
    heartRate: series(SAMPLE_TYPE.heartRate),
    speed: series(SAMPLE_TYPE.speed),
    altitude: series(SAMPLE_TYPE.altitude),
    power: series(SAMPLE_TYPE.power),
    cadence: series(SAMPLE_TYPE.cadence),
  };
}

function toLowerBounds(model: "polar-hrmax" | "hrr", hrmax: number, hrrest: number | null): number[] {
  if (model === "hrr" && hrrest !== null && hrrest < hrmax) return [...computeZoneBounds({ model, hrmax, hrrest })];
  return [...computeZoneBounds({ model: "polar-hrmax", hrmax })];
}

/** Minutes in computed Z1..Z5 per week (Monday start) for sessions in `[from, to]`; weeks without sessions included. */
export function getWeeklyZones(db: Db, viewer: Viewer, athleteId: string, range: { from: LocalDate; to: LocalDate }): WeeklyZoneDTO[] {
  const id = authorizeAthleteRead(viewer, athleteId, "training", db);
  const rows = db
    .select({
      date: exercises.localDate,
      z1: exercises.zone1Seconds,
      z2: exercises.zone2Seconds,
      z3: exercises.zone3Seconds,
      z4: exercises.zone4Seconds,
      z5: exercises.zone5Seconds,
    })
    .from(exercises)
    .where(and(eq(exercises.athleteId, id), gte(exercises.localDate, range.from), lte(exercises.localDate, range.to)))
    .all();
  const weeks = new Map<LocalDate, WeeklyZoneDTO>();
  for (let week = getWeekStart(range.from); week <= range.to; week = getWeekStart(shiftWeek(week))) {
    weeks.set(week, { weekStart: week, z1: 0, z2: 0, z3: 0, z4: 0, z5: 0, sessions: 0 });
  }
  for (const row of rows) {
    const week = weeks.get(getWeekStart(row.date));
    if (!week) continue;
    week.sessions += 1;
    week.z1 += (row.z1 ?? 0) / 60;
    week.z2 += (row.z2 ?? 0) / 60;
    week.z3 += (row.z3 ?? 0) / 60;
    week.z4 += (row.z4 ?? 0) / 60;
    week.z5 += (row.z5 ?? 0) / 60;
  }
  return [...weeks.values()];
}

function shiftWeek(weekStart: LocalDate): LocalDate {
  return addDays(weekStart, 7);
}

// ── sleep ──

export type SleepNightView = {
  night: SleepNightDetailDTO | null;
  previousDate: LocalDate | null;
  nextDate: LocalDate | null;
};

/** One night's hypnogram (the latest on or before `date`, or the latest overall) with its neighbours. */
export function getSleepNight(db: Db, viewer: Viewer, athleteId: string, date: LocalDate | null): SleepNightView {
  const id = authorizeAthleteRead(viewer, athleteId, "sleep", db);
  const row = db
    .select({
      date: sleeps.localDate,
      start: sleeps.startUtcMs,
      end: sleeps.endUtcMs,
      offset: sleeps.startUtcOffsetMinutes,
      score: sleeps.sleepScore,
      base: sleeps.samplesBaseUtcMs,
      hypnogram: sleeps.hypnogram,
    })
    .from(sleeps)
    .where(date ? and(eq(sleeps.athleteId, id), lte(sleeps.localDate, date)) : eq(sleeps.athleteId, id))
    .orderBy(desc(sleeps.localDate))
    .limit(1)
    .get();
  if (!row) return { night: null, previousDate: null, nextDate: null };
  const previous = db
    .select({ date: sleeps.localDate })
    .from(sleeps)
    .where(and(eq(sleeps.athleteId, id), lt(sleeps.localDate, row.date)))
    .orderBy(desc(sleeps.localDate))
    .limit(1)
    .get();
  const next = db
    .select({ date: sleeps.localDate })
    .from(sleeps)
    .where(and(eq(sleeps.athleteId, id), gt(sleeps.localDate, row.date)))
    .orderBy(asc(sleeps.localDate))
    .limit(1)
    .get();
  return {
    night: {
      date: row.date,
      startUtcMs: row.start,
      endUtcMs: row.end,
      offsetMinutes: row.offset,
      sleepScore: row.score,
      stages: unpackTimedValues(row.hypnogram, row.base).flatMap((stage) => (stage.value === null ? [] : [{ utcMs: stage.utcMs, code: stage.value }])),
    },
    previousDate: previous?.date ?? null,
    nextDate: next?.date ?? null,
  };
}

// ── overview ──

export type OverviewDTO = {
  /** The instant the overview was computed (epoch ms), for "synced 2 h ago". */
  now: number;
  today: LocalDate;
  /** The last 7 athlete-local days, today last. */
  week: DailySeriesDTO;
  todayPoint: DailyPointDTO | null;
  /** The latest point with sleep data in the week (last night, or the most recent before it). */
  lastNight: DailyPointDTO | null;
  latestSessions: SessionSummaryDTO[];
  freshness: FreshnessDTO;
};

/** Everything the overview page shows: today's risk, the week, last night, latest sessions, freshness. */
export function getOverview(db: Db, viewer: Viewer, athleteId: string, options: Clock = {}): OverviewDTO {
  const id = authorizeAthleteRead(viewer, athleteId, "recovery", db);
  const now = options.now ?? Date.now();
  const today = getAthleteToday(db, id, now);
  const week = computeViewerDailySeries(db, viewer, id, toRangeEnding(today, 7), { now, scope: "recovery" });
  const todayPoint = week.points.find((point) => point.date === today) ?? null;
  const lastNight = [...week.points].reverse().find((point) => point.night !== null || point.sleep.night !== null) ?? null;
  return {
    now,
    today,
    week,
    todayPoint,
    lastNight,
    // Sessions are training data: a coach granted recovery only does not see them.
    latestSessions: getGrantedScopes(db, viewer, id).has("training") ? listSessionRows(db, id, {}, 5) : [],
    freshness: getFreshness(db, id),
  };
}

/** The daily series for a page's initial range (the range in the URL, ending on the athlete's today). */
export function getPageSeries(
  db: Db,
  viewer: Viewer,
  athleteId: string,
  resolveRange: (today: LocalDate) => { from: LocalDate; to: LocalDate },
  options: Clock & { scope: "training" | "sleep" | "recovery" },
): DailySeriesDTO {
  const id = authorizeAthleteRead(viewer, athleteId, options.scope, db);
  const now = options.now ?? Date.now();
  const range = resolveRange(getAthleteToday(db, id, now));
  return computeViewerDailySeries(db, viewer, id, range, { now, scope: options.scope });
}

/** The athlete's local today. */
export function getToday(db: Db, viewer: Viewer, athleteId: string, options: Clock = {}): LocalDate {
  return getAthleteToday(db, authorizeAthleteRead(viewer, athleteId, "training", db), options.now ?? Date.now());
}

// ── body ──

const profileSchema = z.object({
  gender: z.string().nullish(),
  birthdate: z.string().nullish(),
  birthday: z.string().nullish(),
});

function readProfile(db: Db, athleteId: string): { gender: string | null; birthday: string | null } {
  const row = db.select({ json: polarConnections.polarProfileJson }).from(polarConnections).where(eq(polarConnections.userId, athleteId)).get();
  if (!row?.json) return { gender: null, birthday: null };
  try {
    const parsed = profileSchema.safeParse(JSON.parse(row.json));
    return parsed.success
      ? { gender: parsed.data.gender ?? null, birthday: parsed.data.birthdate ?? parsed.data.birthday ?? null }
      : { gender: null, birthday: null };
  } catch {
    return { gender: null, birthday: null };
  }
}

function loadPolarPhysiology(db: Db, athleteId: string): PolarPhysicalInfoLike {
  const latest = db
    .select({ hrMax: physicalInfos.maximumHeartRate, hrRest: physicalInfos.restingHeartRate })
    .from(physicalInfos)
    .where(eq(physicalInfos.athleteId, athleteId))
    .orderBy(desc(physicalInfos.createdAt), desc(physicalInfos.polarPhysicalInfoId))
    .limit(1)
    .get();
  const profile = readProfile(db, athleteId);
  return {
    maximumHeartRate: latest?.hrMax ?? null,
    restingHeartRate: latest?.hrRest ?? null,
    gender: profile.gender,
    birthday: profile.birthday,
  };
}

/** Physiology with overrides; an inconsistent combination (HRrest ≥ HRmax) becomes a bad_request. */
function resolvePhysiology(polar: PolarPhysicalInfoLike, overrides: AthleteOverridesDTO, today: LocalDate): PhysiologySettings {
  try {
    return resolvePhysiologySettings(polar, overrides, { onDate: today });
  } catch (error) {
    throw new AppError("bad_request", error instanceof Error ? error.message : "Inconsistent heart-rate settings.");
  }
}

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
  let settings: PhysiologySettings;
  try {
    settings = resolvePhysiology(loadPolarPhysiology(db, id), overrides, today);
  } catch {
    // Stored overrides that clash with newer Polar values: show Polar's values, keep the overrides visible.
    settings = resolvePhysiologySettings(loadPolarPhysiology(db, id), {}, { onDate: today });
  }
  return {
    history,
    settings: { hrmax: settings.hrmax, hrrest: settings.hrrest, sex: settings.sex, zoneModel: settings.zoneModel },
    overrides,
  };
}

/** Form input of the Body settings (empty field = use Polar's value). */
export const AthleteOverridesInputSchema = z
  .object({
    hrmax: z.number().int().min(100, "HRmax must be at least 100 bpm").max(240, "HRmax must be at most 240 bpm").nullable(),
    hrrest: z.number().int().min(25, "Resting HR must be at least 25 bpm").max(120, "Resting HR must be at most 120 bpm").nullable(),
    sex: z.enum(["male", "female"]).nullable(),
    zoneModel: z.enum(["polar-hrmax", "hrr"]).nullable(),
  })
  .refine((input) => input.hrmax === null || input.hrrest === null || input.hrrest < input.hrmax, {
    error: "Resting HR must be below HRmax",
    path: ["hrrest"],
  });
export type AthleteOverridesInput = z.infer<typeof AthleteOverridesInputSchema>;

export type RecomputeSummary = { sessionsRecomputed: number; overrides: AthleteOverridesDTO };

/**
 * Saves the athlete's HRmax/HRrest/sex/zone-model overrides and recomputes what depends on them: every stored
 * session's time in zone and Banister TRIMP (from its stored HR samples). The daily series (load fallback,
 * PMC, ACWR, flags) is computed on read, so it follows automatically.
 */
export function saveAthleteOverrides(db: Db, viewer: Viewer, input: AthleteOverridesInput, options: Clock = {}): RecomputeSummary {
  const id = viewer.userId;
  const today = getAthleteToday(db, id, options.now ?? Date.now());
  const physiology = resolvePhysiology(loadPolarPhysiology(db, id), input, today);
  const hrmax = physiology.hrmax.value;
  const hrrest = physiology.hrrest.value;
  if (physiology.zoneModel.value === "hrr" && hrrest === null) {
    throw new AppError("bad_request", "The heart-rate-reserve zone model needs a resting HR: enter one or use the %HRmax model.");
  }
  return db.transaction((tx) => {
    const values = { hrmax: input.hrmax, hrrest: input.hrrest, sex: input.sex, zoneModel: input.zoneModel, updatedAt: new Date(options.now ?? Date.now()) };
    tx.insert(athletePhysiologyOverrides)
      .values({ athleteId: id, ...values })
      .onConflictDoUpdate({ target: athletePhysiologyOverrides.athleteId, set: values })
      .run();
    const sessions = tx
      .select({ id: exercises.id, avgHr: exercises.avgHr, duration: exercises.durationSeconds })
      .from(exercises)
      .where(eq(exercises.athleteId, id))
      .all();
    for (const session of sessions) {
      const hr = tx
        .select({ rate: exerciseSamples.recordingRate, packed: exerciseSamples.packedValues })
        .from(exerciseSamples)
        .where(and(eq(exerciseSamples.exerciseId, session.id), eq(exerciseSamples.sampleType, SAMPLE_TYPE.heartRate)))
        .get();
      const values = hr && hr.rate !== null && hr.rate > 0 ? unpackNumbers(hr.packed) : null;
      const rate = hr?.rate ?? null;
      const bounds =
        hrmax !== null ? computeZoneBounds({ model: physiology.zoneModel.value, hrmax, hrrest }) : null;
      const zones = values && values.length > 0 && rate !== null && bounds ? computeTimeInZonesFixedRate(values, rate, bounds) : null;
      const params = hrmax !== null && hrrest !== null && hrrest < hrmax ? { hrmax, hrrest, sex: physiology.sex.value } : null;
      const trimp =
        params === null
          ? null
          : values && values.length > 0 && rate !== null
            ? computeBanisterTrimpFixedRate(values, rate, params)
            : session.avgHr && session.avgHr > 0 && session.duration > 0
              ? computeBanisterTrimpFromMeanHr(session.duration / 60, session.avgHr, params)
              : null;
      tx.update(exercises)
        .set({
          zone0Seconds: zones ? zones.zones[0] : null,
          zone1Seconds: zones ? zones.zones[1] : null,
          zone2Seconds: zones ? zones.zones[2] : null,
          zone3Seconds: zones ? zones.zones[3] : null,
          zone4Seconds: zones ? zones.zones[4] : null,
          zone5Seconds: zones ? zones.zones[5] : null,
          noDataSeconds: zones ? zones.noData : null,
          trimp: trimp ? trimp.trimp : null,
          trimpMethod: trimp ? trimp.method : null,
          hrMaxUsed: hrmax,
          hrRestUsed: hrrest,
        })
        .where(eq(exercises.id, session.id))
        .run();
    }
    return { sessionsRecomputed: sessions.length, overrides: input };
  });
}
