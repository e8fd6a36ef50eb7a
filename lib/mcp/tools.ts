import "server-only";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Db } from "@/db/client";
import { addDays, isLocalDate } from "@/lib/analytics";
import { recordApiCall, requireTokenScope, type TokenViewer } from "@/lib/dal/api-tokens";
import { DAILY_FIELD_NAMES, type DailyField } from "@/lib/dal/api/fields";
import { getApiDaily, getApiFlags, getApiNights, getApiSession, getApiSessions } from "@/lib/dal/api/read";
import { getApiRoster, getApiTeams } from "@/lib/dal/api/roster";
import { MAX_PAGE_DAYS, MAX_SESSION_PAGE } from "@/lib/dal/api/schemas";
import { getAthleteToday } from "@/lib/dal/series/clock";
import { formatIsoWeek, getWeeklyReport, parseIsoWeek } from "@/lib/dal/report";
import { authorizeAthleteView } from "@/lib/dal/access";
import { AppError, isAppError } from "@/lib/errors";

/**
 * The MCP tools: read-only views over the same lib/dal reads as the pages and the REST API, for the token's
 * viewer. Each call is audited as `mcp:<tool>` (the rate allowance is spent per HTTP exchange, server.ts).
 */

export type ToolContext = { db: Db; viewer: TokenViewer; now: number };

const COMMON = [
  "Days are the athlete's local days (YYYY-MM-DD); the answer names the athlete's UTC offset and every unit.",
  "Data goes back as far as the athlete's history in Threshold (see historyStart in get_daily_metrics), at most what Polar served since they connected plus any imported archive.",
].join(" ");
const FLAG_NOTE = "A flag (watch / elevated / high) means the training-load and recovery numbers crossed set thresholds together; it is a prompt to look closer and adjust, not a medical diagnosis.";

const AthleteArg = z.string().min(1).max(100).default("me").describe("Athlete id, or `me` (the token's owner). Coaches pass an id from roster_triage.");
const DateArg = z.string().refine(isLocalDate, "expected a real date as YYYY-MM-DD");
const RangeArgs = {
  athleteId: AthleteArg,
  from: DateArg.optional().describe("First day, YYYY-MM-DD (default: 27 days before `to`)"),
  to: DateArg.optional().describe(`Last day, YYYY-MM-DD (default: the athlete's today). At most ${MAX_PAGE_DAYS} days per call; a longer range returns \`next\`.`),
};

function ok(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: structured };
}

/** Known failures keep their message (not found, bad range, missing scope); anything else says nothing of itself. */
function toToolError(error: unknown): CallToolResult {
  const message = isAppError(error) ? `${error.code}: ${error.message}` : "internal: Something went wrong on our side.";
  if (!isAppError(error)) console.error("MCP tool failed", error instanceof Error ? error.name : typeof error);
  return { content: [{ type: "text", text: message }], isError: true };
}

function fmt(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "—" : value.toFixed(digits);
}

/** Registers every tool on `server` for one request's token viewer. */
export function registerTools(server: McpServer, context: ToolContext): void {
  const { db, viewer, now } = context;
  const clock = { now };
  const run = (tool: string, body: () => CallToolResult) => (): CallToolResult => {
    try {
      recordApiCall(db, viewer, `mcp:${tool}`, clock);
      return body();
    } catch (error) {
      return toToolError(error);
    }
  };
  const readOnly = { readOnlyHint: true, openWorldHint: false } as const;

  server.registerTool(
    "get_today",
    {
      description: `Today's picture for an athlete: today's training advice (Train as planned / Keep it easy / Rest or recover / Not enough data, with its reasons; a prompt, never a prescription), the overreaching flag level with its reasons, last night's sleep, resting HR and HRV, and today's training load. ${FLAG_NOTE} ${COMMON}`,
      inputSchema: z.object({ athleteId: AthleteArg }),
      annotations: readOnly,
    },
    (args) =>
      run("get_today", () => {
        const id = authorizeAthleteView(db, viewer, args.athleteId).athleteId;
        const today = getAthleteToday(db, id, now);
        const range = { from: today, to: today };
        const daily = getApiDaily(db, viewer, id, { ...range, fields: [...DAILY_FIELD_NAMES] }, clock);
        const day = daily.days[0] ?? null;
        const flags = tryRead(() => getApiFlags(db, viewer, id, range, clock).days[0] ?? null);
        const night = tryRead(() => getApiNights(db, viewer, id, { from: addDays(today, -1), to: today }, clock).nights.at(-1) ?? null);
        const advice = flags?.advice ?? null;
        const adviceText = advice ? ` Advice: ${advice.label}${advice.reasons.length ? ` (${advice.reasons.join("; ")})` : ""}.` : "";
        const text = `${today} (UTC${daily.timeZone.utcOffset}): flag ${flags?.level ?? "not shared"}${flags?.reasons.length ? ` — ${flags.reasons.map((r) => r.text).join("; ")}` : ""}.${adviceText} Load ${fmt(day?.load as number | null)} AU, RHR ${fmt(day?.rhr as number | null, 0)} bpm, ln rMSSD ${fmt(day?.lnRmssd as number | null, 2)}, sleep ${fmt(night?.actualSleepMinutes ?? null, 0)} min.`;
        return ok(text, { date: today, timeZone: daily.timeZone, units: daily.units, metrics: day, flag: flags, advice, lastNight: night });
      })(),
  );

  server.registerTool(
    "get_daily_metrics",
    {
      description: `The daily series (one row per athlete-local day) with chosen fields: ${DAILY_FIELD_NAMES.join(", ")}. Units are in \`units\`; a field of a data type the token may not read is null. ${COMMON}`,
      inputSchema: z.object({ ...RangeArgs, fields: z.array(z.enum(DAILY_FIELD_NAMES as [DailyField, ...DailyField[]])).optional().describe("Fields to return (default all)") }),
      annotations: readOnly,
    },
    (args) =>
      run("get_daily_metrics", () => {
        const body = getApiDaily(db, viewer, args.athleteId, { from: args.from, to: args.to, fields: args.fields ?? [...DAILY_FIELD_NAMES] }, clock);
        return ok(`${body.days.length} days ${body.from} … ${body.to} (UTC${body.timeZone.utcOffset}), fields ${body.fields.join(", ")}${body.next ? `; more from ${body.next.from}` : ""}.`, body);
      })(),
  );

  server.registerTool(
    "list_sessions",
    {
      description: `Training sessions newest first, filtered by dates and Polar sport (e.g. RUNNING). Duration in s, distance in m, HR in bpm, cardio load and TRIMP in AU. At most ${MAX_SESSION_PAGE} per call; pass \`offset\` = nextOffset for more. ${COMMON}`,
      inputSchema: z.object({ ...RangeArgs, sport: z.string().max(80).optional(), limit: z.number().int().min(1).max(MAX_SESSION_PAGE).default(20), offset: z.number().int().min(0).default(0) }),
      annotations: readOnly,
    },
    (args) =>
      run("list_sessions", () => {
        const body = getApiSessions(db, viewer, args.athleteId, { from: args.from, to: args.to, sport: args.sport, limit: args.limit, offset: args.offset }, clock);
        return ok(`${body.sessions.length} of ${body.total} sessions ${body.from} … ${body.to}${body.nextOffset !== null ? `; next offset ${body.nextOffset}` : ""}.`, body);
      })(),
  );

  server.registerTool(
    "get_session",
    {
      description: `One training session with time in each heart-rate zone (s; ours from the athlete's HRmax and Polar's) and, with samples=true, downsampled HR (bpm), speed (km/h), cadence, altitude (m) and power (W) series, t in s from the start. ${COMMON}`,
      inputSchema: z.object({ athleteId: AthleteArg, sessionId: z.number().int().positive().describe("id from list_sessions"), samples: z.boolean().default(false) }),
      annotations: readOnly,
    },
    (args) =>
      run("get_session", () => {
        const body = getApiSession(db, viewer, args.athleteId, args.sessionId, args.samples);
        const s = body.session;
        return ok(`${s.sport} on ${s.date}: ${Math.round(s.durationSeconds / 60)} min, avg HR ${fmt(s.avgHr, 0)} bpm, load ${fmt(s.cardioLoad ?? s.trimp)} AU.`, body);
      })(),
  );

  server.registerTool(
    "get_sleep",
    {
      description: `Nights in a range: Polar sleep score (1–100), actual sleep (min), light/deep/REM stage minutes, and that night's resting HR (bpm) and HRV (ln rMSSD, ln ms; needs the recovery scope). ${COMMON}`,
      inputSchema: z.object(RangeArgs),
      annotations: readOnly,
    },
    (args) =>
      run("get_sleep", () => {
        const body = getApiNights(db, viewer, args.athleteId, { from: args.from, to: args.to }, clock);
        const minutes = body.nights.map((n) => n.actualSleepMinutes).filter((m): m is number => m !== null);
        const mean = minutes.length > 0 ? minutes.reduce((a, b) => a + b, 0) / minutes.length : null;
        return ok(`${body.nights.length} nights ${body.from} … ${body.to}; mean actual sleep ${fmt(mean, 0)} min.`, body);
      })(),
  );

  server.registerTool(
    "get_recovery_trend",
    {
      description: `Resting HR (bpm) against the athlete's own baseline, and HRV (ln rMSSD, ln ms; 7-night mean) against their normal range (baseline ± 0.5 SD), per day. A value outside the range is a signal to watch, not a diagnosis. ${COMMON}`,
      inputSchema: z.object(RangeArgs),
      annotations: readOnly,
    },
    (args) =>
      run("get_recovery_trend", () => {
        const fields: DailyField[] = ["rhr", "rhrBaseline", "rhrDelta", "lnRmssd", "hrv7", "hrvBandLow", "hrvBandHigh"];
        const body = getApiDaily(db, viewer, args.athleteId, { from: args.from, to: args.to, fields }, clock);
        const days = body.days.map((day) => {
          const hrv7 = day.hrv7 as number | null;
          const low = day.hrvBandLow as number | null;
          const high = day.hrvBandHigh as number | null;
          const hrvStatus = hrv7 === null || low === null || high === null ? null : hrv7 < low ? "below" : hrv7 > high ? "above" : "within";
          return { ...day, hrvStatus };
        });
        const below = days.filter((day) => day.hrvStatus === "below").length;
        return ok(`${days.length} days ${body.from} … ${body.to}: HRV 7-night mean below the normal range on ${below} day(s).`, { ...body, days });
      })(),
  );

  server.registerTool(
    "explain_flag",
    {
      description: `Why a day was flagged: the level and each reason with its value, threshold and window (ACWR ratio, TSB AU/day, RHR delta bpm, HRV ln ms, sleep debt min). ${FLAG_NOTE} ${COMMON}`,
      inputSchema: z.object({ athleteId: AthleteArg, date: DateArg.describe("The day, YYYY-MM-DD") }),
      annotations: readOnly,
    },
    (args) =>
      run("explain_flag", () => {
        const body = getApiFlags(db, viewer, args.athleteId, { from: args.date, to: args.date }, clock);
        const day = body.days[0];
        if (!day) throw new AppError("not_found", `No data for ${args.date}: it is before the athlete's history or in the future.`);
        const text = day.reasons.length > 0 ? `${day.date}: ${day.level} — ${day.reasons.map((r) => r.text).join("; ")}.` : `${day.date}: ${day.level}${day.message ? ` (${day.message})` : ""}, no reasons.`;
        return ok(text, { athleteId: body.athleteId, timeZone: body.timeZone, units: body.units, note: FLAG_NOTE, ...day });
      })(),
  );

  server.registerTool(
    "weekly_report",
    {
      description: `The weekly report for an ISO week (e.g. 2026-W19, Monday–Sunday in the athlete's days): training load and time, sleep, resting HR and HRV against the previous 4 and 12 weeks, and the week's flags with their reasons. Sections of data types the token may not read are null. ${FLAG_NOTE} ${COMMON}`,
      inputSchema: z.object({ athleteId: AthleteArg, week: z.string().regex(/^\d{4}-W\d{2}$/, "expected an ISO week like 2026-W19") }),
      annotations: readOnly,
    },
    (args) =>
      run("weekly_report", () => {
        const week = parseIsoWeek(args.week);
        if (!week) throw new AppError("bad_request", `${args.week} is not a valid ISO week.`);
        const report = getWeeklyReport(db, viewer, args.athleteId, week, { now });
        const flags = report.recovery?.flags.length ?? 0;
        return ok(`Week ${formatIsoWeek(week)} (${report.week.start} … ${report.week.end})${report.isPartial ? ", in progress" : ""}: ${flags} flagged day(s).`, report as unknown as Record<string, unknown>);
      })(),
  );

  server.registerTool(
    "roster_triage",
    {
      description: `For coaches (token scope roster): every athlete of the coach's teams sorted by risk (high first), with the flag's reasons, data freshness (lastSyncedAt epoch ms UTC, stale, dataThrough), ACWR, RHR delta (bpm), HRV 7-night mean (ln ms) and 7-night sleep (min). Values an athlete does not share are null and listed in notShared. ${FLAG_NOTE}`,
      inputSchema: z.object({ teamId: z.string().min(1).max(100).optional().describe("One team; default every team the coach coaches") }),
      annotations: readOnly,
    },
    (args) =>
      run("roster_triage", () => {
        requireTokenScope(viewer, "roster");
        const teamIds = args.teamId ? [args.teamId] : getApiTeams(db, viewer).teams.map((team) => team.teamId);
        const teams = teamIds.map((teamId) => getApiRoster(db, viewer, teamId, clock));
        const lines = teams.flatMap((team) => team.athletes.map((a) => `${team.teamName} · ${a.name}: ${a.risk?.level ?? "not shared"}${a.risk?.reasons.length ? ` (${a.risk.reasons.join("; ")})` : ""}${a.stale ? ", data stale" : ""}`));
        return ok(lines.length > 0 ? lines.join("\n") : "No athletes share with you yet.", { teams });
      })(),
  );
}

/** A part of a composite answer the token may not read is left out rather than failing the whole tool. */
function tryRead<T>(read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}
