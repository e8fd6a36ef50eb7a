import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import { toLocalDateAt, type LocalDate } from "@/lib/analytics";

/** The athlete's local calendar day at `nowMs` (their clock, not the server's or the viewer's). */
export function getAthleteToday(db: Db, athleteId: string, nowMs: number): LocalDate {
  return toLocalDateAt(nowMs, getLatestOffsetMinutes(db, athleteId));
}

/**
 * Each athlete's local today from their newest night or session (the rule of `getAthleteToday`), for all
 * athletes in one statement. The offset is clock metadata, not shared data, so it is read for everyone.
 */
export function loadAthleteTodays(db: Db, athleteIds: readonly string[], nowMs: number): Map<string, LocalDate> {
  if (athleteIds.length === 0) return new Map();
  // Per athlete, one seek each into the (athlete, instant) indexes for the newest night and session, whatever
  // the length of the history (exercise_athlete_start_idx, sleep_athlete_end_idx). Written out with aliases:
  // the query builder leaves columns unqualified, and `id` would bind to the subquery's own table.
  const rows = db.all<{ athleteId: string; nightAt: number | null; nightOffset: number | null; sessionAt: number | null; sessionOffset: number | null }>(sql`
    select u.id as "athleteId",
      (select s.end_utc_ms from sleep s where s.athlete_id = u.id order by s.end_utc_ms desc limit 1) as "nightAt",
      (select s.end_utc_offset_minutes from sleep s where s.athlete_id = u.id order by s.end_utc_ms desc limit 1) as "nightOffset",
      (select e.start_utc_ms from exercise e where e.athlete_id = u.id order by e.start_utc_ms desc limit 1) as "sessionAt",
      (select e.utc_offset_minutes from exercise e where e.athlete_id = u.id order by e.start_utc_ms desc limit 1) as "sessionOffset"
    from "user" u
    where u.id in (${sql.join(
      athleteIds.map((id) => sql`${id}`),
      sql`, `,
    )})`);
  const offsets = new Map<string, number>();
  for (const row of rows) {
    // The newer of the two; a night wins a tie (db/queries/athlete-clock.ts).
    const isNight = row.nightAt !== null && (row.sessionAt === null || row.nightAt >= row.sessionAt);
    offsets.set(row.athleteId, (isNight ? row.nightOffset : row.sessionOffset) ?? 0);
  }
  return new Map(athleteIds.map((id) => [id, toLocalDateAt(nowMs, offsets.get(id) ?? 0)]));
}
