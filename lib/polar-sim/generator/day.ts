/**
 * A day minute by minute (steps, activity zone, asleep, in a session), rendered as the transactional daily
 * activity (§5.3), the non-transactional one (§6.2) and 24/7 continuous heart rate (§6.3).
 */
import type { JsonObject } from "@/lib/polar-sim/contract";
import type { AthleteModel, NightPlan, SessionPlan } from "@/lib/polar-sim/generator/model";
import { computeAge } from "@/lib/polar-sim/generator/exercise";
import { createRng } from "@/lib/polar-sim/generator/prng";
import {
  DAY_MS,
  MINUTE_MS,
  formatClockSeconds,
  formatIsoDuration,
  formatLocalDateTime,
  formatMinuteDuration,
  formatUtcMillis,
  roundToTenth,
  toLocalMs,
} from "@/lib/polar-sim/generator/time";

/** Transactional zone indexes (§10.2): 0 sleep, 1 sedentary, 2 light, 3 moderate, 4 vigorous. */
export const ZONE_NAMES = ["SLEEP", "SEDENTARY", "LIGHT", "MODERATE", "VIGOROUS"] as const;
const MINUTES = 1440;
const INACTIVITY_ALERT_MINUTES = 55;
const ACTIVITY_GOAL_KCAL = 600;

export type DayMinutes = {
  day: number;
  date: string;
  /** UTC instant of each local minute. */
  utc: Float64Array;
  steps: Int16Array;
  zone: Int8Array;
  /** Calories of the sessions, attributed to their start minute. */
  sessionCalories: Float64Array;
  /** 1 while a training session records. */
  inSession: Uint8Array;
  inactivityStamps: number[];
  wakeUtc: number;
};

const isInside = (t: number, from: number, to: number): boolean => t >= from && t < to;

/** Relative chance of walking in each local hour for an awake, non-training minute. */
function getHourWeight(hour: number, typicalDay: string): number {
  const moving = typicalDay === "MOSTLY_MOVING" ? 1.6 : typicalDay === "MOSTLY_STANDING" ? 1.25 : 1;
  if (hour < 6 || hour >= 23) return 0.05;
  if (hour === 7 || hour === 8 || hour === 17) return 1.6 * moving;
  if (hour === 12) return 1.3 * moving;
  if (hour >= 18 && hour < 21) return 0.9 * moving;
  return 0.55 * moving;
}

export function buildDayMinutes(
  model: AthleteModel,
  day: number,
  sessions: { session: SessionPlan; calories: number }[],
  nights: NightPlan[],
): DayMinutes {
  const spec = model.spec;
  const rng = createRng(model.seed, model.athleteIndex, "minutes", day);
  const utc = new Float64Array(MINUTES);
  const steps = new Int16Array(MINUTES);
  const zone = new Int8Array(MINUTES);
  const sessionCalories = new Float64Array(MINUTES);
  const dayFactor = Math.exp(rng.normal() * 0.2);
  // First pass: sleep and sessions; what is left is the awake, free time where everyday walking happens.
  const free = new Uint8Array(MINUTES);
  const inSession = new Uint8Array(MINUTES);
  let sessionSteps = 0;
  let freeWeight = 0;
  for (let m = 0; m < MINUTES; m++) {
    const t = model.toUtcAt(day, m / 60);
    utc[m] = t;
    if (nights.some((night) => isInside(t, night.startUtc, night.endUtc))) {
      zone[m] = 0;
      continue;
    }
    const active = sessions.find(({ session }) => isInside(t, session.startUtc, session.endUtc));
    if (active) {
      const kind = active.session.kind;
      steps[m] =
        kind === "run" || kind === "trail-run" ? rng.int(158, 178) : kind === "walk" ? rng.int(100, 120) : rng.int(0, 6);
      sessionSteps += steps[m];
      inSession[m] = 1;
      zone[m] = active.session.intensity >= 0.62 ? 4 : 3;
      continue;
    }
    free[m] = 1;
    freeWeight += getHourWeight(Math.floor(m / 60), spec.typicalDay);
  }
  // Everyday walking in bouts of about six minutes, sized so the day lands near the athlete's usual steps.
  const walkingMinutes = Math.max(15, (spec.stepsPerDay * dayFactor - sessionSteps) / 88);
  const boutLength = 6;
  let walking = false;
  for (let m = 0; m < MINUTES; m++) {
    if (!free[m]) {
      walking = false;
      continue;
    }
    const p = (walkingMinutes * getHourWeight(Math.floor(m / 60), spec.typicalDay)) / Math.max(1, freeWeight);
    walking = walking ? rng.chance(1 - 1 / boutLength) : rng.chance(Math.min(0.9, p / boutLength));
    if (walking) {
      steps[m] = rng.int(60, 116);
      zone[m] = steps[m] >= 100 ? 3 : 2;
    } else {
      // Sitting with the odd fidget; a minute with a few real steps counts as light activity.
      steps[m] = rng.chance(spec.typicalDay === "MOSTLY_SITTING" ? 0.08 : 0.16) ? rng.int(1, 14) : 0;
      zone[m] = steps[m] >= 10 ? 2 : 1;
    }
  }
  for (const { session, calories } of sessions) {
    const minute = Math.floor((toLocalMs(model.spec.zone, session.startUtc) - (model.startEpochDay + day) * DAY_MS) / MINUTE_MS);
    if (minute >= 0 && minute < MINUTES) sessionCalories[minute] += calories;
  }
  // Polar's inactivity alert: 55 minutes in a row awake without moving.
  const inactivityStamps: number[] = [];
  let still = 0;
  for (let m = 0; m < MINUTES; m++) {
    if (zone[m] === 1) {
      still++;
      if (still === INACTIVITY_ALERT_MINUTES) {
        inactivityStamps.push(m);
        still = 0;
      }
    } else still = 0;
  }
  const morning = nights.find((night) => night.day === day);
  return {
    day,
    date: model.toDate(day),
    utc,
    steps,
    zone,
    sessionCalories,
    inSession,
    inactivityStamps,
    wakeUtc: morning ? morning.endUtc : utc[0],
  };
}

type Totals = {
  steps: number;
  activeMinutes: number;
  sedentaryMinutes: number;
  coveredMinutes: number;
  activeCalories: number;
  calories: number;
};

/** Totals over the minutes before `untilUtc` (a sync only knows the day so far). */
function sumTotalsUntil(model: AthleteModel, minutes: DayMinutes, untilUtc: number): Totals {
  const spec = model.spec;
  const age = computeAge(spec.birthdate, minutes.date);
  // Mifflin–St Jeor basal metabolism, kcal/day.
  const bmr = 10 * spec.weight + 6.25 * spec.height - 5 * age + (spec.gender === "MALE" ? 5 : -161);
  let steps = 0;
  let activeMinutes = 0;
  let sedentaryMinutes = 0;
  let covered = 0;
  let active = 0;
  let everydaySteps = 0;
  for (let m = 0; m < MINUTES; m++) {
    if (minutes.utc[m] >= untilUtc) break;
    covered++;
    steps += minutes.steps[m];
    const z = minutes.zone[m];
    if (z >= 2) activeMinutes++;
    if (z === 1) sedentaryMinutes++;
    // Session minutes are covered by the session's own calories.
    active += minutes.sessionCalories[m];
    if (!minutes.inSession[m]) {
      everydaySteps += minutes.steps[m];
      if (z === 2) active += 0.8;
    }
  }
  active += everydaySteps * 0.04 * (spec.weight / 70);
  return {
    steps,
    activeMinutes,
    sedentaryMinutes,
    coveredMinutes: covered,
    activeCalories: Math.round(active),
    calories: Math.round((bmr * covered) / MINUTES + active),
  };
}

export function renderActivitySummary(
  model: AthleteModel,
  minutes: DayMinutes,
  id: number,
  createdUtc: number,
  apiBaseUrl: string,
  transactionId: number | undefined,
): JsonObject {
  const totals = sumTotalsUntil(model, minutes, createdUtc);
  const out: JsonObject = { id, "polar-user": `${apiBaseUrl}/v3/users/${model.spec.userId}` };
  if (transactionId !== undefined) out["transaction-id"] = transactionId;
  out.date = minutes.date;
  out.created = formatUtcMillis(createdUtc);
  out.calories = totals.calories;
  out["active-calories"] = totals.activeCalories;
  out.duration = formatIsoDuration(totals.activeMinutes * 60);
  out["active-steps"] = totals.steps;
  return out;
}

const formatHourTime = (hour: number): string => `${String(hour).padStart(2, "0")}:00:00.000`;

export function renderStepSamples(minutes: DayMinutes, createdUtc: number): JsonObject {
  const samples: JsonObject[] = [];
  for (let hour = 0; hour < 24; hour++) {
    // Hours the watch had not synced yet are empty (`steps: null`).
    if (minutes.utc[hour * 60] >= createdUtc) {
      samples.push({ steps: null, time: formatHourTime(hour) });
      continue;
    }
    let sum = 0;
    for (let m = hour * 60; m < hour * 60 + 60 && minutes.utc[m] < createdUtc; m++) sum += minutes.steps[m];
    samples.push({ steps: sum, time: formatHourTime(hour) });
  }
  return { date: minutes.date, interval: 60, samples };
}

export function renderZoneSamples(minutes: DayMinutes, createdUtc: number): JsonObject {
  const samples: JsonObject[] = [];
  for (let hour = 0; hour < 24; hour++) {
    if (minutes.utc[hour * 60] >= createdUtc) break;
    const seconds = [0, 0, 0, 0, 0];
    for (let m = hour * 60; m < hour * 60 + 60 && minutes.utc[m] < createdUtc; m++) seconds[minutes.zone[m]] += 60;
    const zones: JsonObject[] = [];
    seconds.forEach((value, index) => {
      if (value > 0) zones.push({ index, inzone: formatMinuteDuration(value) });
    });
    samples.push({ "activity-zones": zones, time: formatHourTime(hour) });
  }
  return { date: minutes.date, interval: 60, samples };
}

const formatMinuteStamp = (minutes: DayMinutes, m: number): string =>
  `${minutes.date}T${formatClockSeconds(m * 60).slice(0, 5)}`;

export function renderActivitySamples(
  minutes: DayMinutes,
  opts: { steps: boolean; activityZones: boolean; inactivityStamps: boolean },
): JsonObject {
  const out: JsonObject = { date: minutes.date };
  if (opts.steps) {
    const samples: JsonObject[] = [];
    let total = 0;
    let previous = -1;
    for (let m = 0; m < MINUTES; m++) {
      total += minutes.steps[m];
      // Polar drops repeated identical counts: a gap longer than interval_ms is filtered, not missing (§6.2).
      if (minutes.steps[m] !== previous) samples.push({ steps: minutes.steps[m], timestamp: formatMinuteStamp(minutes, m) });
      previous = minutes.steps[m];
    }
    out.steps = { interval_ms: 60000, total_steps: total, samples };
  }
  if (opts.activityZones) {
    const samples: JsonObject[] = [];
    let previous = -1;
    for (let m = 0; m < MINUTES; m++) {
      if (minutes.zone[m] !== previous) {
        samples.push({ zone: ZONE_NAMES[minutes.zone[m]], timestamp: `${minutes.date}T${formatClockSeconds(m * 60)}` });
      }
      previous = minutes.zone[m];
    }
    out.activity_zones = { samples };
  }
  if (opts.inactivityStamps) {
    out.inactivity_stamps = minutes.inactivityStamps.map((m) => ({ stamp: formatMinuteStamp(minutes, m) }));
  }
  return out;
}

export function renderDailyActivity(
  model: AthleteModel,
  minutes: DayMinutes,
  opts: { steps: boolean; activityZones: boolean; inactivityStamps: boolean; utcTimes?: boolean },
): JsonObject {
  const totals = sumTotalsUntil(model, minutes, Number.POSITIVE_INFINITY);
  const startMs = Math.max(minutes.utc[0], minutes.wakeUtc);
  // The local day's last second: its last minute (23:59 whatever the day's length) plus 59 s.
  const endMs = minutes.utc[minutes.utc.length - 1] + 59_000;
  const out: JsonObject = {
    // Local wall-clock day boundaries without offset (U11 default); the switch writes the same instants in UTC,
    // still without an offset, as the spec's wording would have them.
    start_time: formatLocalDateTime(startMs, opts.utcTimes ? 0 : model.getOffsetAt(startMs)),
    end_time: opts.utcTimes ? formatLocalDateTime(endMs, 0) : `${minutes.date}T23:59:59`,
    active_duration: formatIsoDuration(totals.activeMinutes * 60),
    inactive_duration: formatIsoDuration(totals.sedentaryMinutes * 60),
    daily_activity: roundToTenth((totals.activeCalories / ACTIVITY_GOAL_KCAL) * 100),
    calories: totals.calories,
    active_calories: totals.activeCalories,
    steps: totals.steps,
    inactivity_alert_count: minutes.inactivityStamps.length,
    distance_from_steps: roundToTenth(totals.steps * model.spec.height * 0.00415),
  };
  if (opts.steps || opts.activityZones || opts.inactivityStamps) out.samples = renderActivitySamples(minutes, opts);
  return out;
}

/**
 * 24/7 HR: a reading about every 5 minutes with jitter, none while a session records (§6.3), none while the
 * watch is off the wrist.
 */
export function renderContinuousHeartRate(
  model: AthleteModel,
  minutes: DayMinutes,
  sessions: SessionPlan[],
  nights: NightPlan[],
  apiBaseUrl: string,
): JsonObject {
  const spec = model.spec;
  const rng = createRng(model.seed, model.athleteIndex, "continuous-hr", minutes.day);
  const physiology = spec.physiology(minutes.day);
  const offWrist = rng.chance(0.25) ? { from: rng.int(9 * 3600, 20 * 3600), length: rng.int(1800, 5400) } : null;
  const samples: JsonObject[] = [];
  for (let s = rng.int(5, 240); s < 86_400; s += 300 + rng.int(-12, 20)) {
    if (offWrist && s >= offWrist.from && s < offWrist.from + offWrist.length) continue;
    const t = model.toUtcAt(minutes.day, s / 3600);
    if (sessions.some((session) => t >= session.startUtc - 60_000 && t < session.endUtc + 60_000)) continue;
    const night = nights.find((n) => t >= n.startUtc && t < n.endUtc);
    let bpm: number;
    if (night) {
      bpm = night.heartRate + 2 + rng.normal() * 1.8;
    } else {
      const z = minutes.zone[Math.min(MINUTES - 1, Math.floor(s / 60))];
      const recent = sessions.reduce((extra, session) => {
        const since = t - session.endUtc;
        return since >= 0 ? Math.max(extra, 22 * Math.exp(-since / (25 * MINUTE_MS))) : extra;
      }, 0);
      bpm = spec.hrRest + 14 + (z === 2 ? 9 : z === 3 ? 26 : z === 4 ? 40 : 0) + 0.6 * physiology.heartRateDelta + recent + rng.normal() * 3;
    }
    samples.push({ heart_rate: Math.round(bpm), sample_time: formatClockSeconds(s) });
  }
  return { polar_user: `${apiBaseUrl}/v3/users/${spec.userId}`, date: minutes.date, heart_rate_samples: samples };
}
