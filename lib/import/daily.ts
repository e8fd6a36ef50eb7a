/**
 * Daily files of the archive (polar-export.md §3–§5): activity (one per day), sleep results and scores (one
 * array each, joined on `night`), Nightly Recharge (array), 24/7 HR (one file per month) and the settings
 * history of `calendar-items` (kept as changes only). Unknown keys are ignored.
 */
import { z } from "zod";
import { parseClockTime, parseIsoDuration, parseOffsetDateTime } from "@/lib/polar/time";
import { isLocalDate } from "@/lib/analytics/dates";
import type { ImportedActivity, ImportedHeartRateDay, ImportedPhysicalInfo, ImportedRecharge, ImportedSleep } from "@/lib/import/model";
import { optionalNumber, positiveOrNull, rawArray } from "@/lib/import/session-common";

const localDate = z.string().refine(isLocalDate, { message: "expected a YYYY-MM-DD date" });
const optionalDuration = z
  .string()
  .optional()
  .transform((value) => {
    if (value === undefined) return null;
    try {
      return parseIsoDuration(value);
    } catch {
      return null;
    }
  });

const ACTIVE_LEVELS = new Set(["LIGHT", "CONTINUOS_MODERATE", "INTERMITTENT_MODERATE", "CONTINUOS_VIGOROUS", "INTERMITTENT_VIGOROUS"]);

/** Per-minute samples (about 1,440 a day per channel): read by hand, not through a schema pass each. */
const timedValues = rawArray.default([]);

const activitySchema = z.object({
  date: localDate,
  summary: z
    .object({
      stepCount: optionalNumber,
      stepsDistance: optionalNumber,
      calories: optionalNumber,
      dailyMetMinutes: optionalNumber,
      inactivityAlertCount: optionalNumber,
      activityLevels: z.array(z.object({ level: z.string(), duration: optionalDuration })).default([]),
    })
    .optional(),
  samples: z.object({ mets: timedValues, steps: timedValues }).optional(),
});

/** Two ASCII digits at `i` as a number, or −1 (no closures or arrays: it runs 1,440 times a channel a day). */
function twoDigits(text: string, i: number): number {
  const tens = text.charCodeAt(i) - 48;
  const ones = text.charCodeAt(i + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/** `HH:MM:SS[.fff]` → whole seconds of the day without a regex; anything else via the strict parser. */
function toSecondOfDay(localTime: string): number {
  if (localTime.length >= 8 && localTime.charCodeAt(2) === 0x3a && localTime.charCodeAt(5) === 0x3a && (localTime.length === 8 || localTime.charCodeAt(8) === 0x2e)) {
    const h = twoDigits(localTime, 0);
    const m = twoDigits(localTime, 3);
    const sec = twoDigits(localTime, 6);
    if (h >= 0 && h < 24 && m >= 0 && m < 60 && sec >= 0 && sec < 60) return h * 3600 + m * 60 + sec;
  }
  return Math.floor(parseClockTime(localTime));
}

/** Samples without `localTime` (seen in one variant, §3) are spread evenly from 00:00. */
function toDaySamples(items: readonly unknown[]): [number, number | null][] {
  const step = items.length > 0 ? Math.floor(86_400 / items.length) : 0;
  const out: [number, number | null][] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item === null || typeof item !== "object") continue;
    const { localTime, value } = item as Record<string, unknown>;
    const second = typeof localTime === "string" ? toSecondOfDay(localTime) : i * step;
    out.push([second, typeof value === "number" && Number.isFinite(value) ? value : null]);
  }
  return out;
}

export function parseActivity(json: unknown): ImportedActivity {
  const parsed = activitySchema.parse(json);
  const summary = parsed.summary;
  const stepSamples = toDaySamples(parsed.samples?.steps ?? []);
  const activeSeconds = summary ? summary.activityLevels.filter((l) => ACTIVE_LEVELS.has(l.level)).reduce((sum, l) => sum + (l.duration ?? 0), 0) : null;
  // Without `stepCount`, the step samples add up to it (S4).
  const summed = stepSamples.length > 0 ? stepSamples.reduce((sum, [, v]) => sum + (v ?? 0), 0) : null;
  return {
    localDate: parsed.date,
    steps: summary?.stepCount ?? summed,
    calories: positiveOrNull(summary?.calories ?? null),
    activeSeconds,
    distanceFromStepsMeters: summary?.stepsDistance ?? null,
    metMinutes: summary?.dailyMetMinutes ?? null,
    inactivityAlertCount: summary?.inactivityAlertCount ?? null,
    stepSamples,
    metSamples: toDaySamples(parsed.samples?.mets ?? []),
  };
}

const STAGE_BY_STATE: Readonly<Record<string, number>> = { WAKE: 0, REM: 1, NONREM1: 2, NONREM2: 3, NONREM3: 4, WS_UNKNOWN: 5 };

const sleepResultSchema = z.object({
  night: localDate,
  evaluation: z
    .object({
      analysis: z.object({ continuityIndex: optionalNumber }).optional(),
      interruptions: z.object({ totalDuration: optionalDuration, shortDuration: optionalDuration, longDuration: optionalDuration }).optional(),
      phaseDurations: z.object({ rem: optionalDuration, light: optionalDuration, deep: optionalDuration, unknown: optionalDuration }).optional(),
    })
    .optional(),
  sleepResult: z.object({
    hypnogram: z.object({
      sleepStart: z.string(),
      sleepEnd: z.string(),
      sleepGoal: optionalDuration,
      deviceId: z.string().optional(),
      sleepStateChanges: z.array(z.object({ offsetFromStart: z.string(), state: z.string() })).default([]),
    }),
  }),
});

export const sleepScoreSchema = z.object({
  night: localDate,
  sleepScoreResult: z
    .object({ sleepScore: optionalNumber, groupDurationScore: optionalNumber, groupSolidityScore: optionalNumber, groupRefreshScore: optionalNumber })
    .optional(),
});
export type SleepScore = z.infer<typeof sleepScoreSchema>;

export function parseSleepResult(json: unknown, score: SleepScore | undefined): ImportedSleep {
  const parsed = sleepResultSchema.parse(json);
  const hypnogram = parsed.sleepResult.hypnogram;
  const start = parseOffsetDateTime(hypnogram.sleepStart);
  const end = parseOffsetDateTime(hypnogram.sleepEnd);
  if (end.utcMs <= start.utcMs) throw new Error("the sleep ends before it starts");
  const changes = hypnogram.sleepStateChanges
    .map((change) => ({ utcMs: start.utcMs + parseIsoDuration(change.offsetFromStart) * 1000, stage: STAGE_BY_STATE[change.state] ?? 5 }))
    // The final WAKE at or after the end is an end marker, not a state (§4).
    .filter((change) => change.utcMs < end.utcMs);
  const phases = parsed.evaluation?.phaseDurations;
  const interruptions = parsed.evaluation?.interruptions;
  const result = score?.sleepScoreResult;
  return {
    localDate: parsed.night,
    startUtcMs: start.utcMs,
    endUtcMs: end.utcMs,
    startUtcOffsetMinutes: start.offsetMinutes,
    endUtcOffsetMinutes: end.offsetMinutes,
    deviceId: hypnogram.deviceId ?? null,
    lightSeconds: phases?.light ?? null,
    deepSeconds: phases?.deep ?? null,
    remSeconds: phases?.rem ?? null,
    unknownSeconds: phases?.unknown ?? null,
    totalInterruptionSeconds: interruptions?.totalDuration ?? null,
    shortInterruptionSeconds: interruptions?.shortDuration ?? null,
    longInterruptionSeconds: interruptions?.longDuration ?? null,
    continuity: parsed.evaluation?.analysis?.continuityIndex ?? null,
    sleepGoalSeconds: hypnogram.sleepGoal,
    hypnogram: changes,
    sleepScore: positiveOrNull(result?.sleepScore ?? null),
    groupDurationScore: result?.groupDurationScore ?? null,
    groupSolidityScore: result?.groupSolidityScore ?? null,
    groupRegenerationScore: result?.groupRefreshScore ?? null,
  };
}

const rechargeSchema = z.object({
  night: localDate,
  meanNightlyRecoveryRri: optionalNumber,
  meanNightlyRecoveryRmssd: optionalNumber,
  meanNightlyRecoveryRespirationInterval: optionalNumber,
  ansStatus: optionalNumber,
  ansRate: optionalNumber,
  recoveryIndicator: optionalNumber,
});

export function parseRecharge(json: unknown): ImportedRecharge {
  const parsed = rechargeSchema.parse(json);
  const rri = positiveOrNull(parsed.meanNightlyRecoveryRri);
  const respiration = positiveOrNull(parsed.meanNightlyRecoveryRespirationInterval);
  return {
    localDate: parsed.night,
    heartRateAvg: rri === null ? null : Math.round(60_000 / rri),
    beatToBeatAvgMs: rri === null ? null : Math.round(rri),
    hrvRmssdMs: positiveOrNull(parsed.meanNightlyRecoveryRmssd),
    // The archive gives milliseconds between breaths, not breaths per minute.
    breathingRateAvg: respiration === null ? null : Math.round((600_000 / respiration)) / 10,
    nightlyRechargeStatus: parsed.recoveryIndicator,
    ansCharge: parsed.ansStatus,
    ansChargeStatus: parsed.ansRate,
  };
}

const heartRateMonthSchema = z.object({
  deviceDays: z.array(z.object({ date: localDate, samples: rawArray.default([]) })).default([]),
});

/** One month file → its days; several devices on one day are merged, days without samples dropped. */
export function parseHeartRateMonth(json: unknown): ImportedHeartRateDay[] {
  const parsed = heartRateMonthSchema.parse(json);
  const byDate = new Map<string, Map<number, number>>();
  for (const day of parsed.deviceDays) {
    const samples = byDate.get(day.date) ?? new Map<number, number>();
    for (const sample of day.samples) {
      if (sample === null || typeof sample !== "object") continue;
      const { heartRate, secondsFromDayStart } = sample as Record<string, unknown>;
      if (typeof heartRate !== "number" || !(heartRate > 0) || typeof secondsFromDayStart !== "number") continue;
      samples.set(Math.floor(secondsFromDayStart), heartRate);
    }
    byDate.set(day.date, samples);
  }
  return [...byDate]
    .filter(([, samples]) => samples.size > 0)
    .map(([date, samples]) => ({ localDate: date, samples: [...samples].sort((a, b) => a[0] - b[0]) }));
}

const snapshotSchema = z.object({
  dateTime: z.string(),
  "height, cm": optionalNumber,
  "weight, kg": optionalNumber,
  maximumHeartRate: optionalNumber,
  restingHeartRate: optionalNumber,
  aerobicThreshold: optionalNumber,
  anaerobicThreshold: optionalNumber,
  vo2Max: optionalNumber,
});
const calendarSchema = z.object({ physicalInformations: z.array(snapshotSchema).default([]) });

/** The settings history: snapshots repeat unchanged values (they are settings), so only changes are kept. */
export function parsePhysicalInfoHistory(json: unknown): ImportedPhysicalInfo[] {
  const parsed = calendarSchema.parse(json);
  const sorted = [...parsed.physicalInformations].sort((a, b) => (a.dateTime < b.dateTime ? -1 : a.dateTime > b.dateTime ? 1 : 0));
  const out: ImportedPhysicalInfo[] = [];
  let previous = "";
  for (const snapshot of sorted) {
    const info: ImportedPhysicalInfo = {
      localDate: snapshot.dateTime.slice(0, 10),
      createdAtLocal: snapshot.dateTime,
      weightKg: positiveOrNull(snapshot["weight, kg"]),
      heightCm: positiveOrNull(snapshot["height, cm"]),
      maximumHeartRate: positiveOrNull(snapshot.maximumHeartRate),
      restingHeartRate: positiveOrNull(snapshot.restingHeartRate),
      aerobicThreshold: positiveOrNull(snapshot.aerobicThreshold),
      anaerobicThreshold: positiveOrNull(snapshot.anaerobicThreshold),
      vo2Max: positiveOrNull(snapshot.vo2Max),
    };
    if (!isLocalDate(info.localDate)) throw new Error(`a settings snapshot has no date: ${snapshot.dateTime.slice(0, 30)}`);
    const key = JSON.stringify({ ...info, localDate: "", createdAtLocal: "" });
    if (key !== previous) out.push(info);
    previous = key;
  }
  return out;
}
