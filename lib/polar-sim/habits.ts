import { z } from "zod";
import type { JsonObject, SimAthleteData, SimUpload } from "@/lib/polar-sim/contract";
import { DAY_MS, addDays, dateToUtcMs, localDateAt } from "@/lib/polar-sim/dates";
import type { SimContext } from "@/lib/polar-sim/state";

/**
 * The real habits that break naive syncs (issue 13 §6), as switches per athlete: WHEN records reach Polar
 * Flow, and nights edited after they were first served. The generator still decides what happened; these
 * only move an upload later (never earlier) or change a served night, so the same seed and the same
 * switches give the same answers, and with no habits set the simulator behaves exactly as before.
 */

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const deviceHabitSchema = z
  .object({
    /** The watch reaches Polar Flow only every N days (at 20:00 local on days whose epoch day % N = 0). */
    syncEveryDays: z.number().int().min(1).max(14).optional(),
    /** A trip without syncing: nothing uploads on these local days; it all arrives at 20:00 local the day after `to`. */
    gaps: z.array(z.object({ from: dateSchema, to: dateSchema })).max(10).optional(),
    /** The sessions of these local days reach Polar `delayDays` after they would have (a late upload). */
    lateSessions: z.array(z.object({ date: dateSchema, delayDays: z.number().int().min(1).max(60) })).max(10).optional(),
    /** This night is served edited (sleep score lowered by 6) from `afterHours` after its first upload on. */
    editedNights: z.array(z.object({ date: dateSchema, afterHours: z.number().min(0).max(24 * 30) })).max(10).optional(),
  })
  .strict();
export type DeviceHabit = z.infer<typeof deviceHabitSchema>;

/** Keyed by Polar user id (as a string: JSON object keys). */
export const deviceHabitsSchema = z.record(z.string().regex(/^\d+$/), deviceHabitSchema);
export type DeviceHabits = z.infer<typeof deviceHabitsSchema>;

const SYNC_HOUR_MS = 20 * 3_600_000;

function habitOf(ctx: SimContext, athlete: SimAthleteData): DeviceHabit | null {
  return ctx.state.switches.deviceHabits[String(athlete.profile.userId)] ?? null;
}

/** How much later than planned any upload of this habit can arrive: the look-behind of a delivery scan. */
function maxDelayMs(habit: DeviceHabit): number {
  let days = habit.syncEveryDays ?? 0;
  for (const gap of habit.gaps ?? []) days = Math.max(days, Math.round((dateToUtcMs(gap.to) - dateToUtcMs(gap.from)) / DAY_MS) + 2);
  for (const late of habit.lateSessions ?? []) days += late.delayDays;
  return (days + 1) * DAY_MS;
}

/** 20:00 local on `date`, as a UTC instant. */
function eveningOf(date: string, offsetMinutes: number): number {
  return dateToUtcMs(date) + SYNC_HOUR_MS - offsetMinutes * 60_000;
}

/** When an upload planned for `plannedAt` really reaches Polar under the habit. */
export function deliverAt(habit: DeviceHabit, upload: SimUpload, offsetMinutes: number): number {
  let at = upload.uploadedAt;
  if (upload.kind === "exercise") {
    for (const late of habit.lateSessions ?? []) if (late.date === upload.date) at += late.delayDays * DAY_MS;
  }
  const every = habit.syncEveryDays;
  if (every !== undefined && every > 1) {
    let date = localDateAt(at, offsetMinutes);
    while (Math.round(dateToUtcMs(date) / DAY_MS) % every !== 0 || eveningOf(date, offsetMinutes) < at) date = addDays(date, 1);
    at = eveningOf(date, offsetMinutes);
  }
  for (const gap of habit.gaps ?? []) {
    const date = localDateAt(at, offsetMinutes);
    if (date >= gap.from && date <= gap.to) at = Math.max(at, eveningOf(addDays(gap.to, 1), offsetMinutes));
  }
  return at;
}

/**
 * Uploads that reach Polar within [fromMs, toMs), with `uploadedAt` = when they really arrive: the one
 * reader of upload times for everything the server serves (windows, transactions, webhooks).
 */
export function listDeliveredUploads(ctx: SimContext, athlete: SimAthleteData, fromMs: number, toMs: number): SimUpload[] {
  const habit = habitOf(ctx, athlete);
  if (!habit) return athlete.uploadsBetween(fromMs, toMs);
  const offset = athlete.profile.utcOffsetMinutes;
  const out: SimUpload[] = [];
  for (const upload of athlete.uploadsBetween(fromMs - maxDelayMs(habit), toMs)) {
    const at = deliverAt(habit, upload, offset);
    if (at >= fromMs && at < toMs) out.push({ ...upload, uploadedAt: at });
  }
  return out.sort((a, b) => a.uploadedAt - b.uploadedAt);
}

/** The night as served now: edited when the habit says it was edited at Polar by this instant. */
export function applyNightEdit(ctx: SimContext, athlete: SimAthleteData, date: string, json: JsonObject): JsonObject {
  const habit = habitOf(ctx, athlete);
  const edit = habit?.editedNights?.find((entry) => entry.date === date);
  if (!habit || !edit) return json;
  const first = listDeliveredUploads(ctx, athlete, dateToUtcMs(date) - 2 * DAY_MS, ctx.clock.now() + 1).find(
    (upload) => upload.kind === "sleep" && upload.date === date,
  );
  if (!first || ctx.clock.now() < first.uploadedAt + edit.afterHours * 3_600_000) return json;
  const score = json.sleep_score;
  return typeof score === "number" ? { ...json, sleep_score: Math.max(1, score - 6) } : json;
}
