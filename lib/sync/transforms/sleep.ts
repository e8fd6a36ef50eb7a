import type { sleeps } from "@/db/schema/polar-data";
import { parseOffsetDateTime, unwrapClockMap } from "@/lib/polar/time";
import { packTimedValues } from "../pack";
import { MINUTE_MS, nn, type Maybe, type TransformRow } from "./common";



export type SleepInput = {
  date: string;
  sleep_start_time: string;
  sleep_end_time: string;
  device_id?: Maybe<string>;
  continuity?: Maybe<number>;
  continuity_class?: Maybe<number>;
  light_sleep?: Maybe<number>;
  deep_sleep?: Maybe<number>;
  rem_sleep?: Maybe<number>;
  unrecognized_sleep_stage?: Maybe<number>;
  sleep_score?: Maybe<number>;
  total_interruption_duration?: Maybe<number>;
  sleep_charge?: Maybe<number>;
  sleep_goal?: Maybe<number>;
  sleep_rating?: Maybe<number>;
  short_interruption_duration?: Maybe<number>;
  long_interruption_duration?: Maybe<number>;
  sleep_cycles?: Maybe<number>;
  group_duration_score?: Maybe<number>;
  group_solidity_score?: Maybe<number>;
  group_regeneration_score?: Maybe<number>;
  hypnogram?: Maybe<Record<string, number>>;
  heart_rate_samples?: Maybe<Record<string, number>>;
};

export type SleepRow = TransformRow<typeof sleeps>;

/** Hypnogram codes outside the documented 0–5 (Polar's example has a 6) are stored as 5 = unknown. */
export function normalizeHypnogramCode(code: number): number {
  return Number.isInteger(code) && code >= 0 && code <= 5 ? code : 5;
}


export function toSleepRow(sleep: SleepInput): SleepRow {
  const start = parseOffsetDateTime(sleep.sleep_start_time);
  const end = parseOffsetDateTime(sleep.sleep_end_time);
  // Offsets are whole minutes, so flooring the UTC instant to the minute equals truncating the local clock:
  // the "HH:MM" keys then sit on whole seconds after the base.
  const base = Math.floor(start.utcMs / MINUTE_MS) * MINUTE_MS;
  const hypnogram = unwrapClockMap(sleep.hypnogram ?? {}, sleep.sleep_start_time).map((point) => ({
    utcMs: point.utcMs,
    value: normalizeHypnogramCode(point.value),
  }));
  const heartRates = unwrapClockMap(sleep.heart_rate_samples ?? {}, sleep.sleep_start_time).map((point) => ({
    utcMs: point.utcMs,
    value: point.value,
  }));
  return {
    localDate: sleep.date,
    startUtcMs: start.utcMs,
    endUtcMs: end.utcMs,
    startUtcOffsetMinutes: start.offsetMinutes,
    endUtcOffsetMinutes: end.offsetMinutes,
    deviceId: nn(sleep.device_id),
    continuity: nn(sleep.continuity),
    continuityClass: nn(sleep.continuity_class),
    lightSleepSeconds: nn(sleep.light_sleep),
    deepSleepSeconds: nn(sleep.deep_sleep),
    remSleepSeconds: nn(sleep.rem_sleep),
    unrecognizedSleepSeconds: nn(sleep.unrecognized_sleep_stage),
    sleepScore: nn(sleep.sleep_score),
    totalInterruptionSeconds: nn(sleep.total_interruption_duration),
    shortInterruptionSeconds: nn(sleep.short_interruption_duration),
    longInterruptionSeconds: nn(sleep.long_interruption_duration),
    sleepCharge: nn(sleep.sleep_charge),
    sleepGoalSeconds: nn(sleep.sleep_goal),
    sleepRating: nn(sleep.sleep_rating),
    sleepCycles: nn(sleep.sleep_cycles),
    groupDurationScore: nn(sleep.group_duration_score),
    groupSolidityScore: nn(sleep.group_solidity_score),
    groupRegenerationScore: nn(sleep.group_regeneration_score),
    samplesBaseUtcMs: base,
    hypnogram: packTimedValues(hypnogram, base),
    heartRateSamples: packTimedValues(heartRates, base),
  };
}
