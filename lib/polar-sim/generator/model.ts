/**
 * What one athlete did on one day, without any samples: sessions (times, sport, intensity), the night that
 * ended that morning, and when the watch synced. Plans are cheap, generated lazily per day and cached;
 * samples are rendered from each plan's own seed only when asked for.
 */
import type { SimDatasetOptions, SimUpload } from "@/lib/polar-sim/contract";
import { MAX_SESSIONS_PER_DAY, makeActivityId, makeExerciseId, hashExerciseId, makePhysicalInfoId } from "@/lib/polar-sim/generator/ids";
import { createRng, hashSeed } from "@/lib/polar-sim/generator/prng";
import type { AthleteSpec, SessionTemplate, SportKind } from "@/lib/polar-sim/generator/roster";
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  clamp,
  toEpochDay,
  formatEpochDay,
  toUtc,
  toLocalMs,
  getWeekday,
} from "@/lib/polar-sim/generator/time";

export type SessionPlan = {
  id: number;
  hashedId: string;
  /** Local day of the start. */
  day: number;
  date: string;
  kind: SportKind;
  startUtc: number;
  /** UTC offset at the start (minutes). */
  offsetMinutes: number;
  durationSec: number;
  endUtc: number;
  uploadedAt: number;
  /** Work-phase fraction of heart-rate reserve. */
  intensity: number;
  intervals: boolean;
  hasRr: boolean;
  /** A chest-strap / optical dropout: HR values missing for `lengthSec` from `atSec`. */
  dropout: { atSec: number; lengthSec: number } | null;
  /** Polar's HR series sometimes start with a `0` (§5.2). */
  leadingZero: boolean;
  /** 0 = no rating given. */
  rpe: number;
  seed: number;
};

export type NightPlan = {
  /** Local day of waking up = Polar's `date`. */
  day: number;
  date: string;
  startUtc: number;
  endUtc: number;
  /** Whether the watch recorded (and uploaded) this night. */
  recorded: boolean;
  /** Target nightly HR (bpm) and rMSSD (ms), breathing (1/min) of this night, physiology included. */
  heartRate: number;
  rmssd: number;
  breathing: number;
  uploadedAt: number;
  seed: number;
};

export type DayPlan = {
  day: number;
  date: string;
  inHistory: boolean;
  startUtc: number;
  endUtc: number;
  sessions: SessionPlan[];
  /** The night that ended this morning (exists even when not recorded: the athlete still slept). */
  night: NightPlan;
  morningSyncUtc: number;
  /** Syncs that produced a transactional activity summary: one in the evening, sometimes one at midday too. */
  activitySyncs: { id: number; uploadedAt: number }[];
  uploads: SimUpload[];
};

export type PhysicalEntry = {
  index: number;
  id: number;
  day: number;
  uploadedAt: number;
  weight: number;
  vo2Max: number;
  hrRest: number;
  hrMax: number;
};

const SESSION_END_LIMIT_HOUR = 23;

function toWholeSecond(utcMs: number): number {
  return Math.floor(utcMs / 1000) * 1000;
}

export class AthleteModel {
  readonly startEpochDay: number;
  readonly historyStartDay: number;
  private readonly plans = new Map<number, DayPlan>();
  private physicalEntries: PhysicalEntry[] | null = null;

  constructor(
    readonly spec: AthleteSpec,
    readonly athleteIndex: number,
    readonly options: SimDatasetOptions,
  ) {
    this.startEpochDay = toEpochDay(options.startDate);
    this.historyStartDay = Math.min(options.days, spec.historyStartDay(options.days));
  }

  get seed(): number {
    return this.options.seed;
  }

  createDayRng(...parts: (number | string)[]) {
    return createRng(this.options.seed, this.athleteIndex, ...parts);
  }

  deriveSeed(...parts: (number | string)[]): number {
    return hashSeed(this.options.seed, this.athleteIndex, ...parts);
  }

  toDate(day: number): string {
    return formatEpochDay(this.startEpochDay + day);
  }

  toDay(date: string): number | null {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const epochDay = toEpochDay(date);
    return Number.isFinite(epochDay) ? epochDay - this.startEpochDay : null;
  }

  /** UTC instant of local time `hour` (may exceed 24) on local day `day`. */
  toUtcAt(day: number, hour: number): number {
    return toUtc(this.spec.zone, (this.startEpochDay + day) * DAY_MS + Math.round(hour * HOUR_MS));
  }

  toDayOfUtc(utcMs: number): number {
    return Math.floor(toLocalMs(this.spec.zone, utcMs) / DAY_MS) - this.startEpochDay;
  }

  getOffsetAt(utcMs: number): number {
    return this.spec.zone.getOffsetAt(utcMs);
  }

  isHistoryDay(day: number): boolean {
    return day >= this.historyStartDay && day < this.options.days;
  }

  get historyEndUtc(): number {
    return this.toUtcAt(this.options.days, 0);
  }

  getDayPlan(day: number): DayPlan {
    const cached = this.plans.get(day);
    if (cached) return cached;
    const plan = this.buildDayPlan(day);
    this.plans.set(day, plan);
    return plan;
  }

  /** Night ending on `day`, planned from its own seed. */
  planNight(day: number, seed: number, endCapUtc: number | null): NightPlan {
    const rng = createRng(seed, "night");
    const bedtime = clamp(this.spec.bedtimeHour + rng.normal() * 0.35, 21, 25.5);
    const spanHours = clamp(this.spec.sleepHours + 0.6 + rng.normal() * 0.45, 5, 10.5);
    let startUtc = this.toUtcAt(day - 1, bedtime) + rng.int(0, 59) * 1000;
    let endUtc = startUtc + Math.round(spanHours * 3600) * 1000;
    if (endCapUtc !== null && endUtc > endCapUtc) {
      const shift = endUtc - endCapUtc;
      endUtc -= shift;
      startUtc -= shift;
    }
    const physiology = this.spec.physiology(day);
    const heartRate =
      this.spec.hrRest + this.spec.nightHeartRateAboveRest + physiology.heartRateDelta + rng.normal() * 1.0;
    const rmssd = this.spec.rmssd * physiology.hrvFactor * Math.exp(rng.normal() * 0.07);
    const breathing = this.spec.breathingRate + physiology.breathingDelta + rng.normal() * 0.25;
    const recorded = !rng.chance(this.spec.nightMissingProbability);
    return {
      day,
      date: this.toDate(day),
      startUtc,
      endUtc,
      recorded,
      heartRate,
      rmssd,
      breathing,
      uploadedAt: endUtc,
      seed,
    };
  }

  private buildDayPlan(day: number): DayPlan {
    const rng = this.createDayRng("day", day);
    const date = this.toDate(day);
    const inHistory = this.isHistoryDay(day);
    const night = this.planNight(day, this.deriveSeed("night", day), null);
    const wakeHour = (toLocalMs(this.spec.zone, night.endUtc) - (this.startEpochDay + day) * DAY_MS) / HOUR_MS;

    const morningTarget = toWholeSecond(this.toUtcAt(day, 6.5 + rng.range(0, 1.5)));
    const morningSyncUtc = Math.max(morningTarget, night.endUtc + rng.int(5, 25) * MINUTE_MS);
    night.uploadedAt = morningSyncUtc;

    const sessions = this.planSessions(day, date, wakeHour);

    const activitySyncs: { id: number; uploadedAt: number }[] = [];
    if (rng.chance(0.12)) {
      activitySyncs.push({ id: makeActivityId(this.athleteIndex, day, 0), uploadedAt: toWholeSecond(this.toUtcAt(day, rng.range(12, 15))) });
    }
    const lastSessionEnd = sessions.reduce((latest, s) => Math.max(latest, s.uploadedAt), 0);
    const evening = toWholeSecond(Math.max(this.toUtcAt(day, rng.range(20, 22.75)), lastSessionEnd + 5 * MINUTE_MS));
    activitySyncs.push({ id: makeActivityId(this.athleteIndex, day, activitySyncs.length), uploadedAt: evening });

    const plan: DayPlan = {
      day,
      date,
      inHistory,
      startUtc: this.toUtcAt(day, 0),
      endUtc: this.toUtcAt(day + 1, 0),
      sessions,
      night,
      morningSyncUtc,
      activitySyncs,
      uploads: [],
    };
    plan.uploads = this.collectUploads(plan);
    return plan;
  }

  private planSessions(day: number, date: string, wakeHour: number): SessionPlan[] {
    const rng = this.createDayRng("sessions", day);
    const templates = this.spec.week[getWeekday(this.startEpochDay + day)];
    const load = this.spec.load(day);
    const chosen: SessionTemplate[] = templates.filter((template) => rng.chance(template.probability));
    if (load.extraSessionProbability > 0 && rng.chance(load.extraSessionProbability)) {
      const primary = this.spec.week.flat().find((template) => template.kind !== "walk" && template.kind !== "strength");
      if (primary) {
        chosen.push({ ...primary, minutes: [40, 60], intensity: [0.5, 0.58], startHour: [12, 13], intervals: false });
      }
    }
    const sessions: SessionPlan[] = [];
    let earliestStartHour = wakeHour + 0.3;
    // Sessions end before 23:00 and at least half an hour before the next night starts.
    const nextNight = this.planNight(day + 1, this.deriveSeed("night", day + 1), null);
    const latestEndUtc = Math.min(this.toUtcAt(day, SESSION_END_LIMIT_HOUR), nextNight.startUtc - 30 * MINUTE_MS);
    const ordered = chosen
      .map((template) => ({ template, hour: rng.range(template.startHour[0], template.startHour[1]) }))
      .sort((a, b) => a.hour - b.hour)
      .slice(0, 2);
    for (const { template, hour } of ordered) {
      const minutes = rng.range(template.minutes[0], template.minutes[1]) * load.durationFactor;
      const durationSec = Math.round(minutes * 60);
      const startHour = Math.max(hour, earliestStartHour);
      if (this.toUtcAt(day, startHour) + durationSec * 1000 > latestEndUtc) continue;
      const index = sessions.length;
      if (index >= MAX_SESSIONS_PER_DAY) break;
      const startUtc = toWholeSecond(this.toUtcAt(day, startHour));
      const id = makeExerciseId(this.athleteIndex, day, index);
      sessions.push(
        this.makeSession({
          id,
          day,
          date,
          kind: template.kind,
          startUtc,
          durationSec,
          intensity: clamp(rng.range(template.intensity[0], template.intensity[1]) + load.intensityDelta, 0.2, 0.92),
          intervals: template.intervals === true,
          seed: this.deriveSeed("session", day, index),
        }),
      );
      earliestStartHour = startHour + durationSec / 3600 + 0.75;
    }
    return sessions;
  }

  makeSession(input: {
    id: number;
    day: number;
    date: string;
    kind: SportKind;
    startUtc: number;
    durationSec: number;
    intensity: number;
    intervals: boolean;
    seed: number;
    uploadedAt?: number;
  }): SessionPlan {
    const rng = createRng(input.seed, "plan");
    const endUtc = input.startUtc + input.durationSec * 1000;
    const hasRr = input.kind !== "swim" && rng.chance(this.spec.chestStrapProbability);
    const dropout =
      input.durationSec > 900 && rng.chance(0.12)
        ? { atSec: rng.int(300, input.durationSec - 400), lengthSec: rng.int(15, 150) }
        : null;
    return {
      id: input.id,
      hashedId: hashExerciseId(input.id, this.options.seed),
      day: input.day,
      date: input.date,
      kind: input.kind,
      startUtc: input.startUtc,
      offsetMinutes: this.getOffsetAt(input.startUtc),
      durationSec: input.durationSec,
      endUtc,
      uploadedAt: input.uploadedAt ?? endUtc + rng.int(3, 45) * MINUTE_MS + rng.int(0, 59) * 1000,
      intensity: input.intensity,
      intervals: input.intervals,
      hasRr,
      dropout,
      leadingZero: rng.chance(0.15),
      rpe: rng.chance(0.3) ? rng.int(2, 9) : 0,
      seed: input.seed,
    };
  }

  private collectUploads(plan: DayPlan): SimUpload[] {
    if (!plan.inHistory) return [];
    const userId = this.spec.userId;
    const uploads: SimUpload[] = [];
    for (const session of plan.sessions) {
      uploads.push({
        kind: "exercise",
        userId,
        id: session.id,
        hashedId: session.hashedId,
        uploadedAt: session.uploadedAt,
        date: session.date,
      });
    }
    // The morning sync brings the night that just ended and the previous day's 24/7 HR and cardio load.
    const morning = plan.morningSyncUtc;
    if (plan.night.recorded && plan.day > this.historyStartDay) {
      uploads.push({ kind: "sleep", userId, uploadedAt: morning, date: plan.date });
      uploads.push({ kind: "nightly-recharge", userId, uploadedAt: morning, date: plan.date });
    }
    if (plan.day - 1 >= this.historyStartDay) {
      const previous = this.toDate(plan.day - 1);
      uploads.push({ kind: "continuous-heart-rate", userId, uploadedAt: morning, date: previous });
      uploads.push({ kind: "cardio-load", userId, uploadedAt: morning, date: previous });
    }
    for (const sync of plan.activitySyncs) {
      uploads.push({ kind: "activity-summary", userId, id: sync.id, uploadedAt: sync.uploadedAt, date: plan.date });
      uploads.push({ kind: "daily-activity", userId, uploadedAt: sync.uploadedAt, date: plan.date });
    }
    for (const entry of this.listPhysicalInfoEntries()) {
      if (entry.day === plan.day) {
        uploads.push({ kind: "physical-info", userId, id: entry.id, uploadedAt: entry.uploadedAt, date: plan.date });
      }
    }
    const end = this.historyEndUtc;
    return uploads.filter((upload) => upload.uploadedAt < end);
  }

  /** Every physical-information change of the history: the first day, then every three to six weeks. */
  listPhysicalInfoEntries(): PhysicalEntry[] {
    if (this.physicalEntries) return this.physicalEntries;
    const rng = this.createDayRng("physical-info");
    const entries: PhysicalEntry[] = [];
    let weight = this.spec.weight;
    let vo2Max = this.spec.vo2Max;
    let hrRest = this.spec.hrRest;
    for (let day = this.historyStartDay; day < this.options.days; day += rng.int(21, 42)) {
      if (entries.length > 0) {
        weight = Math.round((weight + rng.range(-0.8, 0.8)) * 10) / 10;
        vo2Max = clamp(vo2Max + rng.int(-1, 1), this.spec.vo2Max - 3, this.spec.vo2Max + 3);
        hrRest = clamp(hrRest + rng.int(-1, 1), this.spec.hrRest - 2, this.spec.hrRest + 2);
      }
      const index = entries.length;
      const uploadedAt = toWholeSecond(this.toUtcAt(day, rng.range(19, 19.9)));
      entries.push({ index, id: makePhysicalInfoId(this.athleteIndex, index), day, uploadedAt, weight, vo2Max, hrRest, hrMax: this.spec.hrMax });
    }
    this.physicalEntries = entries;
    return entries;
  }
}
