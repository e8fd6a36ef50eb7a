import { desc, eq, sql } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { exercises, sleeps } from "@/db/schema/polar-data";

/**
 * The athlete's most recent UTC offset (minutes), from whichever is newer of their last night and last session;
 * 0 when nothing is stored. It decides which local day "today" is for the athlete (design §5): their clock,
 * not the server's or the viewer's.
 */
export function getLatestOffsetMinutes(db: Db | DbTx, athleteId: string): number {
  const night = db
    .select({ offset: sleeps.endUtcOffsetMinutes, at: sleeps.endUtcMs })
    .from(sleeps)
    .where(eq(sleeps.athleteId, athleteId))
    .orderBy(desc(sleeps.endUtcMs))
    .limit(1)
    .get();
  const session = db
    .select({ offset: exercises.utcOffsetMinutes, at: exercises.startUtcMs })
    .from(exercises)
    .where(eq(exercises.athleteId, athleteId))
    .orderBy(desc(exercises.startUtcMs))
    .limit(1)
    .get();
  if (night && session) return night.at >= session.at ? night.offset : session.offset;
  return night?.offset ?? session?.offset ?? 0;
}

/**
 * The athlete's UTC offset (minutes) around an instant: that of the night or session nearest to it, so a
 * record is dated by the clock the athlete lived on then (travel included); null when nothing is stored.
 */
export function getOffsetMinutesNear(db: Db | DbTx, athleteId: string, atMs: number): number | null {
  const night = db
    .select({ offset: sleeps.endUtcOffsetMinutes, distance: sql<number>`abs(${sleeps.endUtcMs} - ${atMs})` })
    .from(sleeps)
    .where(eq(sleeps.athleteId, athleteId))
    .orderBy(sql`abs(${sleeps.endUtcMs} - ${atMs})`)
    .limit(1)
    .get();
  const session = db
    .select({ offset: exercises.utcOffsetMinutes, distance: sql<number>`abs(${exercises.startUtcMs} - ${atMs})` })
    .from(exercises)
    .where(eq(exercises.athleteId, athleteId))
    .orderBy(sql`abs(${exercises.startUtcMs} - ${atMs})`)
    .limit(1)
    .get();
  if (night && session) return night.distance <= session.distance ? night.offset : session.offset;
  return night?.offset ?? session?.offset ?? null;
}
