import type { Db } from "@/db/client";
import type { SimUpload } from "@/lib/polar-sim/contract";

/** What the simulator says the athlete has uploaded and may see, to compare the database against. */

type SimLike = {
  url: string;
  dataset: {
    athlete(userId: number): { profile: { utcOffsetMinutes: number }; uploadsBetween(from: number, to: number): SimUpload[] } | undefined;
  };
};

export async function readRegisteredAt(simUrl: string, polarUserId: number): Promise<number> {
  const response = await fetch(`${simUrl}/__admin/athletes`);
  const athletes = (await response.json()) as { userId: number; registeredAt: string | number | null }[];
  const athlete = athletes.find((a) => a.userId === polarUserId);
  if (!athlete || athlete.registeredAt === null) throw new Error(`athlete ${polarUserId} is not registered at the simulator`);
  return typeof athlete.registeredAt === "number" ? athlete.registeredAt : Date.parse(athlete.registeredAt);
}

export type GroundTruth = {
  /** each session by the id the sync surely holds: the list's hashed id (every device the list shows) */
  exerciseKeys: string[];
  physicalInfoIds: number[];
  /** days with an activity row: the list's days (the main path) and any day only a transaction delivered */
  activityDates: string[];
  /** days of the non-transactional daily activity (§6.2) */
  dailyActivityDates: string[];
  sleepDates: string[];
  rechargeDates: string[];
};

const DAY_MS = 86_400_000;

function localDate(ms: number, offsetMinutes: number): string {
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The simulator's own visibility rules (polar-accesslink.md §5.1, §6.10): transactional items uploaded after
 * registration within the 30-day look-back; day-keyed records of the last 28 local days, from the
 * registration day on.
 */
export async function computeGroundTruth(
  sim: SimLike,
  polarUserId: number,
  now: number,
  options: { activityListHiddenDates?: readonly string[] } = {},
): Promise<GroundTruth> {
  const registeredAt = await readRegisteredAt(sim.url, polarUserId);
  const athlete = sim.dataset.athlete(polarUserId);
  if (!athlete) throw new Error(`unknown athlete ${polarUserId}`);
  const offset = athlete.profile.utcOffsetMinutes;
  const transactional = athlete.uploadsBetween(Math.max(registeredAt, now - 30 * DAY_MS), now + 1);
  const today = localDate(now, offset);
  const windowStart = localDate(now - 27 * DAY_MS, offset);
  const registrationDay = localDate(registeredAt, offset);
  const from = windowStart > registrationDay ? windowStart : registrationDay;
  const daily = athlete
    .uploadsBetween(Date.parse(`${from}T00:00:00Z`) - 2 * DAY_MS, now + 1)
    .filter((u) => "date" in u && u.date >= from && u.date <= today);

  const ids = (kind: SimUpload["kind"]) =>
    transactional
      .filter((u) => u.kind === kind)
      .map((u) => ("id" in u ? u.id : 0))
      .sort((a, b) => a - b);
  const dates = (kind: SimUpload["kind"]) => [...new Set(daily.filter((u) => u.kind === kind).map((u) => u.date))].sort();
  const summaryDates = transactional.flatMap((upload) => (upload.kind === "activity-summary" ? [upload.date] : []));
  return {
    exerciseKeys: transactional.flatMap((u) => (u.kind === "exercise" ? [u.hashedId] : [])).sort(),
    physicalInfoIds: ids("physical-info"),
    activityDates: [...new Set([...dates("daily-activity"), ...summaryDates])].sort(),
    // Days the list never shows (the simulator switch) have no list row; the transactions bring their activity.
    dailyActivityDates: dates("daily-activity").filter((date) => !options.activityListHiddenDates?.includes(date)),
    sleepDates: dates("sleep"),
    rechargeDates: dates("nightly-recharge"),
  };
}

export function readStoredTruth(db: Db, athleteId: string): GroundTruth {
  const column = <T>(sql: string) => db.$client.prepare(sql).pluck().all(athleteId) as T[];
  return {
    exerciseKeys: column<string>("SELECT COALESCE(polar_hashed_id, CAST(polar_exercise_id AS TEXT)) FROM exercise WHERE athlete_id = ? ORDER BY 1"),
    physicalInfoIds: column<number>("SELECT polar_physical_info_id FROM physical_info WHERE athlete_id = ? ORDER BY 1"),
    activityDates: column<string>("SELECT local_date FROM daily_activity WHERE athlete_id = ? ORDER BY 1"),
    dailyActivityDates: column<string>("SELECT local_date FROM daily_activity_extra WHERE athlete_id = ? ORDER BY 1"),
    sleepDates: column<string>("SELECT local_date FROM sleep WHERE athlete_id = ? ORDER BY 1"),
    rechargeDates: column<string>("SELECT local_date FROM nightly_recharge WHERE athlete_id = ? ORDER BY 1"),
  };
}
