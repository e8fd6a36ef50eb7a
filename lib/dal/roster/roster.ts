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
import { RECENT_HISTORY_DAYS, summarizeRecentDays } from "../overview/recent";
import type { EmptyDayExplanationDTO, EmptyDayKind } from "../provenance";
import { explainEmptyDays, type EmptyDayRequest } from "../provenance-batch";

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
  /** The newest shared night in the 7 days ending today (the overview's "last night"), null when none. */
  lastNight: LocalDate | null;
  /**
   * Why today has no data (the explainer of lib/dal/provenance.ts, said to the coach): for sleep when shared,
   * else 24/7 HR (recovery) or activity (training). Null when today has data, or the connection is down (the
   * health cell says so).
   */
  gap: EmptyDayExplanationDTO | null;
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
  // The overview's figures, from the one summary (lib/dal/overview/recent.ts): nothing recent, nothing judged.
  const recent = summarizeRecentDays({ today, dataThrough: series?.dataThrough ?? null, points: series?.points ?? [] });
  const points = recent.dataThrough === null ? [] : (series?.points ?? []);
  const last = points.at(-1) ?? null;
  const isToday = last?.date === today;
  return {
    athleteId: member.athleteId,
    name: member.name,
    athleteName: member.athleteName,
    rosterLabel: member.rosterLabel,
    scopes: READ_SCOPES.filter((scope) => member.scopes.has(scope)),
    health,
    today,
    dataThrough: recent.dataThrough,
    lastNight: recent.lastNight,
    gap: null,
    risk: shared(member.scopes, "risk", () => {
      if (!last || !isToday) return { level: "insufficient-data" as RiskLevel, reasons: [], context: null, message: `no data in the last ${RECENT_HISTORY_DAYS} days` };
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
    load7: shared(member.scopes, "load7", () => recent.load7),
    acwr: shared(member.scopes, "acwr", () => recent.acwr),
    tsb: shared(member.scopes, "tsb", () => recent.tsb),
    rhr: shared(member.scopes, "rhr", () => {
      const { date: _date, ...rhr } = recent.rhr;
      return rhr;
    }),
    hrv: shared(member.scopes, "hrv", () => recent.hrv),
    sleep7: shared(member.scopes, "sleep7", () => recent.sleep7),
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
  const scopesOf = new Map(members.map((member) => [member.athleteId, member.scopes]));
  const gaps = explainEmptyDays(db, rows.flatMap((row) => toGapRequest(row, scopesOf.get(row.athleteId))));
  const explained = rows.map((row) => ({ ...row, gap: gaps.get(row.athleteId) ?? null }));
  explained.sort(compareByRisk);
  return { teamId, teamName: team.name, generatedAt: now, rows: explained };
}

const CONNECTION_DOWN: ReadonlySet<SyncHealthState> = new Set(["not_connected", "reconnect_needed", "consents_needed"]);

/** The explainer request of a row whose today is empty (none when the connection is down or nothing fits). */
function toGapRequest(row: RosterRowDTO, scopes: ScopeSet | undefined): EmptyDayRequest[] {
  if (!scopes || CONNECTION_DOWN.has(row.health.state)) return [];
  const kind: EmptyDayKind | null = scopes.has("sleep") ? "sleep" : scopes.has("recovery") ? "continuous-hr" : scopes.has("training") ? "activity" : null;
  if (kind === null) return [];
  const isEmpty = kind === "sleep" ? row.lastNight !== row.today : row.dataThrough !== row.today;
  return isEmpty ? [{ athleteId: row.athleteId, kind, date: row.today, today: row.today, audience: { reader: "coach", scopes } }] : [];
}

/** Risk first (high first; not shared last), then name. */
export function compareByRisk(a: RosterRowDTO, b: RosterRowDTO): number {
  const rank = (row: RosterRowDTO) => (row.risk.shared ? RISK_ORDER[row.risk.value.level] : -1);
  return rank(b) - rank(a) || a.name.localeCompare(b.name);
}
