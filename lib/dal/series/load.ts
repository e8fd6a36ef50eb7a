import "server-only";
import { LRUCache } from "lru-cache";
import type { Db } from "@/db/client";
import { getAthleteDataVersions, getConnectionId } from "@/db/queries/data-version";
import { addDays, computeDailySeriesWithState, computeWarmUpDays, DEFAULT_SLEEP_NEED_MINUTES, diffDays, toLocalDateAt, type DailyState, type LocalDate } from "@/lib/analytics";
import type { ScopeSet } from "../access";
import type { DailyPointDTO } from "../dto";
import { loadAthleteTodays } from "./clock";
import { loadSeriesBounds, loadSeriesInputs, type SeriesBounds } from "./inputs";
import { attachAdvice } from "./advice";
import { slicePoints } from "./slice";
import { getSeriesHead, loadChangedSince, loadSeriesHeads, loadSeriesStates, saveSeriesStates, STATE_SETTINGS_KEY, type SeriesHead, type StateWrite } from "./state";

/**
 * The one daily-series loader: a batch of athletes (one for the athlete's own pages, a roster's hundreds for
 * a coach), each with the scopes the viewer may see, in a fixed number of statements whatever the batch size.
 *
 * Incremental: every day's state (PMC, EWMA, the RHR/HRV streaks, and the day's inputs to the windows) is
 * persisted (lib/dal/series/state.ts). A view reads the stored state of the `computeWarmUpDays` days before
 * what it must show or recompute (the windows: HRV baseline, ACWR, …) and raw rows only from there on. After
 * a sync that touched the last few days, the first view recomputes those days, not the whole history. Computed series
 * are also kept in memory (one LRU over every viewer and athlete), keyed by the athlete's data version. A series in
 * memory from an older version keeps its points before the earliest day changed since (athlete_data_change), so
 * the first view after a sync computes only the changed days, whatever the range the page shows.
 */

/** `checkInNotes`: the viewer may read the athlete's check-in notes (the athlete, or a coach they share notes with). */
export type SeriesAthlete = { athleteId: string; scopes: ScopeSet; checkInNotes?: boolean };

export type LoadedSeries = {
  today: LocalDate;
  historyStart: LocalDate | null;
  /** The newest local day with visible data on or before today. */
  dataThrough: LocalDate | null;
  sleepNeedMinutes: number;
  /** Every day of the asked range from the history start on, through the range's end (at least through today). */
  points: DailyPointDTO[];
};

type CacheEntry = LoadedSeries & { version: number; from: LocalDate; to: LocalDate };

const WARM_UP_DAYS = computeWarmUpDays();

/** Points kept in memory across all series (about 1 kB each); least recently used series dropped first. */
const CACHE_MAX_POINTS = 100_000;
const globalForSeries = globalThis as unknown as { thresholdDailySeriesCache?: LRUCache<string, CacheEntry> };
const cache = (globalForSeries.thresholdDailySeriesCache ??= new LRUCache<string, CacheEntry>({
  maxSize: CACHE_MAX_POINTS,
  sizeCalculation: (entry) => entry.points.length + 1,
}));

/** Forgets every series kept in memory (the benches measure a first view with it; the persisted state stays). */
export function clearDailySeriesCache(): void {
  cache.clear();
}

/** The data a series is computed from: the scopes that feed it (body does not). */
export function toSeriesVariant(scopes: ScopeSet): string {
  return (["training", "sleep", "recovery"] as const).filter((scope) => scopes.has(scope)).join(",");
}

const maxDate = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const minDate = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

type Plan = {
  athlete: SeriesAthlete;
  variant: string;
  cacheKey: string;
  today: LocalDate;
  bounds: SeriesBounds;
  historyStart: LocalDate;
  /** Points computed from (≥ history start) and the computation's end (≥ today). */
  from: LocalDate;
  /** First day of the memoised output: `from`, or earlier when memoised points before it are kept. */
  outputFrom: LocalDate;
  to: LocalDate;
  /** The persisted state is valid through this day (the day before the history start when none is). */
  validThrough: LocalDate;
  /** First day computed; when after the history start, the state of the day before seeds it. */
  computeFrom: LocalDate;
  /** First day whose state is recomputed (and stored). */
  recomputeFrom: LocalDate;
  head: SeriesHead | undefined;
};

type Pending = {
  athlete: SeriesAthlete;
  variant: string;
  cacheKey: string;
  today: LocalDate;
  from: LocalDate;
  to: LocalDate;
  /** A memoised series of older data whose points before the earliest changed day can be kept. */
  patch?: CacheEntry;
};

/** The memoised series serves `from` on: it starts there or earlier, or at the history start. */
const covers = (entry: CacheEntry, from: LocalDate) => from >= entry.from || entry.from === entry.historyStart;

/**
 * The first day a memoised series of older data must be recomputed from, or null when none of it can be
 * kept: every point depends on its own and earlier days, the history start (day indexes, gates) and the
 * sleep need (debt), so the points before the earliest changed day hold while the last two are unchanged.
 */
function findPatchStart(entry: CacheEntry, bounds: SeriesBounds, changedFrom: LocalDate | null, to: LocalDate): LocalDate | null {
  if (bounds.historyStart !== entry.historyStart || bounds.sleepNeedMinutes !== entry.sleepNeedMinutes) return null;
  // No recorded day (a version bump alone): recompute the last day only, so the entry is filed anew.
  const start = minDate(minDate(changedFrom ?? to, to), addDays(entry.to, 1));
  return start > entry.from ? start : null;
}

/** Where the stored state stops being valid, and therefore which days must be computed. */
function plan(base: Omit<Plan, "validThrough" | "computeFrom" | "recomputeFrom">, fullRecompute: boolean): Plan {
  const { head, historyStart } = base;
  const isValid = !fullRecompute && head !== undefined && head.historyStart === historyStart && head.settingsKey === STATE_SETTINGS_KEY;
  let validThrough = addDays(historyStart, -1);
  if (isValid) {
    validThrough = head.computedThrough;
    if (head.changedFrom !== null) validThrough = minDate(validThrough, addDays(head.changedFrom, -1));
    validThrough = maxDate(validThrough, addDays(historyStart, -1));
  }
  const recomputeFrom = minDate(addDays(validThrough, 1), addDays(base.to, 1));
  const firstNeeded = minDate(base.from, recomputeFrom);
  const computeFrom = maxDate(historyStart, addDays(firstNeeded, -WARM_UP_DAYS));
  return { ...base, validThrough, computeFrom, recomputeFrom };
}

/**
 * The daily series of each athlete for the range `range(today)` (today = the athlete's local today),
 * computed from the data the given scopes allow only, and correct as if computed from day 1.
 */
export function loadDailySeries(
  db: Db,
  athletes: readonly SeriesAthlete[],
  options: { now: number; range: (today: LocalDate) => { from: LocalDate; to: LocalDate } },
): Map<string, LoadedSeries> {
  const ids = athletes.map((athlete) => athlete.athleteId);
  const todays = loadAthleteTodays(db, ids, options.now);
  // Read before the rows: a sync committing in between leaves a newer version than the one filed here, so the
  // next read recomputes from its changes. Read after, rows from before the commit could be filed under it.
  const versions = getAthleteDataVersions(db, ids);
  const connection = getConnectionId(db);
  const result = new Map<string, LoadedSeries>();
  const pending: Pending[] = [];
  for (const athlete of athletes) {
    const today = todays.get(athlete.athleteId) ?? toLocalDateAt(options.now, 0);
    const range = options.range(today);
    const variant = toSeriesVariant(athlete.scopes);
    const cacheKey = `${connection}|${athlete.athleteId}|${variant}`;
    const version = versions.get(athlete.athleteId) ?? 0;
    const to = maxDate(range.to, today);
    const cached = cache.get(cacheKey);
    const isCurrent = cached !== undefined && cached.version === version && cached.today === today;
    if (isCurrent && to <= cached.to && covers(cached, range.from)) {
      result.set(athlete.athleteId, { ...cached, points: slicePoints(cached.points, range.from, range.to) });
      continue;
    }
    // A wider range of the same data: compute the union, so the memory keeps serving both.
    const from = isCurrent ? minDate(range.from, cached.from) : range.from;
    // Older data of the same day's view that covers the range: its points before the earliest changed day
    // still hold (a point reads only its own and earlier days), so only the days from there are computed.
    const isPatchable = cached !== undefined && !isCurrent && cached.today === today && cached.version < version && covers(cached, range.from);
    pending.push({ athlete, variant, cacheKey, today, from, to: cached && (isCurrent || isPatchable) ? maxDate(to, cached.to) : to, patch: isPatchable ? cached : undefined });
  }
  if (pending.length === 0) return attachAdvice(db, athletes, result);
  const changed = loadChangedSince(
    db,
    pending.flatMap((p) => (p.patch ? [{ athleteId: p.athlete.athleteId, version: p.patch.version }] : [])),
  );

  const bounds = loadSeriesBounds(
    db,
    pending.map((p) => ({ athleteId: p.athlete.athleteId, scopes: p.athlete.scopes, today: p.today, upTo: p.to })),
  );
  const heads = loadSeriesHeads(db, pending.map((p) => ({ athleteId: p.athlete.athleteId, variant: p.variant })));
  const plans: Plan[] = [];
  /** Per patched athlete, the memoised points kept (every day before the first one computed). */
  const kept = new Map<string, DailyPointDTO[]>();
  for (const p of pending) {
    const b = bounds.get(p.athlete.athleteId) ?? { historyStart: null, dataThrough: null, sleepNeedMinutes: DEFAULT_SLEEP_NEED_MINUTES };
    const empty: LoadedSeries = { today: p.today, historyStart: b.historyStart, dataThrough: b.dataThrough, sleepNeedMinutes: b.sleepNeedMinutes, points: [] };
    if (b.historyStart === null || p.to < b.historyStart) {
      result.set(p.athlete.athleteId, empty);
      continue;
    }
    const head = getSeriesHead(heads, p.athlete.athleteId, p.variant);
    const keepBefore = p.patch ? findPatchStart(p.patch, b, changed.get(p.athlete.athleteId) ?? null, p.to) : null;
    if (keepBefore !== null) kept.set(p.athlete.athleteId, slicePoints(p.patch?.points ?? [], b.historyStart, addDays(keepBefore, -1)));
    const from = keepBefore ?? maxDate(p.from, b.historyStart);
    plans.push(plan({ ...p, bounds: b, historyStart: b.historyStart, from, outputFrom: p.patch && keepBefore !== null ? p.patch.from : from, head }, false));
  }

  // The stored states the computations resume from: the day before each computation through the last valid day.
  const states = loadSeriesStates(
    db,
    plans.flatMap((p) =>
      p.computeFrom > p.historyStart && p.recomputeFrom > addDays(p.computeFrom, -1)
        ? [{ athleteId: p.athlete.athleteId, variant: p.variant, from: addDays(p.computeFrom, -1), to: addDays(p.recomputeFrom, -1) }]
        : [],
    ),
  );
  const resumes = new Map<string, { seed: DailyState; known: DailyState[] }>();
  for (let i = 0; i < plans.length; i += 1) {
    const p = plans[i];
    if (p.computeFrom <= p.historyStart) continue;
    const rows = states.get(`${p.athlete.athleteId}|${p.variant}`) ?? [];
    const expected = addDays(p.recomputeFrom, -1);
    // Every day from the seed through the last valid day, none missing; otherwise compute from day 1.
    const isComplete = rows.length > 0 && rows[0].date === addDays(p.computeFrom, -1) && rows.at(-1)?.date === expected && rows.length === diffDays(rows[0].date, expected) + 1;
    if (isComplete) resumes.set(p.athlete.athleteId, { seed: rows[0], known: rows.slice(1) });
    else plans[i] = plan(p, true);
  }

  // A resumed computation reads raw rows only from the first day it shows or recomputes; the warm-up days
  // before take their window inputs from the stored state.
  const inputsFrom = (p: Plan) => (resumes.has(p.athlete.athleteId) ? minDate(p.from, p.recomputeFrom) : p.computeFrom);
  const inputs = loadSeriesInputs(
    db,
    plans.map((p) => ({ athleteId: p.athlete.athleteId, scopes: p.athlete.scopes, from: inputsFrom(p), to: p.to })),
  );
  const writes: StateWrite[] = [];
  for (const p of plans) {
    const id = p.athlete.athleteId;
    const input = inputs.get(id);
    const resume = resumes.get(id);
    const computed = computeDailySeriesWithState({
      historyStart: p.historyStart,
      range: { from: p.from, to: p.to },
      sessions: input?.sessions ?? [],
      polarCardioLoad: input?.polarCardioLoad,
      nights: input?.nights,
      settings: { sleepNeedMinutes: p.bounds.sleepNeedMinutes },
      resume: resume ? { computeFrom: p.computeFrom, ...resume, inputsFrom: inputsFrom(p) } : undefined,
    });
    const fresh: DailyPointDTO[] = computed.points.map((point) => ({ ...point, night: input?.extras.get(point.date) ?? null, advice: null, checkIn: null }));
    const before = kept.get(id);
    const points = before ? [...before, ...fresh] : fresh;
    const series: LoadedSeries = { today: p.today, historyStart: p.historyStart, dataThrough: p.bounds.dataThrough, sleepNeedMinutes: p.bounds.sleepNeedMinutes, points };
    const version = versions.get(id) ?? 0;
    cache.set(p.cacheKey, { ...series, version, from: p.outputFrom, to: p.to });
    const range = options.range(p.today);
    result.set(id, { ...series, points: slicePoints(points, range.from, range.to) });
    const states = computed.states.filter((state) => state.date >= p.recomputeFrom);
    const computedThrough = maxDate(p.to, p.validThrough);
    const isUnchanged = p.head !== undefined && states.length === 0 && p.head.version === version && p.head.computedThrough === computedThrough && p.validThrough >= p.historyStart;
    if (isUnchanged) continue;
    writes.push({
      athleteId: id,
      variant: p.variant,
      replaceAll: p.validThrough < p.historyStart,
      states,
      head: { version, historyStart: p.historyStart, computedThrough, settingsKey: STATE_SETTINGS_KEY },
    });
  }
  saveSeriesStates(db, writes);
  return attachAdvice(db, athletes, result);
}
