import type { Db } from "@/db/client";
import type { SimUpload } from "@/lib/polar-sim/contract";
import { DAY_MS } from "./harness";

/**
 * What a complete backfill holds for an athlete whose watch was in use long before registering, on a
 * simulator that serves pre-registration days (switch) within its look-backs: per day-keyed type, every day
 * uploaded by now from the oldest day Polar serves on. Cardio load: real (non-placeholder) days only.
 */

export const BACKFILL_SWITCHES = {
  rateLimitShortBase: 1_000_000,
  rateLimitLongBase: 10_000_000,
  servePreRegistrationDays: true,
  sleepLookbackDays: 60,
  chrLookbackDays: 90,
};

type SimLike = {
  clock: { now(): number };
  dataset: { athlete(userId: number): { profile: { utcOffsetMinutes: number }; uploadsBetween(from: number, to: number): SimUpload[] } | undefined };
};

function localDate(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function computeBackfillTruth(sim: SimLike, polarUserId: number): Record<string, string[]> {
  const athlete = sim.dataset.athlete(polarUserId);
  if (!athlete) throw new Error(`unknown athlete ${polarUserId}`);
  const now = sim.clock.now();
  const today = localDate(now, athlete.profile.utcOffsetMinutes);
  const uploads = athlete.uploadsBetween(0, now + 1);
  const dates = (kind: SimUpload["kind"], lookbackDays: number) =>
    [...new Set(uploads.filter((u) => u.kind === kind && "date" in u && u.date >= shift(today, -lookbackDays) && u.date <= today).map((u) => u.date))].sort();
  return {
    sleep: dates("sleep", BACKFILL_SWITCHES.sleepLookbackDays),
    nightlyRecharge: dates("nightly-recharge", BACKFILL_SWITCHES.sleepLookbackDays),
    continuousHeartRate: dates("continuous-heart-rate", BACKFILL_SWITCHES.chrLookbackDays),
    // The 6-month period; the first weeks of a history have no cardio load yet (placeholders), like at Polar.
    cardioLoad: dates("cardio-load", 170),
    dailyActivity: dates("daily-activity", 360),
  };
}

/** Day-keyed rows stored, on the same lower bounds as the truth (the oldest few days may be read or not). */
export function readBackfilled(db: Db, athleteId: string, sim: SimLike, polarUserId: number): Record<string, string[]> {
  const truth = computeBackfillTruth(sim, polarUserId);
  const column = (sql: string, from: string | undefined) =>
    (db.$client.prepare(sql).pluck().all(athleteId) as string[]).filter((date) => from === undefined || date >= from);
  return {
    sleep: column("SELECT local_date FROM sleep WHERE athlete_id = ? ORDER BY 1", truth.sleep[0]),
    nightlyRecharge: column("SELECT local_date FROM nightly_recharge WHERE athlete_id = ? ORDER BY 1", truth.nightlyRecharge[0]),
    continuousHeartRate: column("SELECT local_date FROM continuous_heart_rate WHERE athlete_id = ? ORDER BY 1", truth.continuousHeartRate[0]),
    cardioLoad: column("SELECT local_date FROM cardio_load WHERE athlete_id = ? AND status <> 'LOAD_STATUS_NOT_AVAILABLE' ORDER BY 1", truth.cardioLoad[0]),
    dailyActivity: column("SELECT local_date FROM daily_activity_extra WHERE athlete_id = ? ORDER BY 1", truth.dailyActivity[0]),
  };
}
