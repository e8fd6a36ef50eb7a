import { z } from "zod";
import { addDays, diffDays, isLocalDate, type LocalDate } from "@/lib/analytics";
import { AppError } from "@/lib/errors";

/** The longest range the daily API serves, in calendar years (`to` at most `from` + 3 years). */
export const MAX_RANGE_YEARS = 3;

/** `date` + `years` on the calendar; 29 February falls back to 28 February in a common year. */
export function addYears(date: LocalDate, years: number): LocalDate {
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
  return isLocalDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
}

const localDateSchema = z
  .string({ error: "expected a date as YYYY-MM-DD" })
  .refine(isLocalDate, { error: "expected a real calendar date as YYYY-MM-DD" });

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`: both real dates, from ≤ to, at most three years. */
export const DailyRangeQuerySchema = z
  .object({ from: localDateSchema, to: localDateSchema })
  // Object refinements also run when a field failed: only compare two real dates.
  .refine((range) => !isLocalDate(range.from) || !isLocalDate(range.to) || diffDays(range.from, range.to) >= 0, {
    error: "`from` must not be after `to`",
    path: ["from"],
  })
  .refine((range) => !isLocalDate(range.from) || !isLocalDate(range.to) || range.to <= addYears(range.from, MAX_RANGE_YEARS), {
    error: `the range may cover at most ${MAX_RANGE_YEARS} years`,
    path: ["to"],
  });
export type DailyRangeQuery = z.infer<typeof DailyRangeQuerySchema>;

/** Parses the daily range from search params; invalid input → AppError("bad_request") with zod's message. */
export function parseDailyRange(params: { from?: string | null; to?: string | null }): DailyRangeQuery {
  const parsed = DailyRangeQuerySchema.safeParse({ from: params.from ?? undefined, to: params.to ?? undefined });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
    throw new AppError(
      "bad_request",
      `Invalid range: ${issues.map((issue) => `${issue.field || "query"}: ${issue.message}`).join("; ")}`,
      { issues },
    );
  }
  return parsed.data;
}

/** A range of `days` days ending on `to`, inclusive. */
export function toRangeEnding(to: LocalDate, days: number): DailyRangeQuery {
  return { from: addDays(to, -(days - 1)), to };
}
