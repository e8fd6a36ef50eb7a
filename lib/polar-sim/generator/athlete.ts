/**
 * One simulated athlete: the `SimAthleteData` of the contract, over lazily planned days, plus the records
 * created later by `uploadNow`.
 */
import type { JsonObject, SimAthleteData, SimAthleteProfile, SimFile, SimLinkContext, SimUpload, SimUploadRequest } from "@/lib/polar-sim/contract";
import type { DayMinutes } from "@/lib/polar-sim/generator/day";
import {
  buildDayMinutes,
  renderActivitySamples,
  renderActivitySummary,
  renderContinuousHeartRate,
  renderDailyActivity,
  renderStepSamples,
  renderZoneSamples,
} from "@/lib/polar-sim/generator/day";
import type { ExerciseContext, HeartRateSummary, SessionSeries, SessionSummary } from "@/lib/polar-sim/generator/exercise";
import {
  renderHashedExercise,
  renderHeartRate,
  renderSample,
  renderSampleList,
  renderSeries,
  renderTransactionalExercise,
  renderTransactionalZones,
  summarizeHeartRate,
  summarizeSeries,
} from "@/lib/polar-sim/generator/exercise";
import { renderFit, renderGpx, renderTcx } from "@/lib/polar-sim/generator/files";
import {
  makeLiveActivityId,
  makeLiveExerciseId,
  parseActivityId,
  parseExerciseId,
  parsePhysicalInfoId,
  unhashExerciseId,
} from "@/lib/polar-sim/generator/ids";
import type { AthleteModel, NightPlan, PhysicalEntry, SessionPlan } from "@/lib/polar-sim/generator/model";
import type { NightBaseline, NightDetail } from "@/lib/polar-sim/generator/night";
import { buildNightDetail, renderNightlyRecharge, renderSleep, renderSleepAvailable } from "@/lib/polar-sim/generator/night";
import { createRng } from "@/lib/polar-sim/generator/prng";
import { MINUTE_MS, formatIsoDuration, formatUtcMillis, formatUtcSeconds, roundToTenth } from "@/lib/polar-sim/generator/time";

/**
 * Base URL for owner links (`polar_user`) of the resources whose render methods receive no `SimLinkContext`
 * (sleep, Nightly Recharge, continuous HR, `/v3/exercises`). Shared by the roster and settable later, because
 * the server may learn its own URL only after listening on an ephemeral port.
 */
export type OwnerLinks = { apiBaseUrl: string };

const SERIES_CACHE_SIZE = 4;
const MINUTES_CACHE_SIZE = 8;

/** Tiny insertion-ordered LRU: rendering one session's sub-resources reuses its series. */
class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}
  get(key: K, make: () => V): V {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = make();
    this.map.set(key, value);
    if (this.map.size > this.size) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
    return value;
  }
  clear(): void {
    this.map.clear();
  }
}

function compareUploads(a: SimUpload, b: SimUpload): number {
  if (a.uploadedAt !== b.uploadedAt) return a.uploadedAt - b.uploadedAt;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const idA = "id" in a ? a.id : 0;
  const idB = "id" in b ? b.id : 0;
  if (idA !== idB) return idA - idB;
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

const CARDIO_STATUS_PLACEHOLDER = "LOAD_STATUS_NOT_AVAILABLE";
/** Polar needs about a week of history before it reports a cardio-load status. */
const CARDIO_WARMUP_DAYS = 7;

export class SimAthlete implements SimAthleteData {
  readonly profile: SimAthleteProfile;
  private readonly summaries = new Map<number, SessionSummary>();
  private readonly heartRateSummaries = new Map<number, HeartRateSummary>();
  private readonly levelsCache = new Map<number, number[]>();
  private readonly dayLoads = new Map<number, number>();
  private readonly nightDetails = new Map<string, NightDetail | null>();
  private readonly series = new Lru<number, SessionSeries>(SERIES_CACHE_SIZE);
  private readonly minutes = new Lru<number, DayMinutes>(MINUTES_CACHE_SIZE);
  private readonly liveSessions = new Map<number, SessionPlan>();
  private readonly liveActivities = new Map<number, { day: number; createdUtc: number }>();
  private readonly liveActivityDays = new Set<number>();
  private readonly liveNights = new Map<number, NightPlan>();
  private readonly liveUploads: SimUpload[] = [];
  private liveSerial = 0;

  constructor(
    private readonly model: AthleteModel,
    private readonly links: OwnerLinks,
  ) {
    const spec = model.spec;
    this.profile = {
      userId: spec.userId,
      login: spec.login,
      firstName: spec.firstName,
      lastName: spec.lastName,
      birthdate: spec.birthdate,
      gender: spec.gender,
      weight: spec.weight,
      height: spec.height,
      story: spec.story,
      utcOffsetMinutes: spec.utcOffsetMinutes,
      startsRevoked: spec.startsRevoked,
      startsWithoutConsents: spec.startsWithoutConsents,
      episodes: spec.episodes(model.options.days, model.startEpochDay).map((episode) => ({
        kind: episode.kind,
        from: model.toDate(episode.fromDay),
        to: model.toDate(episode.toDay),
        note: episode.note,
      })),
    };
  }

  // ── lookups ──

  private listHistorySessions(day: number): SessionPlan[] {
    if (!this.model.isHistoryDay(day)) return [];
    const end = this.model.historyEndUtc;
    return this.model.getDayPlan(day).sessions.filter((session) => session.uploadedAt < end);
  }

  /** Every session that exists on a local day (history and live uploads). */
  listSessionsOfDay(day: number): SessionPlan[] {
    const sessions = this.listHistorySessions(day);
    for (const session of this.liveSessions.values()) if (session.day === day) sessions.push(session);
    return sessions;
  }

  private findSession(id: number): SessionPlan | null {
    const ref = parseExerciseId(this.model.athleteIndex, id);
    if (!ref) return null;
    if (ref.kind === "live") return this.liveSessions.get(id) ?? null;
    return this.listHistorySessions(ref.day).find((session) => session.id === id) ?? null;
  }

  private findSessionByHash(hashedId: string): SessionPlan | null {
    const id = unhashExerciseId(hashedId, this.model.seed);
    if (id === null) return null;
    const session = this.findSession(id);
    return session && session.hashedId === hashedId ? session : null;
  }

  private getSummary(session: SessionPlan): SessionSummary {
    const cached = this.summaries.get(session.id);
    if (cached) return cached;
    const summary = summarizeSeries(session, this.getHeartRateSummary(session), this.getSeries(session));
    this.summaries.set(session.id, summary);
    return summary;
  }

  private getHeartRateSummary(session: SessionPlan): HeartRateSummary {
    const cached = this.heartRateSummaries.get(session.id);
    if (cached) return cached;
    const summary = summarizeHeartRate(this.model, session, renderHeartRate(this.model, session));
    this.heartRateSummaries.set(session.id, summary);
    return summary;
  }

  private getSeries(session: SessionPlan): SessionSeries {
    return this.series.get(session.id, () => renderSeries(this.model, session));
  }

  private getContext(session: SessionPlan): ExerciseContext {
    return { model: this.model, session, summary: this.getSummary(session), levels: this.getLevels(session.day) };
  }

  private listNightsAround(day: number): NightPlan[] {
    return [this.getNightEnding(day), this.getNightEnding(day + 1)];
  }

  /** The night that ended on `day` (live upload first), recorded or not. */
  private getNightEnding(day: number): NightPlan {
    return this.liveNights.get(day) ?? this.model.getDayPlan(day).night;
  }

  private findRecordedNight(date: string): NightPlan | null {
    const day = this.model.toDay(date);
    if (day === null) return null;
    const live = this.liveNights.get(day);
    if (live) return live;
    if (!this.model.isHistoryDay(day) || day <= this.model.historyStartDay) return null;
    const night = this.model.getDayPlan(day).night;
    return night.recorded ? night : null;
  }

  private getNightDetail(date: string): NightDetail | null {
    const cached = this.nightDetails.get(date);
    if (cached !== undefined) return cached;
    const night = this.findRecordedNight(date);
    const detail = night ? buildNightDetail(this.model, night) : null;
    this.nightDetails.set(date, detail);
    return detail;
  }

  private computeNightBaseline(day: number): NightBaseline {
    const scores: number[] = [];
    const heartRates: number[] = [];
    const hrvs: number[] = [];
    for (let d = day - 28; d < day; d++) {
      const detail = this.getNightDetail(this.model.toDate(d));
      if (!detail) continue;
      scores.push(detail.score);
      heartRates.push(detail.heartRateMean);
      hrvs.push(detail.hrvMean);
    }
    if (scores.length < 3) return null;
    const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
    return { score: mean(scores), heartRate: mean(heartRates), hrv: mean(hrvs) };
  }

  private getDayMinutes(day: number): DayMinutes {
    return this.minutes.get(day, () =>
      buildDayMinutes(
        this.model,
        day,
        this.listSessionsOfDay(day).map((session) => ({ session, calories: this.getHeartRateSummary(session).calories })),
        this.listNightsAround(day),
      ),
    );
  }

  private hasDailyData(day: number): boolean {
    return this.model.isHistoryDay(day) || this.liveActivityDays.has(day);
  }

  // ── cardio load ──

  private getDayLoad(day: number): number {
    const cached = this.dayLoads.get(day);
    if (cached !== undefined) return cached;
    const load = this.listSessionsOfDay(day).reduce((sum, session) => sum + this.getHeartRateSummary(session).cardioLoad, 0);
    this.dayLoads.set(day, load);
    return load;
  }

  private computeMeanLoad(day: number, window: number): number {
    const from = Math.max(this.model.historyStartDay, day - window + 1);
    let sum = 0;
    for (let d = from; d <= day; d++) sum += this.getDayLoad(d);
    return sum / Math.max(1, day - from + 1);
  }

  private computeRatio(day: number): number {
    const tolerance = this.computeMeanLoad(day, 28);
    return tolerance > 0 ? this.computeMeanLoad(day, 7) / tolerance : 0;
  }

  /** `cardio_load_level` thresholds: multiples of the athlete's 90-day average session load. */
  private getLevels(day: number): number[] {
    const cached = this.levelsCache.get(day);
    if (cached) return cached;
    let sum = 0;
    let count = 0;
    for (let d = Math.max(this.model.historyStartDay, day - 89); d <= day; d++) {
      for (const session of this.listSessionsOfDay(d)) {
        sum += this.getHeartRateSummary(session).cardioLoad;
        count++;
      }
    }
    const average = count > 0 ? sum / count : 60;
    const levels = [1, 2, 3, 4, 5].map((k) => roundToTenth(k * 0.4 * average));
    this.levelsCache.set(day, levels);
    return levels;
  }

  private classifyCardioStatus(day: number, ratio: number): string {
    if (ratio >= 1.5) return "OVERREACHING";
    const recentlyOverreached = [1, 2, 3, 4, 5, 6, 7].some(
      (back) => day - back >= this.model.historyStartDay + CARDIO_WARMUP_DAYS && this.computeRatio(day - back) >= 1.5,
    );
    if (recentlyOverreached) return ratio < 1 ? "RECOVERY_AFTER_OVERREACHING" : "PRODUCTIVE_DROPPED_FROM_OVERREACHING";
    if (ratio >= 1.3) return "PRODUCTIVE_ALMOST_OVERREACHING";
    if (ratio >= 1.0) return "PRODUCTIVE";
    if (ratio >= 0.8) return "MAINTAINING";
    return "DETRAINING";
  }

  // ── SimAthleteData ──

  uploadsBetween(fromMs: number, toMs: number): SimUpload[] {
    if (!(toMs > fromMs)) return [];
    const model = this.model;
    const first = Math.max(model.historyStartDay, Number.isFinite(fromMs) ? model.toDayOfUtc(fromMs) - 2 : model.historyStartDay);
    const last = Math.min(model.options.days - 1, Number.isFinite(toMs) ? model.toDayOfUtc(toMs) + 1 : model.options.days - 1);
    const out: SimUpload[] = [];
    for (let day = first; day <= last; day++) {
      for (const upload of model.getDayPlan(day).uploads) {
        if (upload.uploadedAt >= fromMs && upload.uploadedAt < toMs) out.push(upload);
      }
    }
    for (const upload of this.liveUploads) if (upload.uploadedAt >= fromMs && upload.uploadedAt < toMs) out.push(upload);
    return out.sort(compareUploads);
  }

  exercise(id: number, link: SimLinkContext): JsonObject | null {
    const session = this.findSession(id);
    return session ? renderTransactionalExercise(this.getContext(session), link) : null;
  }

  exerciseHeartRateZones(id: number): JsonObject | null {
    const session = this.findSession(id);
    return session ? renderTransactionalZones(this.getContext(session)) : null;
  }

  exerciseSampleList(id: number, link: SimLinkContext): JsonObject | null {
    const session = this.findSession(id);
    return session ? renderSampleList(this.getContext(session), link) : null;
  }

  exerciseSample(id: number, typeId: string): JsonObject | null {
    const session = this.findSession(id);
    return session ? renderSample(session, this.getSeries(session), typeId) : null;
  }

  exerciseFile(id: number, format: "fit" | "tcx" | "gpx"): SimFile | null {
    const session = this.findSession(id);
    return session ? this.renderFile(session, format) : null;
  }

  private renderFile(session: SessionPlan, format: "fit" | "tcx" | "gpx"): SimFile | null {
    const series = this.getSeries(session);
    const summary = this.getSummary(session);
    if (format === "fit") return renderFit(session, series, summary);
    if (format === "tcx") return renderTcx(session, series, summary);
    return renderGpx(session, series);
  }

  activitySummary(id: number, link: SimLinkContext): JsonObject | null {
    const found = this.findActivity(id);
    if (!found) return null;
    return renderActivitySummary(this.model, this.getDayMinutes(found.day), id, found.createdUtc, link.apiBaseUrl, link.transactionId);
  }

  activityStepSamples(id: number): JsonObject | null {
    const found = this.findActivity(id);
    return found ? renderStepSamples(this.getDayMinutes(found.day), found.createdUtc) : null;
  }

  activityZoneSamples(id: number): JsonObject | null {
    const found = this.findActivity(id);
    return found ? renderZoneSamples(this.getDayMinutes(found.day), found.createdUtc) : null;
  }

  private findActivity(id: number): { day: number; createdUtc: number } | null {
    const ref = parseActivityId(this.model.athleteIndex, id);
    if (!ref) return null;
    if (ref.kind === "live") return this.liveActivities.get(id) ?? null;
    if (!this.model.isHistoryDay(ref.day)) return null;
    const sync = this.model.getDayPlan(ref.day).activitySyncs.find((s) => s.id === id);
    if (!sync || sync.uploadedAt >= this.model.historyEndUtc) return null;
    return { day: ref.day, createdUtc: sync.uploadedAt };
  }

  physicalInfo(id: number, link: SimLinkContext): JsonObject | null {
    const index = parsePhysicalInfoId(this.model.athleteIndex, id);
    if (index === null) return null;
    const entry = this.model.listPhysicalInfoEntries()[index];
    if (!entry || entry.uploadedAt >= this.model.historyEndUtc) return null;
    const out: JsonObject = { id: entry.id };
    if (link.transactionId !== undefined) out["transaction-id"] = link.transactionId;
    out.created = formatUtcMillis(entry.uploadedAt);
    out["polar-user"] = `${link.apiBaseUrl}/v3/users/${this.model.spec.userId}`;
    out.weight = entry.weight;
    out.height = this.model.spec.height;
    out["maximum-heart-rate"] = entry.hrMax;
    out["resting-heart-rate"] = entry.hrRest;
    out["aerobic-threshold"] = computeAerobicThreshold(entry);
    out["anaerobic-threshold"] = computeAnaerobicThreshold(entry);
    out["vo2-max"] = entry.vo2Max;
    out["weight-source"] = entry.index === 0 ? "SOURCE_USER" : "SOURCE_MEASURED";
    return out;
  }

  exerciseByHash(hashedId: string, opts: { samples: boolean; zones: boolean; route: boolean }): JsonObject | null {
    const session = this.findSessionByHash(hashedId);
    if (!session) return null;
    const series = opts.samples || opts.route ? this.getSeries(session) : null;
    return renderHashedExercise(this.getContext(session), series, opts, this.links.apiBaseUrl);
  }

  exerciseFileByHash(hashedId: string, format: "fit" | "tcx" | "gpx"): SimFile | null {
    const session = this.findSessionByHash(hashedId);
    return session ? this.renderFile(session, format) : null;
  }

  dailyActivity(date: string, opts: { steps: boolean; activityZones: boolean; inactivityStamps: boolean; utcTimes?: boolean }): JsonObject | null {
    const day = this.model.toDay(date);
    if (day === null || !this.hasDailyData(day)) return null;
    return renderDailyActivity(this.model, this.getDayMinutes(day), opts);
  }

  dailyActivitySamples(date: string): JsonObject | null {
    const day = this.model.toDay(date);
    if (day === null || !this.hasDailyData(day)) return null;
    return renderActivitySamples(this.getDayMinutes(day), { steps: true, activityZones: true, inactivityStamps: true });
  }

  continuousHeartRate(date: string): JsonObject | null {
    const day = this.model.toDay(date);
    if (day === null || !this.model.isHistoryDay(day)) return null;
    return renderContinuousHeartRate(this.model, this.getDayMinutes(day), this.listSessionsOfDay(day), this.listNightsAround(day), this.links.apiBaseUrl);
  }

  cardioLoad(date: string, opts: { omitPlaceholderNumbers: boolean }): JsonObject {
    const day = this.model.toDay(date);
    const available = day !== null && this.model.isHistoryDay(day) && day - this.model.historyStartDay >= CARDIO_WARMUP_DAYS - 1;
    if (day === null || !available) {
      // Days Polar cannot compute: a placeholder whose zeros are not real zeros (§6.4, U14).
      const placeholder: JsonObject = { date, cardio_load_status: CARDIO_STATUS_PLACEHOLDER };
      if (opts.omitPlaceholderNumbers) return placeholder;
      return {
        ...placeholder,
        cardio_load: 0.0,
        strain: 0.0,
        tolerance: 0.0,
        cardio_load_ratio: 0.0,
        cardio_load_level: { very_low: 0.0, low: 0.0, medium: 0.0, high: 0.0, "very-high": 0.0 },
      };
    }
    const strain = this.computeMeanLoad(day, 7);
    const tolerance = this.computeMeanLoad(day, 28);
    const ratio = tolerance > 0 ? strain / tolerance : 0;
    const levels = this.getLevels(day);
    return {
      date,
      cardio_load_status: this.classifyCardioStatus(day, ratio),
      cardio_load: roundToTenth(this.getDayLoad(day)),
      strain: roundToTenth(strain),
      tolerance: roundToTenth(tolerance),
      cardio_load_ratio: roundToTenth(ratio),
      // Note the hyphen in `very-high` next to snake_case siblings (Polar's spelling).
      cardio_load_level: { very_low: levels[0], low: levels[1], medium: levels[2], high: levels[3], "very-high": levels[4] },
    };
  }

  sleep(date: string): JsonObject | null {
    const detail = this.getNightDetail(date);
    return detail ? renderSleep(this.model, detail, this.computeNightBaseline(detail.night.day), this.links.apiBaseUrl) : null;
  }

  sleepAvailable(date: string): JsonObject | null {
    const night = this.findRecordedNight(date);
    return night ? renderSleepAvailable(this.model, night) : null;
  }

  nightlyRecharge(date: string): JsonObject | null {
    const detail = this.getNightDetail(date);
    return detail ? renderNightlyRecharge(this.model, detail, this.computeNightBaseline(detail.night.day), this.links.apiBaseUrl) : null;
  }

  physicalInfoCurrent(atMs: number): JsonObject | null {
    const entries = this.model.listPhysicalInfoEntries().filter((entry) => entry.uploadedAt <= atMs);
    const first = entries[0];
    const latest = entries[entries.length - 1];
    if (!first || !latest) return null;
    const spec = this.model.spec;
    return {
      weight: latest.weight,
      height: spec.height,
      created: formatUtcSeconds(first.uploadedAt),
      modified: formatUtcSeconds(latest.uploadedAt),
      birthday: spec.birthdate,
      gender: spec.gender,
      maximum_heart_rate: latest.hrMax,
      resting_heart_rate: latest.hrRest,
      aerobic_threshold: computeAerobicThreshold(latest),
      anaerobic_threshold: computeAnaerobicThreshold(latest),
      vo2_max: latest.vo2Max,
      weight_source: latest.index === 0 ? "SOURCE_USER" : "SOURCE_MEASURED",
      training_background: spec.trainingBackground,
      typical_day: spec.typicalDay,
      // An ISO duration here, seconds in the sleep object (§6.9).
      sleep_goal: formatIsoDuration(spec.sleepGoal),
    };
  }

  // ── live uploads ──

  /** Records of a watch sync at `atMs`; deterministic by the athlete's call order. */
  uploadNow(atMs: number, what: SimUploadRequest): SimUpload[] {
    const model = this.model;
    const userId = model.spec.userId;
    const created: SimUpload[] = [];
    const at = Math.floor(atMs / 1000) * 1000;
    let endCursor = at - 4 * MINUTE_MS - (what.exerciseAgeDays ?? 0) * 1440 * MINUTE_MS;
    for (let i = 0; i < (what.exercises ?? 0); i++) {
      const serial = this.liveSerial++;
      const rng = createRng(model.seed, model.athleteIndex, "live", serial);
      const templates = model.spec.week.flat();
      const template = rng.pick(templates);
      const durationSec = Math.round(rng.range(template.minutes[0], template.minutes[1]) * 60);
      const startUtc = endCursor - durationSec * 1000;
      const day = model.toDayOfUtc(startUtc);
      const session = model.makeSession({
        id: makeLiveExerciseId(model.athleteIndex, serial),
        day,
        date: model.toDate(day),
        kind: template.kind,
        startUtc,
        durationSec,
        intensity: rng.range(template.intensity[0], template.intensity[1]),
        intervals: template.intervals === true,
        seed: model.deriveSeed("live-session", serial),
        uploadedAt: at,
      });
      this.liveSessions.set(session.id, session);
      this.dayLoads.clear();
      this.levelsCache.clear();
      created.push({ kind: "exercise", userId, id: session.id, hashedId: session.hashedId, uploadedAt: at, date: session.date });
      endCursor = startUtc - 30 * MINUTE_MS;
    }
    const today = model.toDayOfUtc(at);
    if (what.sleep) {
      const serial = this.liveSerial++;
      // The night ended before this sync and before the sessions uploaded with it.
      const night = model.planNight(today, model.deriveSeed("live-night", serial), Math.min(at - 10 * MINUTE_MS, endCursor + 10 * MINUTE_MS));
      night.recorded = true;
      night.uploadedAt = at;
      this.liveNights.set(today, night);
      this.nightDetails.clear();
      created.push({ kind: "sleep", userId, uploadedAt: at, date: night.date });
      created.push({ kind: "nightly-recharge", userId, uploadedAt: at, date: night.date });
    }
    if (what.activity) {
      const serial = this.liveSerial++;
      const id = makeLiveActivityId(model.athleteIndex, serial);
      this.liveActivities.set(id, { day: today, createdUtc: at });
      this.liveActivityDays.add(today);
      const date = model.toDate(today);
      created.push({ kind: "activity-summary", userId, id, uploadedAt: at, date });
      created.push({ kind: "daily-activity", userId, uploadedAt: at, date });
    }
    // New sessions and nights change the minute-by-minute picture of their days.
    if (created.length > 0) this.minutes.clear();
    this.liveUploads.push(...created);
    return created.sort(compareUploads);
  }
}

/** Aerobic / anaerobic thresholds at 70 % / 88 % of heart-rate reserve above rest (Karvonen). */
function computeAerobicThreshold(entry: PhysicalEntry): number {
  return Math.round(entry.hrRest + 0.7 * (entry.hrMax - entry.hrRest));
}

function computeAnaerobicThreshold(entry: PhysicalEntry): number {
  return Math.round(entry.hrRest + 0.88 * (entry.hrMax - entry.hrRest));
}
