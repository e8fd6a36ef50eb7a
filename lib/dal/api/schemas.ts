import { z } from "zod";
import { isLocalDate } from "@/lib/analytics";
import { IdSchema } from "@/lib/http/params";
import { DAILY_FIELD_NAMES, type DailyField } from "./fields";

/**
 * The contracts of the token API (`/api/v1`): every query and every response as a zod schema. The routes
 * parse with them, the OpenAPI document is generated from them (lib/dal/api/openapi.ts), and the tests
 * validate real responses against them, so the three cannot drift apart.
 */

const LocalDateSchema = z.string().refine(isLocalDate, "expected a real calendar date as YYYY-MM-DD").meta({ description: "Athlete-local day, YYYY-MM-DD", example: "2026-03-01" });

/** Days one page of the daily series or nights may cover; a longer range is paged with `next`. */
export const MAX_PAGE_DAYS = 92;
/** Sessions per page. */
export const MAX_SESSION_PAGE = 50;

export const AthleteParamsSchema = z.object({ id: IdSchema.meta({ description: "Athlete id, or `me` for the token's owner" }) });
export const SessionParamsSchema = AthleteParamsSchema.extend({ sessionId: z.coerce.number().int().positive().meta({ description: "Session id from the sessions list" }) });
export const TeamParamsSchema = z.object({ teamId: IdSchema.meta({ description: "Team id from /api/v1/teams" }) });
export const EmptyQuerySchema = z.object({});

export const RangeQuerySchema = z.object({
  from: LocalDateSchema.optional().meta({ description: "First day (default: 27 days before `to`)" }),
  to: LocalDateSchema.optional().meta({ description: "Last day (default: the athlete's today)" }),
});

export const DailyQuerySchema = RangeQuerySchema.extend({
  fields: z
    .string()
    .optional()
    .transform((value, ctx): DailyField[] => {
      if (!value) return [...DAILY_FIELD_NAMES];
      const names = value.split(",").map((name) => name.trim()).filter(Boolean);
      const unknown = names.filter((name) => !(DAILY_FIELD_NAMES as string[]).includes(name));
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `unknown field(s) ${unknown.join(", ")}; known: ${DAILY_FIELD_NAMES.join(", ")}` });
      return DAILY_FIELD_NAMES.filter((name) => names.includes(name));
    })
    .meta({ description: `Comma-separated fields (default all): ${DAILY_FIELD_NAMES.join(", ")}` }),
});

export const SessionsQuerySchema = RangeQuerySchema.extend({
  sport: z.string().max(80).optional().meta({ description: "Polar sport, e.g. RUNNING" }),
  limit: z.coerce.number().int().min(1).max(MAX_SESSION_PAGE).default(MAX_SESSION_PAGE),
  offset: z.coerce.number().int().min(0).default(0),
});

export const SessionQuerySchema = z.object({
  samples: z.enum(["true", "false"]).default("false").transform((value) => value === "true").meta({ description: "Include downsampled HR/speed/… series" }),
});

export const TimeZoneSchema = z.object({
  utcOffsetMinutes: z.number().int().meta({ description: "The athlete's UTC offset from their newest night or session" }),
  utcOffset: z.string().meta({ example: "+02:00" }),
  note: z.string(),
});

const MetaSchema = z.object({ athleteId: z.string(), timeZone: TimeZoneSchema, units: z.record(z.string(), z.string()) });

const PageSchema = z.object({ from: LocalDateSchema, to: LocalDateSchema }).nullable().meta({ description: "The next page's range; null on the last page" });

export const ProfileResponseSchema = MetaSchema.extend({
  name: z.string(),
  isSelf: z.boolean(),
  scopes: z.array(z.enum(["training", "sleep", "recovery", "body"])).meta({ description: "What this token may read of this athlete" }),
  today: LocalDateSchema,
  historyStart: LocalDateSchema.nullable(),
  connection: z.object({
    state: z.enum(["connected", "reconnect_needed", "consents_needed", "disconnected"]).nullable(),
    lastSyncedAt: z.number().nullable().meta({ description: "Epoch ms (UTC) of the last sync that stored data" }),
  }),
});

export const DailyResponseSchema = MetaSchema.extend({
  from: LocalDateSchema,
  to: LocalDateSchema,
  today: LocalDateSchema,
  historyStart: LocalDateSchema.nullable(),
  fields: z.array(z.string()),
  days: z.array(z.record(z.string(), z.union([z.number(), z.string(), z.null()]))),
  next: PageSchema,
});

const SessionSummarySchema = z.object({
  id: z.number().int(),
  date: LocalDateSchema,
  startTimeLocal: z.string(),
  startUtcMs: z.number(),
  durationSeconds: z.number(),
  sport: z.string(),
  distanceMeters: z.number().nullable(),
  avgHr: z.number().nullable(),
  maxHr: z.number().nullable(),
  cardioLoad: z.number().nullable(),
  trimp: z.number().nullable(),
});

export const SessionsResponseSchema = MetaSchema.extend({
  from: LocalDateSchema,
  to: LocalDateSchema,
  total: z.number().int(),
  offset: z.number().int(),
  sessions: z.array(SessionSummarySchema),
  nextOffset: z.number().int().nullable(),
});

const SamplesSchema = z.array(z.object({ t: z.number(), value: z.number().nullable() })).nullable();

export const SessionResponseSchema = MetaSchema.extend({
  session: SessionSummarySchema.extend({
    zones: z.object({
      lowerBoundsBpm: z.array(z.number()).nullable(),
      secondsBelowZ1: z.number(),
      secondsZ1toZ5: z.array(z.number()),
      hrMax: z.number().nullable(),
    }).nullable(),
    polarZones: z.array(z.object({ index: z.number(), lowerLimit: z.number(), upperLimit: z.number(), seconds: z.number() })),
    samples: z.object({ heartRate: SamplesSchema, speed: SamplesSchema, cadence: SamplesSchema, altitude: SamplesSchema, power: SamplesSchema }).nullable(),
  }),
});

export const NightsResponseSchema = MetaSchema.extend({
  from: LocalDateSchema,
  to: LocalDateSchema,
  nights: z.array(
    z.object({
      date: LocalDateSchema,
      sleepScore: z.number().nullable(),
      actualSleepMinutes: z.number().nullable(),
      stages: z.object({ lightMinutes: z.number().nullable(), deepMinutes: z.number().nullable(), remMinutes: z.number().nullable() }).nullable(),
      rhr: z.number().nullable(),
      lnRmssd: z.number().nullable(),
    }),
  ),
  next: PageSchema,
});

const ReasonSchema = z.object({ signal: z.string(), category: z.string(), text: z.string(), value: z.number(), threshold: z.number().nullable() });

/** Today's advice for a day (metrics.md §13.2); null without the recovery scope. */
const AdviceSchema = z
  .object({
    advice: z.enum(["rest", "easy", "as-planned", "not-enough-data"]),
    label: z.string(),
    reasons: z.array(z.string()),
    hasCheckIn: z.boolean(),
  })
  .nullable();

export const FlagsResponseSchema = MetaSchema.extend({
  from: LocalDateSchema,
  to: LocalDateSchema,
  today: LocalDateSchema,
  days: z.array(
    z.object({
      date: LocalDateSchema,
      level: z.enum(["insufficient-data", "none", "watch", "elevated", "high"]),
      reasons: z.array(ReasonSchema),
      context: z.string().nullable(),
      message: z.string().nullable(),
      advice: AdviceSchema,
    }),
  ),
  next: PageSchema,
});

const CheckInScaleSchema = z.number().int().min(1).max(5).nullable();

export const CheckInsResponseSchema = MetaSchema.extend({
  from: LocalDateSchema,
  to: LocalDateSchema,
  today: LocalDateSchema,
  checkIns: z.array(
    z.object({
      date: LocalDateSchema,
      fatigue: CheckInScaleSchema,
      soreness: CheckInScaleSchema,
      stress: CheckInScaleSchema,
      mood: CheckInScaleSchema,
      sleepQuality: CheckInScaleSchema,
      illness: z.boolean().nullable(),
      /** Only when the athlete shares check-in notes with this viewer (always for the athlete's own token). */
      note: z.string().nullable(),
    }),
  ),
  next: PageSchema,
});

export const TeamsResponseSchema = z.object({ teams: z.array(z.object({ teamId: z.string(), name: z.string(), athleteCount: z.number().int() })) });

export const RosterResponseSchema = z.object({
  teamId: z.string(),
  teamName: z.string(),
  units: z.record(z.string(), z.string()),
  athletes: z.array(
    z.object({
      athleteId: z.string(),
      name: z.string(),
      sharedScopes: z.array(z.string()),
      today: LocalDateSchema,
      dataThrough: LocalDateSchema.nullable(),
      lastSyncedAt: z.number().nullable(),
      stale: z.boolean(),
      risk: z.object({ level: z.string(), reasons: z.array(z.string()) }).nullable().meta({ description: "null when the athlete does not share what the flag needs" }),
      acwr: z.number().nullable(),
      rhrDelta: z.number().nullable(),
      hrv7: z.number().nullable(),
      sleep7AverageMinutes: z.number().nullable(),
      notShared: z.array(z.string()).meta({ description: "Fields withheld (null) because the athlete does not share, or the token lacks, their data type" }),
    }),
  ),
});

export const ErrorResponseSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).optional() }) });
