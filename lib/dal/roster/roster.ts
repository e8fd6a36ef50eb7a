import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/auth";
import { teamAthletes, teams } from "@/db/schema/teams";
import { addDays, fromDayNumber, type AcwrBand, type Advice, type LocalDate, type RiskLevel } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getSyncHealth, isDataStale, type SyncHealthState } from "@/lib/sync/health";
import { authorizeTeamCoach, limitToToken, READ_SCOPES, toScopeList, type ScopeSet } from "../access";
import type { ReadScope } from "../dto";
import { loadDailySeries, type LoadedSeries } from "../series/load";
import { toDisplayName } from "../teams";
import { findLatestRestingHrPoint } from "../overview/latest";

/**
 * The coach's roster (/teams/[teamId]).
 *
 * Batched by construction: the roster runs a fixed number of SQL statements whatever the number of athletes
 * (the one daily-series loader, lib/dal/series/load.ts, reads every roster athlete per table at once), so 10
 * and 100 athletes cost the same number of round trips. Each athlete's series is the same as on their own
 * pages for the same shared data (it resumes from the persisted state), cut to the sparkline's days.
 *
 * Only shared data is ever read: each table is queried for the athletes who share the scope it belongs to,
 * so a value of an unshared scope cannot leak into a computed column. Scopes per column (documented on the
 * roster page too):
 * - athlete, connection/sync health, data freshness: membership only (the coach must see whether data flows);
 * - 7-day load, ACWR, form (TSB), load sparkline: training;
 * - resting HR vs baseline, HRV vs normal range: recovery;
 * - sleep average over 7 nights: sleep;
 * - today's advice and the check-in marker (answered / illness reported; never the note): recovery;
 * - risk level and reasons: training + recovery (load signal AND physiological response, metrics §10); the
 *   sleep-debt modifier counts only when sleep is shared too, otherwise risk is computed without it.
 */

/** An athlete without shared data in this many days has no judged columns ("no data in the last 150 days"). */
export const ROSTER_HISTORY_DAYS = 150;
/** Days in the load sparkline. */
export const SPARKLINE_DAYS = 28;

export type RosterColumn = "athlete" | "health" | "freshness" | "risk" | "advice" | "load7" | "acwr" | "tsb" | "rhr" | "hrv" | "sleep7" | "sparkline";

/** The scopes each roster column needs; a column with an unshared scope shows "not shared". */
export const ROSTER_COLUMN_SCOPES: Record<RosterColumn, readonly ReadScope[]> = {
  athlete: [],
  health: [],
  freshness: [],
  risk: ["training", "recovery"],
  advice: ["recovery"],
  load7: ["training"],
  acwr: ["training"],
  tsb: ["training"],
  sparkline: ["training"],
  rhr: ["recovery"],
  hrv: ["recovery"],
  sleep7: ["sleep"],
};

/** A cell of a scope the athlete does not share carries no value at all. */
export type Shared<T> = { shared: true; value: T } | { shared: false };

export type RosterRiskDTO = {
  level: RiskLevel;
  /** Reason texts, most severe first (load red, load amber, physiological, modifier). */
  reasons: string[];
  context: string | null;
  message: string | null;
};

export type RosterAdviceDTO = {
  /** Null when the athlete has no data for today. */
  advice: Advice | null;
  label: string | null;
  reasons: string[];
  /** Today's check-in: none, answered, or answered with illness reported. */
  checkIn: "none" | "answered" | "illness";
};

export type RosterRowDTO = {
  athleteId: string;
  /** What the roster calls the athlete: the coaches' label when set, else the athlete's own name. */
  name: string;
  /** The athlete's own display name, and the label the team's coaches gave them (null: none). */
  athleteName: string;
  rosterLabel: string | null;
  scopes: ReadScope[];
  health: {
    state: SyncHealthState;
    lastSuccessAt: number | null;
    runningRunId: string | null;
    stale: boolean;
    lastError: string | null;
  };
  /** The athlete's local today. */
  today: LocalDate;
  /** The newest local day with shared data, null when none in the window. */
  dataThrough: LocalDate | null;
  risk: Shared<RosterRiskDTO>;
  /** Today's advice (metrics.md §13.2) and the check-in marker; never the check-in's note. */
  advice: Shared<RosterAdviceDTO>;
  /** Sum of the daily load of the 7 days ending today (Polar cardio load or TRIMP, AU). */
  load7: Shared<number | null>;
  acwr: Shared<{ value: number | null; band: AcwrBand | null }>;
  /** Yesterday's CTL − ATL (AU). */
  tsb: Shared<number | null>;
  rhr: Shared<{ value: number | null; baselineMean: number | null; baselineSd: number | null; delta: number | null; elevated: boolean | null; baselineN: number }>;
  hrv: Shared<{ rolling7: number | null; bandLow: number | null; bandHigh: number | null; status: "below" | "within" | "above" | null; baselineN: number }>;
  /** Mean actual sleep over the 7 nights ending today (minutes) and the nights measured. */
  sleep7: Shared<{ averageMinutes: number | null; nights: number }>;
  /** Daily load of the last `SPARKLINE_DAYS` days, oldest first (AU). */
  sparkline: Shared<number[]>;
};

export type RosterDTO = { teamId: string; teamName: string; generatedAt: number; rows: RosterRowDTO[] };

const RISK_ORDER: Record<RiskLevel, number> = { high: 4, elevated: 3, watch: 2, none: 1, "insufficient-data": 0 };
const CONTRIBUTION_ORDER = { red: 0, amber: 1, physio: 2, modifier: 3 } as const;

function shared<T>(scopes: ScopeSet, column: RosterColumn, value: () => T): Shared<T> {
  return ROSTER_COLUMN_SCOPES[column].every((scope) => scopes.has(scope)) ? { shared: true, value: value() } : { shared: false };
}

function toRosterRow(
  member: { athleteId: string; name: string; athleteName: string; rosterLabel: string | null; scopes: ScopeSet },
  series: LoadedSeries | undefined,
  health: RosterRowDTO["health"],
  fallbackToday: LocalDate,
): RosterRowDTO {
  const today = series?.today ?? fallbackToday;
  // Nothing shared in the last ROSTER_HISTORY_DAYS days: nothing to judge or sum.
  const recentThrough = series && series.dataThrough !== null && series.dataThrough >= addDays(today, -ROSTER_HISTORY_DAYS) ? series.dataThrough : null;
  const points = series && recentThrough !== null ? series.points : [];
  const last = points.at(-1) ?? null;
  const isToday = last?.date === today;
  const week = points.filter((point) => point.date > addDays(today, -7));
  return {
    athleteId: member.athleteId,
    name: member.name,
    athleteName: member.athleteName,
    rosterLabel: member.rosterLabel,
    scopes: READ_SCOPES.filter((scope) => member.scopes.has(scope)),
    health,
    today,
    dataThrough: recentThrough,
    risk: shared(member.scopes, "risk", () => {
      if (!last || !isToday) return { level: "insufficient-data" as RiskLevel, reasons: [], context: null, message: "no data in the last 150 days" };
      const reasons = [...last.risk.reasons].sort((a, b) => CONTRIBUTION_ORDER[a.contributes] - CONTRIBUTION_ORDER[b.contributes]).map((reason) => reason.text);
      return { level: last.risk.level, reasons, context: last.risk.context, message: last.risk.message };
    }),
    advice: shared(member.scopes, "advice", () => {
      const day = isToday && last ? last : null;
      const checkIn = day?.checkIn ?? null;
      return {
        advice: day?.advice?.advice ?? null,
        label: day?.advice?.label ?? null,
        reasons: day?.advice?.reasons.map((reason) => reason.text) ?? [],
        checkIn: checkIn === null ? "none" : checkIn.illness === true ? "illness" : "answered",
      };
    }),
    load7: shared(member.scopes, "load7", () => (points.length === 0 ? null : week.reduce((sum, point) => sum + point.load.value, 0))),
    acwr: shared(member.scopes, "acwr", () => ({ value: isToday && last ? last.acwr.ewma : null, band: isToday && last ? last.acwr.band : null })),
    tsb: shared(member.scopes, "tsb", () => (isToday && last ? last.pmc.tsb : null)),
    rhr: shared(member.scopes, "rhr", () => {
      const night = findLatestRestingHrPoint(week);
      return {
        value: night?.restingHr.rhr ?? null,
        baselineMean: night?.restingHr.baselineMean ?? null,
        baselineSd: night?.restingHr.baselineSd ?? null,
        delta: night?.restingHr.delta ?? null,
        elevated: night?.restingHr.elevated ?? null,
        baselineN: night?.restingHr.baselineN ?? 0,
      };
    }),
    hrv: shared(member.scopes, "hrv", () => {
      const hrv = isToday && last ? last.hrv : null;
      const rolling7 = hrv?.rolling7 ?? null;
      const bandLow = hrv?.bandLow ?? null;
      const bandHigh = hrv?.bandHigh ?? null;
      const status = rolling7 === null || bandLow === null || bandHigh === null ? null : rolling7 < bandLow ? "below" : rolling7 > bandHigh ? "above" : "within";
      return { rolling7, bandLow, bandHigh, status, baselineN: hrv?.baselineN ?? 0 };
    }),
    sleep7: shared(member.scopes, "sleep7", () => {
      const minutes = week.flatMap((point) => (point.sleep.night ? [point.sleep.night.actualSleepMinutes] : []));
      return { averageMinutes: minutes.length > 0 ? minutes.reduce((a, b) => a + b, 0) / minutes.length : null, nights: minutes.length };
    }),
    sparkline: shared(member.scopes, "sparkline", () => {
      const byDate = new Map(points.map((point) => [point.date, point.load.value]));
      return Array.from({ length: SPARKLINE_DAYS }, (_, i) => byDate.get(addDays(today, i - SPARKLINE_DAYS + 1)) ?? 0);
    }),
  };
}

/**
 * The roster of a team the viewer coaches: one row per sharing athlete, cells limited to what each shares,
 * default order risk first (high → insufficient data → not shared), then name.
 */
export function getRoster(db: Db, viewer: Viewer, teamId: string, options: { now?: number; intervalMinutes?: number; rateLimitedUntil?: number | null } = {}): RosterDTO {
  const now = options.now ?? Date.now();
  authorizeTeamCoach(db, viewer, teamId);
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) throw new AppError("not_found", "No team with that id is visible to you.");
  const members = db
    .select({
      athleteId: teamAthletes.athleteId,
      name: users.name,
      polarUserId: users.polarUserId,
      rosterLabel: teamAthletes.rosterLabel,
      shareTraining: teamAthletes.shareTraining,
      shareSleep: teamAthletes.shareSleep,
      shareRecovery: teamAthletes.shareRecovery,
      shareBody: teamAthletes.shareBody,
    })
    .from(teamAthletes)
    .innerJoin(users, eq(users.id, teamAthletes.athleteId))
    .where(eq(teamAthletes.teamId, teamId))
    .all()
    .map((row) => ({
      athleteId: row.athleteId,
      name: row.rosterLabel ?? toDisplayName(row),
      athleteName: toDisplayName(row),
      rosterLabel: row.rosterLabel,
      scopes: limitToToken(viewer, new Set(toScopeList(row))),
    }));
  const ids = members.map((member) => member.athleteId);
  const serverToday = fromDayNumber(Math.floor(now / 86_400_000));
  const series = loadDailySeries(db, members, { now, range: (today) => ({ from: addDays(today, -(SPARKLINE_DAYS - 1)), to: today }) });
  const health = getSyncHealth(db, ids, { now, intervalMinutes: options.intervalMinutes, rateLimitedUntil: options.rateLimitedUntil });
  const rows = members.map((member) => {
    const h = health.get(member.athleteId);
    return toRosterRow(
      member,
      series.get(member.athleteId),
      {
        state: h?.state ?? "not_connected",
        lastSuccessAt: h?.lastSuccessAt ?? null,
        runningRunId: h?.runningRunId ?? null,
        stale: isDataStale(h?.lastSuccessAt ?? null, now),
        lastError: h?.lastError?.message ?? null,
      },
      serverToday,
    );
  });
  rows.sort(compareByRisk);
  return { teamId, teamName: team.name, generatedAt: now, rows };
}

/** Risk first (high first; not shared last), then name. */
export function compareByRisk(a: RosterRowDTO, b: RosterRowDTO): number {
  const rank = (row: RosterRowDTO) => (row.risk.shared ? RISK_ORDER[row.risk.value.level] : -1);
  return rank(b) - rank(a) || a.name.localeCompare(b.name);
}
