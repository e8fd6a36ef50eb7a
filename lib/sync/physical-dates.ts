import { toLocalDateAt } from "@/lib/analytics/dates";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getOffsetMinutesNear } from "@/db/queries/athlete-clock";
import { physicalInfos } from "@/db/schema/polar-data";

/**
 * Physical information carries a UTC `created` and no offset. On a first sync it is stored before any night
 * or session has told us the athlete's offset, so it is dated by UTC then (an athlete at UTC−5 whose record
 * was created 00:21 UTC got the previous local date wrong). Once nights or sessions are stored, every entry
 * is re-dated by the offset the athlete lived on nearest to its creation; the writer keeps that date on
 * later syncs. Returns how many entries changed date.
 */
export function redatePhysicalInfo(db: Db, athleteId: string): number {
  const rows = db
    .select({ id: physicalInfos.id, createdAt: physicalInfos.createdAt, localDate: physicalInfos.localDate })
    .from(physicalInfos)
    .where(eq(physicalInfos.athleteId, athleteId))
    .all();
  let changed = 0;
  db.transaction((tx) => {
    for (const row of rows) {
      const offset = getOffsetMinutesNear(tx, athleteId, row.createdAt);
      if (offset === null) continue;
      const localDate = toLocalDateAt(row.createdAt, offset);
      if (localDate === row.localDate) continue;
      tx.update(physicalInfos).set({ localDate }).where(and(eq(physicalInfos.id, row.id), eq(physicalInfos.athleteId, athleteId))).run();
      changed += 1;
    }
  });
  return changed;
}
