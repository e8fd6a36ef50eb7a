import { z } from "zod";
import {
  isClockKey,
  isClockTime,
  isIsoDate,
  isIsoDuration,
  isLocalDateTime,
  isOffsetDateTime,
  isUtcTimestamp,
  parseSampleData,
} from "../time";

/**
 * Building blocks shared by the resource schemas. Values stay as Polar sends them (strings), except sample
 * data, which is parsed as it is checked (it is the bulk of every payload); the checks guarantee that
 * lib/polar/time.ts can parse them, so a format drift fails validation here (invalid_payload)
 * instead of throwing later in the sync transforms.
 */

/** `YYYY-MM-DD` */
export const isoDateSchema = z.string().refine(isIsoDate, { message: "expected a YYYY-MM-DD date" });

/** ISO-8601 duration such as `PT1H2M45S` or `PT210.026S`. */
export const isoDurationSchema = z.string().refine(isIsoDuration, { message: "expected an ISO-8601 duration" });

/** A UTC instant, parsed leniently (`…T10:40:0.000Z` is Polar's own malformed example). */
export const utcTimestampSchema = z.string().refine(isUtcTimestamp, { message: "expected a UTC timestamp" });

/** A local date-time without offset (exercise `start-time`, new daily-activity times, sample timestamps). */
export const localDateTimeSchema = z
  .string()
  .refine(isLocalDateTime, { message: "expected a local date-time without offset" });

/**
 * Any date-time, zone suffix optional: for fields documented without offset whose zone is disputed
 * (new daily-activity `start_time`/`end_time`, U11) or that must never be lost over a stray suffix
 * (exercise `start-time`; `exerciseStartToUtc` honours a suffix instead of applying the offset twice).
 */
export const dateTimeSchema = z.string().refine(isUtcTimestamp, { message: "expected a date-time" });

/** A date-time with offset (`2024-05-02T23:12:30+03:00`). */
export const offsetDateTimeSchema = z
  .string()
  .refine(isOffsetDateTime, { message: "expected a date-time with offset" });

/** UTC without `Z` (SleepWise, biosensing); the same lenient grammar, zone suffix optional. */
export const utcNoZSchema = utcTimestampSchema;

/** `HH:MM[:SS[.fff]]` local clock time of day. */
export const clockTimeSchema = z.string().refine(isClockTime, { message: "expected an HH:MM[:SS] clock time" });

/** `"HH:MM"`-keyed map (hypnogram, sleep HR, Nightly Recharge HRV/breathing); unwrap with `unwrapClockMap`. */
export function clockMapSchema<T extends z.ZodType>(value: T) {
  return z.record(z.string().refine(isClockKey, { message: "expected an HH:MM key" }), value);
}

/**
 * Comma-separated sample values, parsed while validated (one pass per series, not one to check and one to
 * read): the output is the numbers, `null` for a missing value (an empty field or the word `null`, U22).
 * The payload as Polar sent it stays in `raw`.
 */
export const sampleDataSchema = z.string().transform((data, ctx) => {
  try {
    return parseSampleData(data);
  } catch {
    ctx.addIssue({ code: "custom", message: "expected comma-separated numbers (empty or null for missing)" });
    return z.NEVER;
  }
});

/** Dotted path of a zod issue (`nights.3.sleep_start_time`), the form carried by PolarError.path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((part) => String(part)).join(".");
}
