/** Pieces shared by the two training-session parsers. */
import { z } from "zod";
import { toSampleSeries, type SampleSeries } from "@/lib/sync/transforms";

/** A number where the archive may write `NaN` (→ null after parsing), `"NaN"`, or leave it out. */
export const optionalNumber = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => (typeof value === "number" && Number.isFinite(value) ? value : null));

/**
 * An array taken as it is, its elements read by hand: sample streams hold thousands of values, and a schema
 * pass per element would cost more than parsing the file.
 */
export const rawArray = z.custom<unknown[]>((value) => Array.isArray(value), { message: "expected an array" });

/** HR, calories and loads of 0 mean "not measured" in the archive (§6 quirk 2); −1 = not available (quirk 5). */
export function positiveOrNull(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}

/** Sample values: numbers stay, `null`, `"NaN"` and anything else become null (a dropout). */
export function toSampleValues(values: readonly unknown[]): (number | null)[] {
  const out = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    out[i] = typeof value === "number" && Number.isFinite(value) ? value : null;
  }
  return out;
}

/**
 * One series in AccessLink's sample codes through the sync's own cleaning (a 0 in an HR series is a dropout).
 * An all-null series is no series: a session without a sensor (§6 quirk 2).
 */
export function toSeries(sampleType: number, recordingRateSeconds: number, values: (number | null)[]): SampleSeries | null {
  if (values.length === 0) return null;
  const series = toSampleSeries({ "sample-type": sampleType, "recording-rate": recordingRateSeconds, data: values });
  return series.values.some((value) => value !== null) ? series : null;
}

/** The numeric id in a legacy-era file name (`training-session-YYYY-MM-DD-<id>-<uuid>.json`). */
export function readIdFromFileName(basename: string): string | null {
  const match = /^training-session[-_]\d{4}-\d{2}-\d{2}(?:T[\d:-]+)?[-_](\d+)-/.exec(basename);
  return match ? match[1] : null;
}
