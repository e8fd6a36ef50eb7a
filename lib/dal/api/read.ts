import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { getLatestOffsetMinutes } from "@/db/queries/athlete-clock";
import { addDays, diffDays, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { authorizeAthleteView, getGrantedScopes } from "../access";
import type { DailySeriesDTO, ReadScope } from "../dto";
import { getFreshness } from "../overview/freshness";
import { getAthleteView } from "../roster/athlete-view";
import { getAthleteToday } from "../series/clock";
import { getDailySeries, getHistoryStart } from "../series/read";
import { getSessionDetail } from "../sessions/detail";
import { listSessions } from "../sessions/list";
import { DAILY_FIELDS, pickDailyFields, toFieldUnits } from "./fields";
import {
  MAX_PAGE_DAYS,
  type DailyQuerySchema,
  type DailyResponseSchema,
  type CheckInsResponseSchema,
  type FlagsResponseSchema,
  type NightsResponseSchema,
  type ProfileResponseSchema,
  type RangeQuerySchema,
  type SessionResponseSchema,
  type SessionsQuerySchema,
  type SessionsResponseSchema,
} from "./schemas";

/**
 * The answers of the token API and the MCP tools, built from the same DAL reads as the pages (each of which
 * runs the access check of lib/dal/access.ts with the token-narrowed viewer). This file only reshapes:
 * units and the athlete's time zone on every answer, and paging.
 */

type Clock = { now: number };
type Meta = { athleteId: string; timeZone: { utcOffsetMinutes: number; utcOffset: string; note: string }; units: Record<string, string> };

/** The athlete's time zone as the data knows it: the UTC offset of their newest night or session. */
export function toTimeZone(db: Db, athleteId: string): Meta["timeZone"] {
  const minutes = getLatestOffsetMinutes(db, athleteId);
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const utcOffset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return { utcOffsetMinutes: minutes, utcOffset, note: "Days are the athlete's local days (YYYY-MM-DD); instants are epoch milliseconds, UTC." };
}

function toMeta(db: Db, athleteId: string, units: Record<string, string>): Meta {
  return { athleteId, timeZone: toTimeZone(db, athleteId), units };
}

/** A range from the query (defaults: the 28 days ending on the athlete's today), cut to one page. */
export function resolvePagedRange(db: Db, athleteId: string, query: z.output<typeof RangeQuerySchema>, clock: Clock): { from: LocalDate; to: LocalDate; next: { from: LocalDate; to: LocalDate } | null } {
  const to = query.to ?? getAthleteToday(db, athleteId, clock.now);
  const from = query.from ?? addDays(to, -27);
  if (diffDays(from, to) < 0) return { from: to, to: from, next: null };
  if (diffDays(from, to) < MAX_PAGE_DAYS) return { from, to, next: null };
  const pageEnd = addDays(from, MAX_PAGE_DAYS - 1);
  return { from, to: pageEnd, next: { from: addDays(pageEnd, 1), to } };
}

function readSeries(db: Db, viewer: Viewer, athleteId: string, query: z.output<typeof RangeQuerySchema>, scope: ReadScope, clock: Clock): { series: DailySeriesDTO; next: { from: LocalDate; to: LocalDate } | null } {
  // The access check first: an athlete the token may not read is `not_found` before anything is resolved.
  const { athleteId: id } = authorizeAthleteView(db, viewer, athleteId);
  const range = resolvePagedRange(db, id, query, clock);
  const series = getDailySeries(db, viewer, id, { from: range.from, to: range.to }, { now: clock.now, scope });
  return { series, next: range.next };
}

export function getApiProfile(db: Db, viewer: Viewer, athleteId: string, clock: Clock): z.output<typeof ProfileResponseSchema> {
  const view = getAthleteView(db, viewer, athleteId);
  const freshness = getFreshness(db, view.athleteId);
  return {
    ...toMeta(db, view.athleteId, { lastSyncedAt: "epoch ms, UTC" }),
    name: view.name,
    isSelf: view.isSelf,
    scopes: view.scopes,
    today: getAthleteToday(db, view.athleteId, clock.now),
    historyStart: getHistoryStart(db, view.athleteId),
    connection: { state: freshness.connectionState, lastSyncedAt: freshness.lastSyncedAt },
  };
}

/** The daily series: the chosen fields that the viewer may read (fields of other scopes come back null). */
export function getApiDaily(db: Db, viewer: Viewer, athleteId: string, query: z.output<typeof DailyQuerySchema>, clock: Clock): z.output<typeof DailyResponseSchema> {
  const { athleteId: id, scopes } = authorizeAthleteView(db, viewer, athleteId);
  // The series is loaded under one scope the viewer holds; fields of scopes they lack are nulled below.
  const scope = (["training", "recovery", "sleep", "body"] as const).find((item) => scopes.has(item)) ?? "training";
  const { series, next } = readSeries(db, viewer, id, query, scope, clock);
  return {
    ...toMeta(db, id, toFieldUnits(query.fields)),
    from: series.from,
    to: series.to,
    today: series.today,
    historyStart: series.historyStart,
    fields: query.fields,
    days: series.points.map((point) => pickDailyFields(point, query.fields, scopes)),
    next,
  };
}

export function getApiSessions(db: Db, viewer: Viewer, athleteId: string, query: z.output<typeof SessionsQuerySchema>, clock: Clock): z.output<typeof SessionsResponseSchema> {
  const list = listSessions(db, viewer, athleteId, { from: query.from, to: query.to, sport: query.sport, sort: "date-desc" }, { now: clock.now });
  const id = authorizeAthleteView(db, viewer, athleteId).athleteId;
  const page = list.sessions.slice(query.offset, query.offset + query.limit);
  const end = query.offset + page.length;
  return {
    ...toMeta(db, id, { durationSeconds: "s", distanceMeters: "m", avgHr: "bpm", maxHr: "bpm", cardioLoad: "Polar cardio load (AU)", trimp: "Banister TRIMP (AU)", startUtcMs: "epoch ms, UTC" }),
    from: list.from,
    to: list.to,
    total: list.total,
    offset: query.offset,
    sessions: page.map((s) => ({ id: s.id, date: s.localDate, startTimeLocal: s.startTimeLocal, startUtcMs: s.startUtcMs, durationSeconds: s.durationSeconds, sport: s.sport, distanceMeters: s.distanceMeters, avgHr: s.avgHr, maxHr: s.maxHr, cardioLoad: s.cardioLoad, trimp: s.trimp })),
    nextOffset: end < list.sessions.length ? end : null,
  };
}

export function getApiSession(db: Db, viewer: Viewer, athleteId: string, sessionId: number, withSamples: boolean): z.output<typeof SessionResponseSchema> {
  const s = getSessionDetail(db, viewer, athleteId, sessionId);
  const id = authorizeAthleteView(db, viewer, athleteId).athleteId;
  const zones = s.computedZones;
  return {
    ...toMeta(db, id, { durationSeconds: "s", distanceMeters: "m", hr: "bpm", zones: "s in zone", "samples.t": "s from start", "samples.speed": "km/h", "samples.altitude": "m", "samples.cadence": "rpm", "samples.power": "W" }),
    session: {
      id: s.id,
      date: s.localDate,
      startTimeLocal: s.startTimeLocal,
      startUtcMs: s.startUtcMs,
      durationSeconds: s.durationSeconds,
      sport: s.sport,
      distanceMeters: s.distanceMeters,
      avgHr: s.avgHr,
      maxHr: s.maxHr,
      cardioLoad: s.cardioLoad,
      trimp: s.trimp,
      zones: zones ? { lowerBoundsBpm: zones.lowerBounds, secondsBelowZ1: zones.seconds[0] ?? 0, secondsZ1toZ5: zones.seconds.slice(1), hrMax: zones.hrMax } : null,
      polarZones: s.polarZones,
      samples: withSamples ? { heartRate: s.heartRate, speed: s.speed, cadence: s.cadence, altitude: s.altitude, power: s.power } : null,
    },
  };
}

export function getApiNights(db: Db, viewer: Viewer, athleteId: string, query: z.output<typeof RangeQuerySchema>, clock: Clock): z.output<typeof NightsResponseSchema> {
  const { series, next } = readSeries(db, viewer, athleteId, query, "sleep", clock);
  const recovery = getGrantedScopes(db, viewer, series.athleteId).has("recovery");
  return {
    ...toMeta(db, series.athleteId, { sleepScore: DAILY_FIELDS.sleepScore.unit, actualSleepMinutes: "min", stages: "min", rhr: "bpm", lnRmssd: "ln ms" }),
    from: series.from,
    to: series.to,
    nights: series.points
      .filter((point) => point.sleep.night !== null || point.night !== null)
      .map((point) => ({
        date: point.date,
        sleepScore: point.night?.sleepScore ?? null,
        actualSleepMinutes: point.sleep.night?.actualSleepMinutes ?? null,
        stages: point.night ? { lightMinutes: point.night.lightMinutes, deepMinutes: point.night.deepMinutes, remMinutes: point.night.remMinutes } : null,
        rhr: recovery ? point.restingHr.rhr : null,
        lnRmssd: recovery ? point.hrv.lnRmssd : null,
      })),
    next,
  };
}

export function getApiFlags(db: Db, viewer: Viewer, athleteId: string, query: z.output<typeof RangeQuerySchema>, clock: Clock): z.output<typeof FlagsResponseSchema> {
  const { series, next } = readSeries(db, viewer, athleteId, query, "training", clock);
  return {
    ...toMeta(db, series.athleteId, { "reasons.value": "per signal: ACWR ratio, TSB AU, RHR delta bpm, HRV ln ms, sleep debt min" }),
    from: series.from,
    to: series.to,
    today: series.today,
    days: series.points.map((point) => ({
      date: point.date,
      level: point.risk.level,
      reasons: point.risk.reasons.map((reason) => ({ signal: reason.signal, category: reason.category, text: reason.text, value: reason.value, threshold: reason.threshold })),
      context: point.risk.context,
      message: point.risk.message,
      advice: point.advice
        ? { advice: point.advice.advice, label: point.advice.label, reasons: point.advice.reasons.map((reason) => reason.text), hasCheckIn: point.advice.hasCheckIn }
        : null,
    })),
    next,
  };
}

/** The morning check-ins in a range (metrics.md §13.1): the days with one, as the pages read them. */
export function getApiCheckIns(db: Db, viewer: Viewer, athleteId: string, query: z.output<typeof RangeQuerySchema>, clock: Clock): z.output<typeof CheckInsResponseSchema> {
  const { series, next } = readSeries(db, viewer, athleteId, query, "recovery", clock);
  return {
    ...toMeta(db, series.athleteId, { fatigue: "1 fresh … 5 exhausted", soreness: "1 none … 5 very sore", stress: "1 relaxed … 5 very stressed", mood: "1 low … 5 great", sleepQuality: "1 poor … 5 great" }),
    from: series.from,
    to: series.to,
    today: series.today,
    checkIns: series.points.flatMap((point) =>
      point.checkIn
        ? [{ date: point.date, fatigue: point.checkIn.fatigue, soreness: point.checkIn.soreness, stress: point.checkIn.stress, mood: point.checkIn.mood, sleepQuality: point.checkIn.sleepQuality, illness: point.checkIn.illness, note: point.checkIn.note }]
        : [],
    ),
    next,
  };
}
