import type { nightlyRecharges } from "@/db/schema/polar-data";
import { parseClockTime, parseOffsetDateTime, unwrapClockMap } from "@/lib/polar/time";
import { addDays } from "@/lib/analytics/dates";
import { packTimedValues } from "../pack";
import { MINUTE_MS, nn, type Maybe, type TransformRow } from "./common";



export type NightlyRechargeInput = {
  date: string;
  heart_rate_avg?: Maybe<number>;
  beat_to_beat_avg?: Maybe<number>;
  heart_rate_variability_avg?: Maybe<number>;
  breathing_rate_avg?: Maybe<number>;
  nightly_recharge_status?: Maybe<number>;
  ans_charge?: Maybe<number>;
  ans_charge_status?: Maybe<number>;
  hrv_samples?: Maybe<Record<string, number>>;
  breathing_samples?: Maybe<Record<string, number>>;
};

export type NightlyRechargeRow = TransformRow<typeof nightlyRecharges>;

/**
 * Nightly Recharge has no start time of its own: its `"HH:MM"` maps are unwrapped against the same night's
 * `sleep_start_time` when we have it (UTC base). Without it, the night is assumed to start at its earliest
 * evening key (12:00 or later) on the day before `date`, or at its earliest key on `date` when every key is
 * before noon; the maps are then stored in local wall time (`samplesBaseUtcMs` null).
 */
export function toNightlyRechargeRow(recharge: NightlyRechargeInput, sleepStartTime: string | null): NightlyRechargeRow {
  const hrvMap = recharge.hrv_samples ?? {};
  const breathingMap = recharge.breathing_samples ?? {};
  let anchor: string;
  let baseUtcMs: number | null;
  let baseLocal: string;
  if (sleepStartTime) {
    anchor = sleepStartTime;
    const start = parseOffsetDateTime(sleepStartTime);
    baseUtcMs = Math.floor(start.utcMs / MINUTE_MS) * MINUTE_MS;
    baseLocal = sleepStartTime.slice(0, 16);
  } else {
    const keys = [...Object.keys(hrvMap), ...Object.keys(breathingMap)].sort();
    const evening = keys.filter((key) => parseClockTime(key) >= 12 * 3600);
    const day = evening.length > 0 ? addDays(recharge.date, -1) : recharge.date;
    const first = evening.length > 0 ? evening[0] : (keys[0] ?? "00:00");
    baseLocal = `${day}T${first}`;
    // Local wall time carried as a "+00:00" instant: differences between keys stay exact, no real offset is
    // applied (none is known), and the stored base is the local string.
    anchor = `${baseLocal}:00+00:00`;
    baseUtcMs = null;
  }
  const anchorMs = Math.floor(parseOffsetDateTime(anchor).utcMs / MINUTE_MS) * MINUTE_MS;
  const unwrap = (map: Record<string, number>) =>
    unwrapClockMap(map, anchor).map((point) => ({ utcMs: point.utcMs, value: point.value }));
  return {
    localDate: recharge.date,
    heartRateAvg: nn(recharge.heart_rate_avg),
    beatToBeatAvgMs: nn(recharge.beat_to_beat_avg),
    hrvRmssdMs: nn(recharge.heart_rate_variability_avg),
    breathingRateAvg: nn(recharge.breathing_rate_avg),
    nightlyRechargeStatus: nn(recharge.nightly_recharge_status),
    ansCharge: nn(recharge.ans_charge),
    ansChargeStatus: nn(recharge.ans_charge_status),
    samplesBaseLocal: baseLocal,
    samplesBaseUtcMs: baseUtcMs,
    hrvSamples: packTimedValues(unwrap(hrvMap), anchorMs),
    breathingSamples: packTimedValues(unwrap(breathingMap), anchorMs),
  };
}
