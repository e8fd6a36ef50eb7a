import "server-only";
import { and, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exercises } from "@/db/schema/polar-data";
import { addDays, getWeekStart, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import type { WeeklyZoneDTO } from "../dto";
import { authorizeAthleteRead } from "../series/read";

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
  for (const week of weeks.values()) {
    const sessions = rows.filter((row) => getWeekStart(row.date) === week.weekStart);
    const [z1, z2, z3, z4, z5] = sumZoneMinutes(sessions);
    Object.assign(week, { z1, z2, z3, z4, z5, sessions: sessions.length });
  }
  return [...weeks.values()];
}

/** A session's computed time in Z1..Z5, seconds (null: no HR). */
export type ZoneSecondsRow = { z1: number | null; z2: number | null; z3: number | null; z4: number | null; z5: number | null };

/**
 * Minutes in computed Z1..Z5 summed over sessions: the one sum behind the training page's weekly bars and the
 * weekly report's zone minutes.
 */
export function sumZoneMinutes(rows: readonly ZoneSecondsRow[]): number[] {
  const totals = [0, 0, 0, 0, 0];
  for (const row of rows) {
    [row.z1, row.z2, row.z3, row.z4, row.z5].forEach((seconds, index) => (totals[index] += (seconds ?? 0) / 60));
  }
  return totals;
}

function shiftWeek(weekStart: LocalDate): LocalDate {
  return addDays(weekStart, 7);
}
