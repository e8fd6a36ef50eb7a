import { and, desc, eq, sql } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { polarConnections } from "@/db/schema/auth";
import { athletePhysiologyOverrides } from "@/db/schema/athlete-settings";
import {
  cardioLoads,
  continuousHeartRates,
  dailyActivities,
  dailyActivityExtras,
  exercises,
  nightlyRecharges,
  physicalInfos,
  sleeps,
} from "@/db/schema/polar-data";

/**
 * The writers' per-record lookups as prepared statements. A sync runs them a few hundred times per athlete;
 * building the query and compiling the SQL each time cost more than running it. Prepared once per handle:
 * per database for the item writers, per transaction for a window's writers (its ~30 rows share one).
 */

type Handle = Db | DbTx;

const athleteId = sql.placeholder("athleteId");
const localDate = sql.placeholder("localDate");

const BUILDERS = {
  exercise: (db: Handle) =>
    db
      .select()
      .from(exercises)
      .where(and(eq(exercises.athleteId, athleteId), eq(exercises.polarExerciseId, sql.placeholder("polarExerciseId"))))
      .prepare(),
  exerciseByHashedId: (db: Handle) =>
    db
      .select()
      .from(exercises)
      .where(and(eq(exercises.athleteId, athleteId), eq(exercises.polarHashedId, sql.placeholder("polarHashedId"))))
      .prepare(),
  /** The cross-API identity of a session (§6.1): device id (`IS`, so two null ids match) and UTC start. */
  exerciseByDeviceStart: (db: Handle) =>
    db
      .select()
      .from(exercises)
      .where(
        and(
          eq(exercises.athleteId, athleteId),
          eq(exercises.startUtcMs, sql.placeholder("startUtcMs")),
          sql`${exercises.deviceId} IS ${sql.placeholder("deviceId")}`,
        ),
      )
      .prepare(),
  newestPhysicalInfo: (db: Handle) =>
    db
      .select({ hrMax: physicalInfos.maximumHeartRate, hrRest: physicalInfos.restingHeartRate })
      .from(physicalInfos)
      .where(eq(physicalInfos.athleteId, athleteId))
      .orderBy(desc(physicalInfos.createdAt), desc(physicalInfos.polarPhysicalInfoId))
      .limit(1)
      .prepare(),
  overrides: (db: Handle) => db.select().from(athletePhysiologyOverrides).where(eq(athletePhysiologyOverrides.athleteId, athleteId)).prepare(),
  polarProfile: (db: Handle) =>
    db.select({ profile: polarConnections.polarProfileJson }).from(polarConnections).where(eq(polarConnections.userId, athleteId)).prepare(),
  dailyActivity: (db: Handle) =>
    db
      .select()
      .from(dailyActivities)
      .where(and(eq(dailyActivities.athleteId, athleteId), eq(dailyActivities.localDate, localDate)))
      .prepare(),
  /** Where the day's activity row came from, without its (large) raw JSON. */
  dailyActivityEndpoint: (db: Handle) =>
    db
      .select({ endpoint: dailyActivities.endpoint })
      .from(dailyActivities)
      .where(and(eq(dailyActivities.athleteId, athleteId), eq(dailyActivities.localDate, localDate)))
      .prepare(),
  dailyActivityExtra: (db: Handle) =>
    db
      .select()
      .from(dailyActivityExtras)
      .where(and(eq(dailyActivityExtras.athleteId, athleteId), eq(dailyActivityExtras.localDate, localDate)))
      .prepare(),
  sleep: (db: Handle) =>
    db.select().from(sleeps).where(and(eq(sleeps.athleteId, athleteId), eq(sleeps.localDate, localDate))).prepare(),
  /** The night's `sleep_start_time` as served, read inside SQLite: the raw night (hypnogram, HR) is never parsed here. */
  sleepStartTime: (db: Handle) =>
    db
      .select({ startTime: sql<unknown>`json_extract(${sleeps.rawJson}, '$.sleep_start_time')` })
      .from(sleeps)
      .where(and(eq(sleeps.athleteId, athleteId), eq(sleeps.localDate, localDate)))
      .prepare(),
  nightlyRecharge: (db: Handle) =>
    db
      .select()
      .from(nightlyRecharges)
      .where(and(eq(nightlyRecharges.athleteId, athleteId), eq(nightlyRecharges.localDate, localDate)))
      .prepare(),
  continuousHeartRate: (db: Handle) =>
    db
      .select()
      .from(continuousHeartRates)
      .where(and(eq(continuousHeartRates.athleteId, athleteId), eq(continuousHeartRates.localDate, localDate)))
      .prepare(),
  cardioLoad: (db: Handle) =>
    db.select().from(cardioLoads).where(and(eq(cardioLoads.athleteId, athleteId), eq(cardioLoads.localDate, localDate))).prepare(),
};

type Lookups = { [K in keyof typeof BUILDERS]: ReturnType<(typeof BUILDERS)[K]> };

const prepared = new WeakMap<Handle, Partial<Lookups>>();

/** The prepared lookup `key` on this handle, compiled on first use. */
export function lookup<K extends keyof Lookups>(db: Handle, key: K): Lookups[K] {
  let forHandle = prepared.get(db);
  if (!forHandle) {
    forHandle = {};
    prepared.set(db, forHandle);
  }
  const existing = forHandle[key];
  if (existing) return existing as Lookups[K];
  const statement = BUILDERS[key](db) as Lookups[K];
  forHandle[key] = statement;
  return statement;
}
