import "server-only";
import { and, between, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { checkIns } from "@/db/schema/check-in";
import { CHECK_IN_NOTE_MAX, isLocalDate, type CheckIn, type LocalDate } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { CheckInDTO } from "./dto";
import { getAthleteToday } from "./series/clock";

/**
 * The morning check-in (metrics.md §13.1): one per athlete-local day, written by the athlete only, and only
 * on that day (their local today, from the clock the series uses). A past day's check-in stays as it stood,
 * so the advice of a past day is judged from the check-in that existed then.
 */

const scale = (label: string) =>
  z
    .number({ error: `${label} must be a whole number from 1 to 5` })
    .int({ error: `${label} must be a whole number from 1 to 5` })
    .min(1, { error: `${label} must be from 1 to 5` })
    .max(5, { error: `${label} must be from 1 to 5` })
    .nullable()
    .default(null);

export const CheckInInputSchema = z.strictObject({
  /** The day answered for; must be the athlete's local today (defaults to it). */
  date: z.string().refine(isLocalDate, { error: "date must be a real calendar date as YYYY-MM-DD" }).optional(),
  fatigue: scale("fatigue"),
  soreness: scale("soreness"),
  stress: scale("stress"),
  mood: scale("mood"),
  sleepQuality: scale("sleep quality"),
  illness: z.boolean({ error: "illness must be yes or no" }).nullable().default(null),
  note: z
    .string({ error: "note must be text" })
    .max(CHECK_IN_NOTE_MAX, { error: `note may be at most ${CHECK_IN_NOTE_MAX} characters` })
    .nullable()
    .default(null)
    .transform((note) => (note === null || note.trim() === "" ? null : note.trim())),
});
export type CheckInInput = z.input<typeof CheckInInputSchema>;

/** Parses a check-in body; anything invalid → AppError("bad_request") naming each field. */
export function parseCheckInInput(input: unknown): z.output<typeof CheckInInputSchema> {
  const parsed = CheckInInputSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    throw new AppError("bad_request", `Invalid check-in: ${issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join("; ")}`, {
      issues,
    });
  }
  return parsed.data;
}

type CheckInRow = typeof checkIns.$inferSelect;

function toDTO(row: CheckInRow, withNote: boolean): CheckInDTO {
  return {
    date: row.localDate,
    fatigue: row.fatigue,
    soreness: row.soreness,
    stress: row.stress,
    mood: row.mood,
    sleepQuality: row.sleepQuality,
    illness: row.illness,
    note: withNote ? row.note : null,
    updatedAt: row.updatedAt,
  };
}

/** The check-in as the advice reads it. */
export function toCheckIn(dto: CheckInDTO): CheckIn {
  const { date: _date, updatedAt: _updatedAt, ...values } = dto;
  return values;
}

/**
 * Saves (creates or replaces) the viewer's check-in for their local today.
 * @throws AppError("bad_request") for invalid values, a note over the limit, or a day other than today
 *   (a future day, or a past day that can no longer be edited); nothing is stored then.
 */
export function saveCheckIn(db: Db, viewer: Viewer, input: unknown, options: { now: number }): CheckInDTO {
  const { date, ...values } = parseCheckInInput(input);
  const today = getAthleteToday(db, viewer.userId, options.now);
  if (date !== undefined && date > today) throw new AppError("bad_request", `Invalid check-in: ${date} is in the future (today is ${today}).`);
  if (date !== undefined && date < today) throw new AppError("bad_request", `Invalid check-in: ${date} is over; a check-in can only be changed on its own day (today is ${today}).`);
  const row = db
    .insert(checkIns)
    .values({ athleteId: viewer.userId, localDate: today, ...values, createdAt: options.now, updatedAt: options.now })
    .onConflictDoUpdate({ target: [checkIns.athleteId, checkIns.localDate], set: { ...values, updatedAt: options.now } })
    .returning()
    .get();
  return toDTO(row, true);
}

/** The viewer's own check-in for their local today, or null. */
export function getMyTodayCheckIn(db: Db, viewer: Viewer, options: { now: number }): CheckInDTO | null {
  const today = getAthleteToday(db, viewer.userId, options.now);
  const row = db.select().from(checkIns).where(and(eq(checkIns.athleteId, viewer.userId), eq(checkIns.localDate, today))).get();
  return row ? toDTO(row, true) : null;
}

/**
 * The check-ins of several athletes over `[from, to]` in one statement, by athlete then day. Notes are kept
 * only for the athletes in `withNotes` (the athlete themself, or a coach the athlete shares notes with).
 */
export function loadCheckIns(
  db: Db,
  requests: readonly { athleteId: string; from: LocalDate; to: LocalDate; withNotes: boolean }[],
): Map<string, Map<LocalDate, CheckInDTO>> {
  const result = new Map<string, Map<LocalDate, CheckInDTO>>();
  if (requests.length === 0) return result;
  const from = requests.reduce((min, r) => (r.from < min ? r.from : min), requests[0].from);
  const to = requests.reduce((max, r) => (r.to > max ? r.to : max), requests[0].to);
  const byId = new Map(requests.map((r) => [r.athleteId, r]));
  const rows = db
    .select()
    .from(checkIns)
    .where(and(inArray(checkIns.athleteId, [...byId.keys()]), between(checkIns.localDate, from, to)))
    .all();
  for (const row of rows) {
    const request = byId.get(row.athleteId);
    if (!request || row.localDate < request.from || row.localDate > request.to) continue;
    let days = result.get(row.athleteId);
    if (!days) result.set(row.athleteId, (days = new Map()));
    days.set(row.localDate, toDTO(row, request.withNotes));
  }
  return result;
}
