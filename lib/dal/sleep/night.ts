import "server-only";
import { and, asc, desc, eq, gt, lt, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { sleeps } from "@/db/schema/polar-data";
import type { LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { unpackTimedValues } from "@/lib/sync/pack";
import type { SleepNightDetailDTO } from "../dto";
import { explainEmptyDay, getExplainerAudience, type EmptyDayExplanationDTO } from "../provenance";
import { getAthleteToday } from "../series/clock";
import { authorizeAthleteRead } from "../series/read";

export type SleepNightView = {
  night: SleepNightDetailDTO | null;
  previousDate: LocalDate | null;
  nextDate: LocalDate | null;
  /**
   * Why the night asked for (or, without one, the athlete's last night) is missing: set when the night shown
   * is older than that, or there is none.
   */
  gap: EmptyDayExplanationDTO | null;
};

/** One night's hypnogram (the latest on or before `date`, or the latest overall) with its neighbours. */
export function getSleepNight(db: Db, viewer: Viewer, athleteId: string, date: LocalDate | null, options: { now?: number } = {}): SleepNightView {
  const id = authorizeAthleteRead(viewer, athleteId, "sleep", db);
  const today = getAthleteToday(db, id, options.now ?? Date.now());
  const wanted = date ?? today;
  const explainGap = (shown: LocalDate | null) => (shown === wanted ? null : explainEmptyDay(db, id, "sleep", wanted, today, getExplainerAudience(db, viewer, id)));
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
  if (!row) return { night: null, previousDate: null, nextDate: null, gap: explainGap(null) };
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
    gap: explainGap(row.date),
  };
}
