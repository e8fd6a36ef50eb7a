/**
 * Training sessions: the 1 Hz series (HR, speed, altitude, distance, power, cadence, RR, route) rendered
 * from the session's own seed, their summary (Polar zones, TRIMP-based cardio load, calories) and the
 * AccessLink JSON of §5.2 (kebab-case) and §6.1 (snake_case with kebab-case stragglers).
 */
import type { JsonObject, JsonValue, SimLinkContext } from "@/lib/polar-sim/contract";
import type { AthleteModel, SessionPlan } from "@/lib/polar-sim/generator/model";
import { createRng } from "@/lib/polar-sim/generator/prng";
import type { SportKind } from "@/lib/polar-sim/generator/roster";
import { clamp, formatIsoDuration, formatLocalDateTime, formatUtcMillis, roundToTenth } from "@/lib/polar-sim/generator/time";

/** Missing value marker inside the integer series. */
export const MISSING = -1;

export type SessionSeries = {
  hr: Int16Array;
  speed: Float32Array | null;
  distance: Float64Array | null;
  altitude: Float32Array | null;
  power: Int16Array | null;
  cadence: Int16Array | null;
  rr: Int16Array | null;
  latitude: Float64Array | null;
  longitude: Float64Array | null;
};

/** What the HR series alone gives: enough for loads and calories. */
export type HeartRateSummary = {
  averageHr: number;
  maximumHr: number;
  /** Seconds in Polar zones 1–5; they sum to the session duration. */
  zoneSeconds: number[];
  zoneLimits: number[];
  trimp: number;
  cardioLoad: number;
  calories: number;
};

export type SessionSummary = HeartRateSummary & {
  distance: number | null;
  ascent: number;
  /** Mechanical work in kJ (rides with power), else null. */
  workKj: number | null;
};

type SportInfo = {
  sport: string;
  detailed: string;
  outdoor: boolean;
  samples: readonly string[];
  tcxSport: "Running" | "Biking" | "Other";
};

const SPORTS: Record<SportKind, SportInfo> = {
  run: { sport: "RUNNING", detailed: "ROAD_RUNNING", outdoor: true, samples: ["0", "1", "3", "10"], tcxSport: "Running" },
  "trail-run": { sport: "RUNNING", detailed: "TRAIL_RUNNING", outdoor: true, samples: ["0", "1", "3", "10"], tcxSport: "Running" },
  walk: { sport: "WALKING", detailed: "WALKING", outdoor: true, samples: ["0", "1", "3", "10"], tcxSport: "Other" },
  ride: { sport: "CYCLING", detailed: "ROAD_BIKING", outdoor: true, samples: ["0", "1", "2", "3", "4", "10"], tcxSport: "Biking" },
  "indoor-ride": { sport: "CYCLING", detailed: "INDOOR_CYCLING", outdoor: false, samples: ["0", "1", "2", "4", "10"], tcxSport: "Biking" },
  swim: { sport: "SWIMMING", detailed: "POOL_SWIMMING", outdoor: false, samples: ["0"], tcxSport: "Other" },
  strength: { sport: "STRENGTH_TRAINING", detailed: "STRENGTH_TRAINING", outdoor: false, samples: ["0"], tcxSport: "Other" },
};

export function getSportInfo(kind: SportKind): SportInfo {
  return SPORTS[kind];
}

export function listSampleTypes(session: SessionPlan): string[] {
  const types = [...SPORTS[session.kind].samples];
  if (session.hasRr) types.push("11");
  return types;
}

/** Polar's default zones: integer limits at 50/60/70/80/90/100 % of HRmax. */
export function computeZoneLimits(hrMax: number): number[] {
  return [50, 60, 70, 80, 90, 100].map((pct) => Math.round((pct * hrMax) / 100));
}

/** Planned fraction of heart-rate reserve at second `t`: warm-up, work (steady/intervals/sets), cool-down. */
function computeTargetFraction(session: SessionPlan, t: number, phase: number): number {
  const total = session.durationSec;
  const warm = Math.min(600, total * 0.15);
  const cool = Math.min(480, total * 0.12);
  const work = session.intensity;
  const easy = 0.3;
  let level: number;
  if (session.kind === "strength") {
    level = t % 135 < 45 ? work + 0.15 : work - 0.1;
  } else if (session.intervals && t >= warm && t < total - cool) {
    level = (t - warm) % 360 < 240 ? work + 0.1 : work - 0.22;
  } else {
    level = work + (session.kind === "ride" || session.kind === "trail-run" ? 0.06 * Math.sin(t / 95 + phase) : 0);
  }
  if (t < warm) return easy + (level - easy) * (t / warm);
  if (t >= total - cool) return level + (easy - level) * ((t - (total - cool)) / cool);
  return level;
}

/**
 * The 1 Hz HR series alone, from its own random stream: loads and calories of many sessions (cardio load,
 * levels, daily activity) need only this, not the motion channels.
 */
export function renderHeartRate(model: AthleteModel, session: SessionPlan): Int16Array {
  const spec = model.spec;
  const rng = createRng(session.seed, "heart-rate");
  const n = session.durationSec;
  const hr = new Int16Array(n);
  const reserve = spec.hrMax - spec.hrRest;
  const phase = rng.range(0, 2 * Math.PI);
  let current = spec.hrRest + 0.2 * reserve;
  let noise = 0;
  for (let t = 0; t < n; t++) {
    const f = computeTargetFraction(session, t, phase);
    // Cardiac drift: about +4 bpm per hour of work.
    const target = spec.hrRest + f * reserve + (4 * t) / 3600;
    current += (target - current) / (target > current ? 22 : 38);
    noise = 0.9 * noise + rng.normal() * 0.55;
    hr[t] = clamp(Math.round(current + noise), 40, spec.hrMax + 1);
  }
  if (session.dropout) {
    const end = Math.min(n, session.dropout.atSec + session.dropout.lengthSec);
    for (let t = session.dropout.atSec; t < end; t++) hr[t] = MISSING;
  }
  if (session.leadingZero && n > 0) hr[0] = 0;
  return hr;
}

export function renderSeries(model: AthleteModel, session: SessionPlan): SessionSeries {
  const spec = model.spec;
  const rng = createRng(session.seed, "series");
  const hr = renderHeartRate(model, session);
  const n = session.durationSec;
  const info = SPORTS[session.kind];
  const types = new Set(listSampleTypes(session));
  const speed = types.has("1") ? new Float32Array(n) : null;
  const distance = types.has("10") ? new Float64Array(n) : null;
  const altitude = types.has("3") ? new Float32Array(n) : null;
  const power = types.has("4") ? new Int16Array(n) : null;
  const cadence = types.has("2") ? new Int16Array(n) : null;
  const latitude = info.outdoor ? new Float64Array(n) : null;
  const longitude = info.outdoor ? new Float64Array(n) : null;

  const reserve = spec.hrMax - spec.hrRest;
  const phase = rng.range(0, 2 * Math.PI);
  const altPhases = [rng.range(0, 6.28), rng.range(0, 6.28), rng.range(0, 6.28)];
  const altAmplitude = session.kind === "ride" ? 35 : session.kind === "trail-run" ? 45 : 12;
  let dist = 0;
  let lat = spec.home.latitude + rng.range(-0.01, 0.01);
  let lon = spec.home.longitude + rng.range(-0.01, 0.01);
  let heading = rng.range(0, 2 * Math.PI);
  let smoothSpeed = 0;
  for (let t = 0; t < n; t++) {
    const f = computeTargetFraction(session, t, phase);
    let v = 0;
    if (session.kind === "run" || session.kind === "trail-run") {
      v = spec.thresholdSpeed * (0.55 + 0.55 * f) * (session.kind === "trail-run" ? 0.85 : 1);
    } else if (session.kind === "walk") {
      v = 5 * (0.9 + 0.25 * f);
    }
    if (power && cadence) {
      const coasting = info.outdoor && rng.chance(0.03);
      const watts = coasting ? 0 : Math.max(0, spec.ftp * (0.45 + 0.75 * f) * (1 + rng.normal() * 0.06));
      power[t] = Math.round(watts);
      cadence[t] = coasting ? 0 : Math.round(88 + rng.normal() * 3);
      v = 5.5 * Math.cbrt(Math.max(watts, 60));
    }
    smoothSpeed += (v - smoothSpeed) / 6;
    const vNow = Math.max(0, smoothSpeed + rng.normal() * 0.25);
    if (speed) speed[t] = vNow;
    dist += vNow / 3.6;
    if (distance) distance[t] = dist;
    if (altitude) {
      const x = dist / 1000;
      altitude[t] =
        spec.home.altitude +
        altAmplitude * (Math.sin(x * 0.9 + altPhases[0]) + 0.5 * Math.sin(x * 2.3 + altPhases[1]) + 0.25 * Math.sin(x * 5.1 + altPhases[2]));
    }
    if (latitude && longitude) {
      heading += rng.normal() * 0.03;
      lat += ((vNow / 3.6) * Math.cos(heading)) / 111_320;
      lon += ((vNow / 3.6) * Math.sin(heading)) / (111_320 * Math.cos((lat * Math.PI) / 180));
      latitude[t] = lat;
      longitude[t] = lon;
    }
  }
  let rr: Int16Array | null = null;
  if (session.hasRr) {
    const beats: number[] = [];
    let lastHr = spec.hrRest + 0.2 * reserve;
    for (let ms = 0; ms < n * 1000; ) {
      const value = hr[Math.floor(ms / 1000)];
      if (value > 0) lastHr = value;
      const interval = Math.round((60_000 / lastHr) * (1 + rng.normal() * 0.025));
      beats.push(rng.chance(0.004) ? MISSING : interval);
      ms += interval;
    }
    rr = Int16Array.from(beats);
  }
  return { hr, speed, distance, altitude, power, cadence, rr, latitude, longitude };
}

export function summarizeHeartRate(model: AthleteModel, session: SessionPlan, hr: Int16Array): HeartRateSummary {
  const spec = model.spec;
  const limits = computeZoneLimits(spec.hrMax);
  const zoneSeconds = [0, 0, 0, 0, 0];
  const [a, b] = spec.gender === "MALE" ? [0.64, 1.92] : [0.86, 1.67];
  let sum = 0;
  let count = 0;
  let max = 0;
  let trimp = 0;
  let heldZone = 0;
  for (let t = 0; t < hr.length; t++) {
    const value = hr[t];
    // Polar credits every recorded second to a zone: below zone 1 counts as zone 1, a dropout keeps the
    // previous zone, so the five `in-zone` durations add up to the session duration.
    if (value > 0) {
      heldZone = 0;
      for (let k = 4; k >= 1; k--) {
        if (value >= limits[k]) {
          heldZone = k;
          break;
        }
      }
      sum += value;
      count++;
      max = Math.max(max, value);
      const x = clamp((value - spec.hrRest) / (spec.hrMax - spec.hrRest), 0, 1);
      trimp += (x * a * Math.exp(b * x)) / 60;
    }
    zoneSeconds[heldZone]++;
  }
  const averageHr = count > 0 ? Math.round(sum / count) : 0;
  const age = computeAge(spec.birthdate, session.date);
  const perMinute =
    spec.gender === "MALE"
      ? (-55.0969 + 0.6309 * averageHr + 0.1988 * spec.weight + 0.2017 * age) / 4.184
      : (-20.4022 + 0.4472 * averageHr - 0.1263 * spec.weight + 0.074 * age) / 4.184;
  return {
    averageHr,
    maximumHr: max,
    zoneSeconds,
    zoneLimits: limits,
    trimp,
    cardioLoad: roundToTenth(trimp),
    calories: Math.max(1, Math.round(perMinute * (session.durationSec / 60))),
  };
}

export function summarizeSeries(session: SessionPlan, heartRate: HeartRateSummary, series: SessionSeries): SessionSummary {
  let ascent = 0;
  if (series.altitude) {
    for (let t = 1; t < series.altitude.length; t++) ascent += Math.max(0, series.altitude[t] - series.altitude[t - 1]);
  }
  let workKj: number | null = null;
  if (series.power) {
    let joules = 0;
    for (const watts of series.power) joules += watts;
    workKj = roundToTenth(joules / 1000);
  }
  let distance: number | null = null;
  if (series.distance && series.distance.length > 0) distance = roundToTenth(series.distance[series.distance.length - 1]);
  else if (session.kind === "swim") distance = Math.round((session.durationSec * (0.75 + 0.35 * session.intensity)) / 25) * 25;
  return { ...heartRate, distance, ascent: Math.round(ascent), workKj };
}

export function computeAge(birthdate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthdate.slice(0, 4));
  return date.slice(5) < birthdate.slice(5) ? years - 1 : years;
}

/** Cardio-load interpretation against the athlete's level thresholds (`cardio_load_level`). */
export function interpretLoad(load: number, levels: number[]): string {
  const names = ["VERY_LOW", "LOW", "MEDIUM", "HIGH", "VERY_HIGH"];
  for (let k = 0; k < 4; k++) {
    if (load < (levels[k] + levels[k + 1]) / 2) return names[k];
  }
  return names[4];
}

const RPE_NAMES = [
  "RPE_NONE",
  "RPE_EASY",
  "RPE_LIGHT",
  "RPE_FAIRLY_BRISK",
  "RPE_BRISK",
  "RPE_MODERATE",
  "RPE_FAIRLY_HARD",
  "RPE_HARD",
  "RPE_EXHAUSTING",
  "RPE_EXTREME",
];

function renderTrainingLoadPro(session: SessionPlan, summary: SessionSummary, levels: number[]): JsonObject {
  const perceived = session.rpe > 0 ? roundToTenth((session.rpe * session.durationSec) / 60) : 0;
  const muscle = summary.workKj;
  return {
    date: session.date,
    "cardio-load": summary.cardioLoad,
    "muscle-load": muscle ?? -1.0,
    "perceived-load": perceived,
    "cardio-load-interpretation": interpretLoad(summary.cardioLoad, levels),
    "muscle-load-interpretation": muscle === null ? "NOT_AVAILABLE" : muscle > 900 ? "HIGH" : muscle > 500 ? "MEDIUM" : "LOW",
    "perceived-load-interpretation":
      session.rpe === 0 ? "NOT_AVAILABLE" : interpretLoad(perceived / 3, levels),
    "user-rpe": session.rpe === 0 ? "UNKNOWN" : RPE_NAMES[session.rpe],
  };
}

function renderZones(summary: SessionSummary): JsonObject[] {
  return summary.zoneSeconds.map((seconds, k) => ({
    index: k + 1,
    "lower-limit": summary.zoneLimits[k],
    "upper-limit": summary.zoneLimits[k + 1],
    "in-zone": formatIsoDuration(seconds),
  }));
}

export type ExerciseContext = {
  model: AthleteModel;
  session: SessionPlan;
  summary: SessionSummary;
  /** `cardio_load_level` thresholds of the session's day (for interpretations). */
  levels: number[];
};

/** The fields shared by both representations, keyed by their kebab-case name. */
function collectCommonFields(ctx: ExerciseContext): [string, JsonValue][] {
  const { model, session, summary } = ctx;
  const info = SPORTS[session.kind];
  const rng = createRng(session.seed, "meta");
  const carbohydrate = Math.round(35 + 50 * session.intensity + rng.range(-3, 3));
  const protein = 3;
  const fields: [string, JsonValue][] = [
    ["device", model.spec.device],
    ["device-id", model.spec.deviceId],
    // Local wall-clock time of the watch without offset; the offset travels separately (§1.4).
    ["start-time", formatLocalDateTime(session.startUtc, session.offsetMinutes)],
    ["start-time-utc-offset", session.offsetMinutes],
    ["duration", formatIsoDuration(session.durationSec)],
    ["calories", summary.calories],
  ];
  if (summary.distance !== null) fields.push(["distance", summary.distance]);
  fields.push(
    ["heart-rate", { average: summary.averageHr, maximum: summary.maximumHr }],
    ["training-load", roundToTenth(summary.trimp * 1.08)],
    ["sport", info.sport],
    ["has-route", info.outdoor],
    ["detailed-sport-info", info.detailed],
    ["fat-percentage", 100 - carbohydrate - protein],
    ["carbohydrate-percentage", carbohydrate],
    ["protein-percentage", protein],
  );
  if (session.kind === "run" || session.kind === "trail-run") {
    fields.push(["running-index", Math.round(model.spec.vo2Max + rng.normal() * 1.5)]);
  }
  return fields;
}

export function renderTransactionalExercise(ctx: ExerciseContext, link: SimLinkContext): JsonObject {
  const { model, session } = ctx;
  const out: JsonObject = {
    id: session.id,
    "upload-time": formatUtcMillis(session.uploadedAt),
    "polar-user": `${link.apiBaseUrl}/v3/users/${model.spec.userId}`,
  };
  if (link.transactionId !== undefined) out["transaction-id"] = link.transactionId;
  for (const [key, value] of collectCommonFields(ctx)) out[key] = value;
  out["training-load-pro"] = renderTrainingLoadPro(session, ctx.summary, ctx.levels);
  return out;
}

export function renderTransactionalZones(ctx: ExerciseContext): JsonObject {
  return { zone: renderZones(ctx.summary) };
}

export function buildExerciseUrl(model: AthleteModel, session: SessionPlan, link: SimLinkContext): string {
  const transaction = link.transactionId ?? 0;
  return `${link.apiBaseUrl}/v3/users/${model.spec.userId}/exercise-transactions/${transaction}/exercises/${session.id}`;
}

export function renderSampleList(ctx: ExerciseContext, link: SimLinkContext): JsonObject {
  const base = buildExerciseUrl(ctx.model, ctx.session, link);
  return { samples: listSampleTypes(ctx.session).map((type) => `${base}/samples/${type}`) };
}

function joinInts(values: Int16Array): string {
  const parts = new Array<string>(values.length);
  // Missing values are written as empty fields (`598,,611`, U22 default).
  for (let i = 0; i < values.length; i++) parts[i] = values[i] === MISSING ? "" : String(values[i]);
  return parts.join(",");
}

function joinFloats(values: Float32Array | Float64Array): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = (Math.round(values[i] * 10) / 10).toFixed(1);
  return parts.join(",");
}

/** One sample series object, or null when the session did not record that type. */
export function renderSample(session: SessionPlan, series: SessionSeries, typeId: string): JsonObject | null {
  if (!listSampleTypes(session).includes(typeId)) return null;
  let data: string | null = null;
  switch (typeId) {
    case "0":
      data = joinInts(series.hr);
      break;
    case "1":
      data = series.speed ? joinFloats(series.speed) : null;
      break;
    case "2":
      data = series.cadence ? joinInts(series.cadence) : null;
      break;
    case "3":
      data = series.altitude ? joinFloats(series.altitude) : null;
      break;
    case "4":
      data = series.power ? joinInts(series.power) : null;
      break;
    case "10":
      data = series.distance ? joinFloats(series.distance) : null;
      break;
    case "11":
      data = series.rr ? joinInts(series.rr) : null;
      break;
  }
  if (data === null) return null;
  // RR intervals carry their own spacing: recording-rate null (§5.2).
  return { "recording-rate": typeId === "11" ? null : 1, "sample-type": typeId, data };
}

const SNAKE_OVERRIDES: Record<string, string> = { "running-index": "running-index" };

export function renderHashedExercise(
  ctx: ExerciseContext,
  series: SessionSeries | null,
  opts: { samples: boolean; zones: boolean; route: boolean },
  apiBaseUrl: string,
): JsonObject {
  const { model, session } = ctx;
  const out: JsonObject = {
    id: session.hashedId,
    upload_time: formatUtcMillis(session.uploadedAt),
    polar_user: `${apiBaseUrl}/v3/users/${model.spec.userId}`,
  };
  for (const [key, value] of collectCommonFields(ctx)) {
    // snake_case, except `running-index` which keeps its hyphen (§6.1); nested keys stay kebab-case.
    out[SNAKE_OVERRIDES[key] ?? key.replace(/-/g, "_")] = value;
  }
  if (opts.zones) out.heart_rate_zones = renderZones(ctx.summary);
  if (opts.samples && series) {
    const samples: JsonObject[] = [];
    for (const type of listSampleTypes(session)) {
      const sample = renderSample(session, series, type);
      if (sample) samples.push(sample);
    }
    out.samples = samples;
  }
  if (opts.route && series && series.latitude && series.longitude) {
    const route: JsonObject[] = [];
    const rng = createRng(session.seed, "route");
    for (let t = 0; t < series.latitude.length; t++) {
      route.push({
        latitude: Math.round(series.latitude[t] * 1e5) / 1e5,
        longitude: Math.round(series.longitude[t] * 1e5) / 1e5,
        time: t === 0 ? "PT0S" : `PT${t}.${String(rng.int(0, 999)).padStart(3, "0")}S`,
        satellites: rng.int(7, 12),
        fix: 3,
      });
    }
    out.route = route;
  }
  out.training_load_pro = renderTrainingLoadPro(session, ctx.summary, ctx.levels);
  return out;
}
