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
