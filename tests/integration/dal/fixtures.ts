import type { Db } from "@/db/client";
import { polarConnections, users } from "@/db/schema/auth";
import { addDays } from "@/lib/analytics";
import {
  storeCardioLoad,
  storeExercise,
  storeNightlyRecharge,
  storePhysicalInfo,
  storeSleep,
  type Provenance,
} from "@/lib/sync/store";
import type { ExerciseInput, NightlyRechargeInput, SleepInput } from "@/lib/sync/transforms";

/**
 * Dashboard test data written through the sync's own idempotent writers (never by raw inserts into the
 * Polar tables), so the DAL reads exactly what a real sync stores.
 */

export { createTestDb, type TestDb } from "@/tests/fixtures/db";

export const PROV: Provenance = { endpoint: "/v3/test", transactionId: null, fetchedAt: 1_700_000_000_000 };

/** A user with a Polar connection whose profile says MALE (TRIMP needs the sex). */
export function insertAthlete(db: Db, id: string, polarUserId: number, gender: "MALE" | "FEMALE" = "MALE"): void {
  db.insert(users).values({ id, name: `Athlete ${id}`, polarUserId }).run();
  db.insert(polarConnections)
    .values({
      userId: id,
      polarUserId,
      memberId: `member-${id}`,
      accessTokenEncrypted: "not-a-real-token",
      tokenIssuedAt: new Date(PROV.fetchedAt),
      registrationStatus: "registered",
      state: "connected",
      polarProfileJson: JSON.stringify({ gender, birthdate: "1990-01-01" }),
    })
    .run();
}

export function storePhysiology(db: Db, athleteId: string, hrMax: number, hrRest: number, created = "2026-01-01T08:00:00.000"): void {
  storePhysicalInfo(
    db,
    athleteId,
    { id: 1, created, weight: 70, "maximum-heart-rate": hrMax, "resting-heart-rate": hrRest, "vo2-max": 55, "aerobic-threshold": 140, "anaerobic-threshold": 165 },
    {},
    PROV,
  );
}

export type SessionSpec = {
  id: number;
  /** Local start `YYYY-MM-DDTHH:MM:SS`. */
  start: string;
  offsetMinutes?: number;
  sport?: string;
  /** HR samples at `rate` seconds; null = dropout. */
  hr?: (number | null)[];
  rate?: number;
  cardioLoad?: number | null;
  polarZones?: { index: number; lower: number; upper: number; seconds: number }[];
};

function toIsoDuration(seconds: number): string {
  return `PT${seconds}S`;
}

export function storeSession(db: Db, athleteId: string, spec: SessionSpec): void {
  const rate = spec.rate ?? 5;
  const hr = spec.hr ?? [];
  const duration = hr.length > 0 ? hr.length * rate : 1800;
  const valid = hr.filter((value): value is number => value !== null);
  const exercise: ExerciseInput = {
    id: spec.id,
    "start-time": spec.start,
    "start-time-utc-offset": spec.offsetMinutes ?? 60,
    duration: toIsoDuration(duration),
    sport: spec.sport ?? "RUNNING",
    distance: 10_000,
    calories: 600,
    "heart-rate": valid.length > 0 ? { average: Math.round(valid.reduce((a, b) => a + b, 0) / valid.length), maximum: Math.max(...valid) } : null,
    "training-load-pro": spec.cardioLoad === undefined || spec.cardioLoad === null ? null : { "cardio-load": spec.cardioLoad },
  };
  storeExercise(
    db,
    athleteId,
    {
      exercise,
      exerciseRaw: exercise,
      zones: spec.polarZones
        ? { zone: spec.polarZones.map((zone) => ({ index: zone.index, "lower-limit": zone.lower, "upper-limit": zone.upper, "in-zone": toIsoDuration(zone.seconds) })) }
        : null,
      samples:
        hr.length > 0
          ? [{ sample: { "recording-rate": rate, "sample-type": 0, data: hr }, url: `/v3/test/samples/${spec.id}/0` }]
          : [],
    },
    PROV,
  );
}

/** A night from 23:00 (previous day) to 07:00 on `date`, at `offset` "+01:00". */
export function storeNight(
  db: Db,
  athleteId: string,
  date: string,
  options: { light?: number; deep?: number; rem?: number; unrecognized?: number; interruptions?: number; score?: number; hrSamples?: Record<string, number>; goalSeconds?: number } = {},
): void {
  const previous = addDays(date, -1);
  const sleep: SleepInput = {
    date,
    sleep_start_time: `${previous}T23:00:00+01:00`,
    sleep_end_time: `${date}T07:00:00+01:00`,
    light_sleep: options.light ?? 14_400,
    deep_sleep: options.deep ?? 5_400,
    rem_sleep: options.rem ?? 5_400,
    unrecognized_sleep_stage: options.unrecognized ?? 1_800,
    total_interruption_duration: options.interruptions ?? 1_800,
    short_interruption_duration: 600,
    long_interruption_duration: 1_200,
    sleep_score: options.score ?? 80,
    sleep_goal: options.goalSeconds ?? 28_800,
    hypnogram: { "23:00": 2, "23:30": 3, "00:40": 4, "02:00": 1, "03:00": 3, "05:00": 1, "06:30": 0, "06:40": 2 },
    heart_rate_samples: options.hrSamples ?? { "23:00": 60, "23:30": 56, "00:00": 54, "01:00": 52, "02:00": 52, "03:00": 54, "04:00": 58 },
  };
  storeSleep(db, athleteId, sleep, sleep, PROV);
}

export function storeRecharge(db: Db, athleteId: string, date: string, hrAvg: number, rmssd: number): void {
  const recharge: NightlyRechargeInput = {
    date,
    heart_rate_avg: hrAvg,
    heart_rate_variability_avg: rmssd,
    nightly_recharge_status: 4,
    ans_charge: 1.5,
    ans_charge_status: 3,
    hrv_samples: { "23:30": rmssd },
    breathing_samples: { "23:30": 14 },
  };
  storeNightlyRecharge(db, athleteId, recharge, recharge, PROV);
}

export function storePolarCardioLoad(db: Db, athleteId: string, date: string, status: string, load: number | null): void {
  const day = { date, cardio_load_status: status, cardio_load: load, strain: load, tolerance: load, cardio_load_ratio: load === null ? null : 1 };
  storeCardioLoad(db, athleteId, day, day, PROV);
}

/** Deterministic pseudo-random numbers in [0, 1) (LCG), so seeded histories are identical on every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * `days` days of history ending on `lastDate`: a session most days (HR samples every 5 s, 30–60 min), a night
 * with Nightly Recharge every day, Polar cardio load every day.
 */
export function seedHistory(db: Db, athleteId: string, options: { lastDate: string; days: number; seed?: number }): { sessions: number } {
  const random = createRandom(options.seed ?? 7);
  let sessions = 0;
  for (let i = options.days - 1; i >= 0; i -= 1) {
    const date = addDays(options.lastDate, -i);
    if (random() < 0.8) {
      const minutes = 30 + Math.floor(random() * 30);
      const base = 120 + Math.floor(random() * 40);
      const hr = Array.from({ length: minutes * 12 }, (_, k) => base + Math.round(15 * Math.sin(k / 40)));
      sessions += 1;
      storeSession(db, athleteId, { id: 10_000 + sessions, start: `${date}T07:00:00`, hr, rate: 5, cardioLoad: random() < 0.7 ? 40 + Math.round(random() * 60) : null });
    }
    storeNight(db, athleteId, date, { score: 60 + Math.floor(random() * 30) });
    storeRecharge(db, athleteId, date, 48 + Math.round(random() * 6), 50 + Math.round(random() * 20));
    storePolarCardioLoad(db, athleteId, date, "PRODUCTIVE", 50 + Math.round(random() * 30));
  }
  return { sessions };
}
