/** Pure helpers of the charts, usable from server components too (no "use client" here). */
import { isPmcSeedDominant } from "@/lib/analytics/pmc";
import type { PolarCardioLoadStatus } from "@/lib/polar/schemas/cardio-load";

/** Display bands of metrics §5.1: < 0.8 low, 0.8–1.3 usual range, 1.3–1.5 rising, ≥ 1.5 spike. */
export function describeAcwrBand(value: number | null): string {
  if (value === null) return "not computable";
  if (value < 0.8) return "low";
  if (value < 1.3) return "usual range";
  if (value < 1.5) return "rising";
  return "spike";
}

/** `PRODUCTIVE_ALMOST_OVERREACHING` → `Productive, almost overreaching`. */
export function describeCardioStatus(status: string | null): string {
  if (status === null || status === "LOAD_STATUS_NOT_AVAILABLE") return "not available";
  // Keyed by the one status enum: a status added there fails to compile here until it has words.
  const words: Record<Exclude<PolarCardioLoadStatus, "LOAD_STATUS_NOT_AVAILABLE">, string> = {
    DETRAINING: "Detraining",
    MAINTAINING: "Maintaining",
    PRODUCTIVE: "Productive",
    OVERREACHING: "Overreaching",
    RECOVERY_AFTER_OVERREACHING: "Recovery after overreaching",
    PRODUCTIVE_DROPPED_FROM_OVERREACHING: "Productive, dropped from overreaching",
    PRODUCTIVE_ALMOST_OVERREACHING: "Productive, almost overreaching",
    UNRECOGNIZED: "Unrecognised",
  };
  return Object.hasOwn(words, status) ? words[status as keyof typeof words] : status;
}

/** Polar hypnogram codes (API §10.3): 0 wake, 1 REM, 2 N1, 3 N2, 4 N3, 5 unknown; anything else = unknown. */
export type HypnogramStage = { utcMs: number; code: number };

export type HypnogramNight = {
  /** The night's date = Polar's `date` (the wake-up day). */
  date: string;
  startUtcMs: number;
  endUtcMs: number;
  /** Offset of the athlete's clock that night (minutes east of UTC), so the axis shows their clock. */
  offsetMinutes: number;
  stages: readonly HypnogramStage[];
};

const LEVEL_BY_CODE: Record<number, number> = { 0: 5, 1: 4, 2: 3, 3: 2, 4: 1 };
export const LEVEL_NAME: Record<number, string> = { 5: "Wake", 4: "REM", 3: "Light N1", 2: "Light N2", 1: "Deep N3", 0: "Unknown" };

export type HypnogramRow = { t: number; level: number };

/** Stage steps from change points; the last stage holds until the end of sleep. */
export function toHypnogramRows(night: HypnogramNight): HypnogramRow[] {
  const sorted = [...night.stages].sort((a, b) => a.utcMs - b.utcMs);
  const rows = sorted.map((stage) => ({ t: stage.utcMs, level: LEVEL_BY_CODE[stage.code] ?? 0 }));
  const last = rows[rows.length - 1];
  if (last && night.endUtcMs > last.t) rows.push({ t: night.endUtcMs, level: last.level });
  return rows;
}

/** A row's finite number under `key`, or null (missing, not computable, or not a number): a gap, never 0. */
export function readNumber(row: Readonly<Record<string, unknown>>, key: string): number | null {
  const value = row[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/**
 * The newcomer's note wherever fitness and fatigue show (overview, Load, weekly report): without earlier
 * history they start from the first week's average load (metrics.md §4), so a fitness of 3.5 before any
 * session is the seed, not training. Null once the seed no longer dominates on day `dayIndex` of the history.
 */
export function describePmcSeed(dayIndex: number, reader: "athlete" | "coach" = "athlete"): string | null {
  if (!isPmcSeedDominant(dayIndex)) return null;
  const your = reader === "athlete" ? "your" : "the athlete's";
  return `Fitness is seeded from ${your} first week's average: on day ${dayIndex} of ${your} history, fitness and fatigue still show that starting value more than ${your} training (it fades over the first 42 days).`;
}
