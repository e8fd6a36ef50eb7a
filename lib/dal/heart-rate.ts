import "server-only";
import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { continuousHeartRates, exercises, sleeps } from "@/db/schema/polar-data";
import { addDays, isLocalDate, toDayNumber, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { unpackPairs } from "@/lib/sync/pack";
import { HEART_RATE_SCOPE, tryAuthorizeAthleteRead } from "./activity";
import { authorizeAthleteRead } from "./series/read";
import { getAthleteToday } from "./series/clock";
import { explainEmptyDay, findLatestDayWithData, getExplainerAudience, pickOpeningDay, type EmptyDayExplanationDTO } from "./provenance";

/**
 * One athlete-local day of 24/7 heart rate (Polar's ~5-minute continuous HR, which excludes training sessions),
 * with the day's sessions and nights placed on the same local clock. Every span is converted from its stored
 * UTC instant with its own offset (a session's `start-time-utc-offset`, a night's `sleep_start_time` offset),
 * so nothing is shifted twice and the viewer's browser zone never applies.
 */

const DAY_SECONDS = 86_400;

export type HeartRateSampleDTO = { secondOfDay: number; bpm: number | null };

/** A span on the day's local clock, clipped to [0, 86 400) seconds. */
export type ClockSpanDTO = { startSecond: number; endSecond: number };

export type HeartRateSessionDTO = ClockSpanDTO & {
  id: number;
  sport: string;
  /** Polar's local start time verbatim. */
  startTimeLocal: string;
  durationSeconds: number;
  avgHr: number | null;
};

export type HeartRateNightDTO = ClockSpanDTO & {
  /** Polar's night date (the wake-up day). */
  date: LocalDate;
  startUtcMs: number;
  endUtcMs: number;
  startOffsetMinutes: number;
  endOffsetMinutes: number;
};

export type HeartRateDayDTO = {
  athleteId: string;
  date: LocalDate;
  today: LocalDate;
  samples: HeartRateSampleDTO[];
  /** Lowest valid sample of the day (bpm); null without data. */
  lowestHr: number | null;
  /** Mean of the valid samples (bpm); null without data. */
  averageHr: number | null;
  /** Highest valid sample (bpm). */
  highestHr: number | null;
  validSamples: number;
  /** null when the viewer may not read training data. */
  sessions: HeartRateSessionDTO[] | null;
  /** null when the viewer may not read sleep data. */
  nights: HeartRateNightDTO[] | null;
  /** The newest day with 24/7 samples (≤ today): the day the page opens on; null when there is none. */
  latestWithData: LocalDate | null;
  /** Why the day is empty (null when it has samples). */
  empty: EmptyDayExplanationDTO | null;
};

/** Local midnight of `date` on a UTC-like axis (ms), to measure local wall-clock seconds from. */
function toLocalMidnightMs(date: LocalDate): number {
  return toDayNumber(date) * DAY_SECONDS * 1000;
}

/**
 * The part of `[startUtcMs, endUtcMs)` that falls on the local day `date`, as seconds of that day; null when it
 * misses the day. `offsetMinutes` is minutes east of UTC at the span.
 */
export function toClockSpan(date: LocalDate, startUtcMs: number, endUtcMs: number, startOffsetMinutes: number, endOffsetMinutes = startOffsetMinutes): ClockSpanDTO | null {
  const midnight = toLocalMidnightMs(date);
  const start = (startUtcMs + startOffsetMinutes * 60_000 - midnight) / 1000;
  const end = (endUtcMs + endOffsetMinutes * 60_000 - midnight) / 1000;
  const clippedStart = Math.max(0, start);
  const clippedEnd = Math.min(DAY_SECONDS, end);
  return clippedEnd > clippedStart ? { startSecond: clippedStart, endSecond: clippedEnd } : null;
}

/** Lowest, mean and highest of the valid (> 0) samples. */
export function summarizeHeartRate(samples: readonly HeartRateSampleDTO[]): { lowest: number | null; average: number | null; highest: number | null; valid: number } {
  let lowest: number | null = null;
  let highest: number | null = null;
  let total = 0;
  let valid = 0;
  for (const sample of samples) {
    if (sample.bpm === null || !(sample.bpm > 0)) continue;
    lowest = lowest === null ? sample.bpm : Math.min(lowest, sample.bpm);
    highest = highest === null ? sample.bpm : Math.max(highest, sample.bpm);
    total += sample.bpm;
    valid += 1;
  }
  return { lowest, average: valid > 0 ? total / valid : null, highest, valid };
}

/**
 * The heart-rate day for the Heart rate page (`date` null = the athlete's local today). Needs "recovery";
 * sessions need "training" and nights "sleep" — each is null when not shared.
 */
export function getHeartRateDay(db: Db, viewer: Viewer, athleteId: string, date: LocalDate | null, options: { now?: number } = {}): HeartRateDayDTO {
  const id = authorizeAthleteRead(viewer, athleteId, HEART_RATE_SCOPE, db);
  const today = getAthleteToday(db, id, options.now ?? Date.now());
  if (date !== null && !isLocalDate(date)) {
    throw new AppError("bad_request", "Invalid day: expected a real calendar date as YYYY-MM-DD.", { field: "day" });
  }
  // Without a day asked for, open on the newest day with data rather than an empty today.
  const latestWithData = findLatestDayWithData(db, id, "continuous-hr", today);
  const day = date ?? pickOpeningDay(latestWithData, today);
  const row = db
    .select({ samples: continuousHeartRates.samples })
    .from(continuousHeartRates)
    .where(and(eq(continuousHeartRates.athleteId, id), eq(continuousHeartRates.localDate, day)))
    .get();
  const samples: HeartRateSampleDTO[] = row
    ? unpackPairs(row.samples).map(([secondOfDay, bpm]) => ({ secondOfDay, bpm: bpm !== null && bpm > 0 ? bpm : null }))
    : [];
  const summary = summarizeHeartRate(samples);

  const trainingId = tryAuthorizeAthleteRead(db, viewer, athleteId, "training");
  const sessions =
    trainingId === null
      ? null
      : db
          .select({
            id: exercises.id,
            sport: exercises.sport,
            startTimeLocal: exercises.startTimeLocal,
            startUtcMs: exercises.startUtcMs,
            offset: exercises.utcOffsetMinutes,
            durationSeconds: exercises.durationSeconds,
            avgHr: exercises.avgHr,
          })
          .from(exercises)
          // A session that started late the evening before can run past midnight into this day.
          .where(and(eq(exercises.athleteId, trainingId), gte(exercises.localDate, addDays(day, -1)), lte(exercises.localDate, day)))
          .orderBy(asc(exercises.startUtcMs))
          .all()
          .flatMap((session) => {
            const span = toClockSpan(day, session.startUtcMs, session.startUtcMs + session.durationSeconds * 1000, session.offset);
            return span
              ? [{ ...span, id: session.id, sport: session.sport, startTimeLocal: session.startTimeLocal, durationSeconds: session.durationSeconds, avgHr: session.avgHr }]
              : [];
          });

  const sleepId = tryAuthorizeAthleteRead(db, viewer, athleteId, "sleep");
  const nights =
    sleepId === null
      ? null
      : db
          .select({
            date: sleeps.localDate,
            startUtcMs: sleeps.startUtcMs,
            endUtcMs: sleeps.endUtcMs,
            startOffset: sleeps.startUtcOffsetMinutes,
            endOffset: sleeps.endUtcOffsetMinutes,
          })
          .from(sleeps)
          // The night ending this morning (dated today) and the one starting this evening (dated tomorrow).
          .where(and(eq(sleeps.athleteId, sleepId), gte(sleeps.localDate, day), lte(sleeps.localDate, addDays(day, 1))))
          .orderBy(asc(sleeps.startUtcMs))
          .all()
          .flatMap((night) => {
            const span = toClockSpan(day, night.startUtcMs, night.endUtcMs, night.startOffset, night.endOffset);
            return span
              ? [
                  {
                    ...span,
                    date: night.date,
                    startUtcMs: night.startUtcMs,
                    endUtcMs: night.endUtcMs,
                    startOffsetMinutes: night.startOffset,
                    endOffsetMinutes: night.endOffset,
                  },
                ]
              : [];
          });

  return {
    athleteId: id,
    date: day,
    today,
    samples,
    lowestHr: summary.lowest,
    averageHr: summary.average,
    highestHr: summary.highest,
    validSamples: summary.valid,
    sessions,
    nights,
    latestWithData,
    empty: summary.valid > 0 ? null : explainEmptyDay(db, id, "continuous-hr", day, today, getExplainerAudience(db, viewer, id)),
  };
}
