/**
 * `computeDailySeries`: every per-day number the daily API needs, computed over the athlete's full history
 * (so every window is right) and returned for the requested range. O(days): windows are bounded slices.
 */
import type { AcwrBand, AcwrPoint } from "./acwr";
import type { CardioLoadStatusResult } from "./cardio-load";
import type { LocalDate } from "./dates";
import type { HrvDay } from "./hrv";
import type { LoadSource, PolarCardioLoadDay, SessionLoadInput } from "./load-series";
import type { MonotonyResult } from "./monotony";
import type { PmcPoint, PmcSeed } from "./pmc";
import type { RhrDay, RhrSource } from "./resting-hr";
import type { LoadLevel, RiskAssessment } from "./risk";
import type { AnalyticsSettings, AnalyticsSettingsInput } from "./settings";
import type { SleepDebt, SleepNightInput, SleepNightMetrics } from "./sleep";
import { classifyAcwrBand, computeAcwr } from "./acwr";
import { computeCardioLoadStatus, normalizePolarCardioLoadDay } from "./cardio-load";
import { fromDayNumber, toDayNumber } from "./dates";
import { computeHrvSeries, computeLnRmssd } from "./hrv";
import { selectDailyLoad } from "./load-series";
import { computeMonotony } from "./monotony";
import { computePmc } from "./pmc";
import { computeRhrSeries, selectNightlyRhr } from "./resting-hr";
import { MONOTONY_DAYS, SLEEP_DEBT_NIGHTS, computeLoadLevel, evaluateRisk } from "./risk";
import { resolveAnalyticsSettings } from "./settings";
import { computeSleepDebt, computeSleepMetrics } from "./sleep";

/** One night, keyed by Polar's `date` for it (the wake-up day). Every field may be absent. */
export type NightInput = {
  date: LocalDate;
  /** Nightly Recharge `heart_rate_avg`, bpm — the primary RHR. */
  nightlyRechargeHeartRateAvg?: number | null;
  /** Mean of the sleep's HR samples in [onset + 30 min, onset + 270 min), bpm — RHR fallback (`summarizeSleepHeartRate`). */
  sleepWindowHeartRateMean?: number | null;
  /** Nightly Recharge `heart_rate_variability_avg`, RMSSD in ms (the series works on its ln). */
  rmssdMs?: number | null;
  /** The night's sleep durations (seconds), for sleep metrics and debt. */
  sleep?: SleepNightInput | null;
};

/** An athlete's per-day inputs. All dates are the athlete's local `YYYY-MM-DD`. */
export type DailySeriesInput = {
  /**
   * Day 1 of the series (the athlete's earliest synced day). Default: the earliest date in any input.
   * Inputs dated earlier move day 1 back to them.
   */
  historyStart?: LocalDate;
  /**
   * Days to return, inclusive. The series is always computed from day 1 up to `range.to` (default: the
   * latest input date); days of the range before day 1 are not returned.
   */
  range?: { from: LocalDate; to: LocalDate };
  /** Every session with its loads, dated by its local start day. */
  sessions: readonly SessionLoadInput[];
  /** Polar's cardio-load resource, one entry per day (zeros on not-available days are treated as null). */
  polarCardioLoad?: readonly PolarCardioLoadDay[];
  /** Nightly RHR, HRV and sleep. */
  nights?: readonly NightInput[];
  /** Threshold and window overrides (defaults from metrics.md). */
  settings?: AnalyticsSettingsInput;
  /** PMC CTL_0/ATL_0; default the mean load of the first 7 days. */
  pmcSeed?: number | PmcSeed;
  /**
   * Resume instead of starting at day 1 (lib/dal/series: the state is persisted per day). Days from
   * `computeFrom` on are computed; inputs dated earlier are ignored. The recursive values (PMC, EWMA, streaks)
   * come from `seed` (the day before `computeFrom`) and `known` (consecutive days from `computeFrom`); the
   * recursion continues after the last known day; windows are recomputed from the inputs. Returned days are
   * exact when they lie at least `computeWarmUpDays(settings)` days after `computeFrom`, and every day after
   * the known ones is exact when the known ones span that warm-up.
   */
  resume?: {
    computeFrom: LocalDate;
    seed: DailyState;
    known: readonly DailyState[];
    /**
     * First day whose inputs are given (default `computeFrom`): the windows read the earlier days' inputs from
     * their known states (`load`, `rhr`, `lnRmssd`, `sleepMinutes`), so only the shown days need raw rows.
     * The known states must reach the day before it.
     */
    inputsFrom?: LocalDate;
  };
};

/**
 * What a later computation needs of one day to resume after it (persisted per day): the recursive values, and
 * the day's inputs to the windows, so the days before a shown range need no raw rows.
 */
export type DailyState = {
  date: LocalDate;
  ctl: number;
  atl: number;
  ewmaAcute: number;
  ewmaChronic: number;
  rhrStreak: number;
  hrvStreak: number;
  /** The day's load (AU). */
  load: number;
  /** The night's RHR (bpm), null when not measured. */
  rhr: number | null;
  /** The night's ln rMSSD, null when not measured. */
  lnRmssd: number | null;
  /** The night's actual sleep (minutes), null without sleep data. */
  sleepMinutes: number | null;
};

/**
 * Days of inputs a resumed computation reads before the first day it must get exactly right: the longest
 * window any per-day number looks back over (HRV baseline 60 nights, RHR baseline, ACWR chronic window, the
 * risk context's load levels with their monotony week, sleep debt, the PMC ramp's week).
 */
export function computeWarmUpDays(input: AnalyticsSettingsInput = {}): number {
  const settings = resolveAnalyticsSettings(input);
  return Math.max(
    settings.hrv.baselineNights,
    settings.hrv.rollingNights,
    settings.rhr.windowNights,
    settings.acwr.chronicDays,
    settings.risk.contextLookbackDays + MONOTONY_DAYS,
    SLEEP_DEBT_NIGHTS,
    7,
  );
}

/** Everything the daily API shows for one local day. */
export type DailyPoint = {
  date: LocalDate;
  /** 1 on the first day of the series; = days of history. */
  dayIndex: number;
  load: {
    /** The day's load (Polar cardio load or Banister TRIMP, see `source`); 0 without sessions. */
    value: number;
    source: LoadSource;
    sessionCount: number;
    sessionsWithoutLoad: number;
  };
  /** CTL/ATL/TSB/ramp in load units per day. */
  pmc: PmcPoint;
  /** ACWR in every form; `band` is the display band of the EWMA ratio. */
  acwr: AcwrPoint & { band: AcwrBand | null };
  /** Monotony and strain of the 7 days ending today; null before day 7. */
  monotony: MonotonyResult | null;
  /** Polar's cardio-load status, or the labelled estimate. */
  cardioLoad: CardioLoadStatusResult;
  /** Tonight's RHR (bpm), its source, baseline and flags. */
  restingHr: RhrDay & { source: RhrSource | null };
  /** ln rMSSD (ln ms), 7-night mean, CV and the normal range. */
  hrv: HrvDay;
  sleep: {
    /** The night's metrics (minutes, %), null without sleep data. */
    night: SleepNightMetrics | null;
    /** Debt over the 7 nights ending today (minutes); null before day 7. */
    debt: SleepDebt | null;
  };
  risk: RiskAssessment;
};

function mergeNight(into: NightInput | undefined, night: NightInput): NightInput {
  if (!into) return night;
  return {
    date: night.date,
    nightlyRechargeHeartRateAvg: night.nightlyRechargeHeartRateAvg ?? into.nightlyRechargeHeartRateAvg,
    sleepWindowHeartRateMean: night.sleepWindowHeartRateMean ?? into.sleepWindowHeartRateMean,
    rmssdMs: night.rmssdMs ?? into.rmssdMs,
    sleep: night.sleep ?? into.sleep,
  };
}

/**
 * Per-day analytics for an athlete. Pure and deterministic; runs in O(days × longest window).
 * @returns one point per local day of the range from day 1 on; [] when there is no data and no `historyStart`.
 * @throws RangeError for a date that is not `YYYY-MM-DD` or inconsistent settings.
 */
export function computeDailySeries(input: DailySeriesInput): DailyPoint[] {
  return computeDailySeriesWithState(input).points;
}

/**
 * `computeDailySeries` with the recursive state of every computed day (from `resume.computeFrom`, or day 1),
 * for persisting.
 */
export function computeDailySeriesWithState(input: DailySeriesInput): { points: DailyPoint[]; states: DailyState[] } {
  const settings: AnalyticsSettings = resolveAnalyticsSettings(input.settings);
  const nightsInput = input.nights ?? [];
  const polarInput = input.polarCardioLoad ?? [];
  const dataDays = [
    ...input.sessions.map((s) => toDayNumber(s.date)),
    // Polar pads its cardio-load window with NOT_AVAILABLE placeholder days from before the athlete had any
    // data; they are not history (a newcomer would otherwise pass the 28-day gate on day one).
    ...polarInput.filter((p) => p.status !== "LOAD_STATUS_NOT_AVAILABLE").map((p) => toDayNumber(p.date)),
    ...nightsInput.map((n) => toDayNumber(n.date)),
  ];
  let start = input.historyStart !== undefined ? toDayNumber(input.historyStart) : Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const n of dataDays) {
    if (n < start) start = n;
    if (n > latest) latest = n;
  }
  if (!Number.isFinite(start)) return { points: [], states: [] };
  const end = input.range ? toDayNumber(input.range.to) : Math.max(latest, start);
  if (end < start) return { points: [], states: [] };
  const resume = input.resume;
  // Day 1 of the series stays `start` (day indexes, gates); the arrays begin at `first`.
  const first = resume ? Math.max(start, toDayNumber(resume.computeFrom)) : start;
  const known = resume && first > start ? resume.known : [];
  const seed = resume && first > start ? resume.seed : null;
  if (end < first) return { points: [], states: [] };
  const length = end - first + 1;
  if (known.length > length) throw new RangeError("more known days than computed days");
  const dayOffset = first - start;
  // Days before `given` take their window inputs from the known states.
  const given = resume && first > start && resume.inputsFrom ? Math.min(toDayNumber(resume.inputsFrom) - first, known.length) : 0;

  const sessionsByDay: SessionLoadInput[][] = Array.from({ length }, () => []);
  for (const session of input.sessions) {
    const i = toDayNumber(session.date) - first;
    if (i >= 0 && i < length) sessionsByDay[i].push(session);
  }
  const polarByDay: (PolarCardioLoadDay | null)[] = new Array<PolarCardioLoadDay | null>(length).fill(null);
  for (const day of polarInput) {
    const i = toDayNumber(day.date) - first;
    if (i >= 0 && i < length) polarByDay[i] = normalizePolarCardioLoadDay(day);
  }
  const nightByDay: (NightInput | undefined)[] = new Array<NightInput | undefined>(length).fill(undefined);
  for (const night of nightsInput) {
    const i = toDayNumber(night.date) - first;
    if (i >= 0 && i < length) nightByDay[i] = mergeNight(nightByDay[i], night);
  }

  const outFrom = input.range ? Math.max(toDayNumber(input.range.from), first) : first;
  const lookback = settings.risk.contextLookbackDays;
  // Days before `skip` are known and not shown: their windows are not computed (only the recursion's values
  // and, from `lookback` days before the first shown day, the load levels the risk context reads).
  const skip = Math.min(known.length, Math.max(0, outFrom - first));

  const dailyLoads = sessionsByDay.map((sessions, i) => selectDailyLoad(fromDayNumber(first + i), sessions, polarByDay[i]));
  const loads = dailyLoads.map((d, i) => (i < given ? known[i].load : d.load));
  const pmc = computePmc(loads, { ...settings.pmc, seed: seed ? { ctl: seed.ctl, atl: seed.atl } : input.pmcSeed, known });
  const acwr = computeAcwr(loads, { ...settings.acwr, firstDay: dayOffset + 1, seed: seed ?? undefined, known, skipBefore: skip });

  const rhrSelected = nightByDay.map((n) => selectNightlyRhr(n?.nightlyRechargeHeartRateAvg, n?.sleepWindowHeartRateMean));
  const rhrValues = rhrSelected.map((r, i) => (i < given ? known[i].rhr : r ? r.value : null));
  const lnValues = nightByDay.map((n, i) => (i < given ? known[i].lnRmssd : computeLnRmssd(n?.rmssdMs)));
  const rhr = computeRhrSeries(
    rhrValues,
    settings.rhr,
    known.map((state) => state.rhrStreak),
    seed?.rhrStreak,
    skip,
  );
  const hrv = computeHrvSeries(
    lnValues,
    settings.hrv,
    known.map((state) => state.hrvStreak),
    seed?.hrvStreak,
    skip,
  );
  const sleepNights = nightByDay.map((n) => (n?.sleep ? computeSleepMetrics(n.sleep) : null));
  const actualSleep = sleepNights.map((s, i) => (i < given ? known[i].sleepMinutes : s ? s.actualSleepMinutes : null));

  const loadLevels: LoadLevel[] = [];
  const points: DailyPoint[] = [];
  const states: DailyState[] = [];
  const levelsFrom = outFrom - first - lookback;
  for (let i = 0; i < length; i += 1) {
    const dayIndex = dayOffset + i + 1;
    states.push({
      date: dailyLoads[i].date,
      ctl: pmc[i].ctl,
      atl: pmc[i].atl,
      ewmaAcute: acwr[i].ewmaAcute,
      ewmaChronic: acwr[i].ewmaChronic,
      rhrStreak: rhr[i].streak,
      hrvStreak: hrv[i].acuteStreak,
      load: loads[i],
      rhr: rhrValues[i],
      lnRmssd: lnValues[i],
      sleepMinutes: actualSleep[i],
    });
    const isOutput = first + i >= outFrom;
    if (!isOutput && i < levelsFrom) continue;
    // Windows clamp at `first`: short only on a resumed computation's warm-up days, which are not shown.
    const monotony = dayIndex >= MONOTONY_DAYS ? computeMonotony(loads.slice(Math.max(0, i - MONOTONY_DAYS + 1), i + 1)) : null;
    const loadInput = {
      dayIndex,
      acwrEwma: acwr[i].ewma,
      tsb: pmc[i].tsb,
      monotony: monotony ? monotony.monotony : null,
    };
    if (isOutput) {
      const debt =
        dayIndex >= SLEEP_DEBT_NIGHTS
          ? computeSleepDebt(actualSleep.slice(Math.max(0, i - SLEEP_DEBT_NIGHTS + 1), i + 1), settings.sleepNeedMinutes)
          : null;
      const risk = evaluateRisk(
        { ...loadInput, rhr: rhr[i], hrv: hrv[i], sleepDebt: debt, previousLoadLevels: loadLevels.slice(-lookback) },
        settings,
      );
      points.push({
        date: dailyLoads[i].date,
        dayIndex,
        load: {
          value: dailyLoads[i].load,
          source: dailyLoads[i].source,
          sessionCount: dailyLoads[i].sessionCount,
          sessionsWithoutLoad: dailyLoads[i].sessionsWithoutLoad,
        },
        pmc: pmc[i],
        acwr: { ...acwr[i], band: classifyAcwrBand(acwr[i].ewma, { low: 0.8, amber: settings.risk.acwrAmber, red: settings.risk.acwrRed }) },
        monotony,
        cardioLoad: computeCardioLoadStatus(
          polarByDay[i],
          { strain: acwr[i].acute7, tolerance: acwr[i].chronic28 },
          settings.cardioStatus,
        ),
        restingHr: { ...rhr[i], source: rhrSelected[i]?.source ?? null },
        hrv: hrv[i],
        sleep: { night: sleepNights[i], debt },
        risk,
      });
    }
    loadLevels.push(computeLoadLevel(loadInput, settings));
    // Keep only what the context look-back can read, so memory and slicing stay bounded.
    if (loadLevels.length > lookback) loadLevels.shift();
  }
  return { points, states };
}
