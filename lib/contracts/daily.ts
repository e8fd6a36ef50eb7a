import { z } from "zod";
import type { DailyPointDTO, DailySeriesDTO } from "@/lib/dal/dto";

/**
 * GET /api/athletes/{id}/daily as the client parses it. The envelope is checked field by field; each point is
 * checked for the blocks every chart reads (a day, its load, PMC, ACWR, RHR, HRV, sleep and risk objects),
 * not for every nested number: the analytics' own types describe those, and the whole schema is checked
 * against the DAL's DTO type at compile time. No server imports.
 */

const LocalDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const BLOCKS = ["load", "pmc", "acwr", "cardioLoad", "restingHr", "hrv", "sleep", "risk"] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A point with a `YYYY-MM-DD` date, a numeric day index and every block the charts read. */
function isDailyPoint(value: unknown): value is DailyPointDTO {
  if (!isObject(value)) return false;
  if (typeof value.date !== "string" || !LocalDateSchema.safeParse(value.date).success) return false;
  if (typeof value.dayIndex !== "number") return false;
  const load = value.load;
  if (!isObject(load) || typeof load.value !== "number") return false;
  const isNullOrObject = (key: "night" | "advice" | "checkIn") => value[key] === null || isObject(value[key]);
  return BLOCKS.every((block) => isObject(value[block])) && isNullOrObject("night") && isNullOrObject("advice") && isNullOrObject("checkIn");
}

const DailyPointSchema = z.custom<DailyPointDTO>(isDailyPoint, { error: "expected a daily point" });

export const DailySeriesSchema = z.object({
  athleteId: z.string(),
  from: LocalDateSchema,
  to: LocalDateSchema,
  today: LocalDateSchema,
  historyStart: LocalDateSchema.nullable(),
  sleepNeedMinutes: z.number(),
  points: z.array(DailyPointSchema),
}) satisfies z.ZodType<DailySeriesDTO>;
