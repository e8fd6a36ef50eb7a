/**
 * The daily load series (metrics.md §3): one load per athlete-local calendar day, with its source.
 */
import { PolarCardioLoadStatusSchema, type PolarCardioLoadStatus } from "@/lib/polar/schemas/cardio-load";
import type { LocalDate } from "./dates";
import { fromDayNumber, toDayNumber } from "./dates";

/** A stored status string as a known status (polar-accesslink.md §10.4); anything Polar adds later reads as `UNRECOGNIZED`. */
export function toPolarCardioLoadStatus(status: string): PolarCardioLoadStatus {
  const known = PolarCardioLoadStatusSchema.safeParse(status);
  return known.success ? known.data : "UNRECOGNIZED";
}

/** `polar`: Polar cardio load; `trimp`: our Banister TRIMP (fallback); `none`: no session that day (load 0). */
export type LoadSource = "polar" | "trimp" | "none";

/** One session's loads, keyed by the local date of its start time. */
export type SessionLoadInput = {
  date: LocalDate;
  /** Training Load Pro `cardio-load` (Polar units), or null when Polar gave none. */
  polarCardioLoad: number | null;
  /** Our Banister TRIMP (AU), or null when the session had no usable HR. */
  trimp: number | null;
};

/** One day of Polar's cardio-load resource. Numbers are null on `LOAD_STATUS_NOT_AVAILABLE` days. */
export type PolarCardioLoadDay = {
  date: LocalDate;
  status: PolarCardioLoadStatus;
  /** The day's cardio load (Polar units). */
  cardioLoad: number | null;
  /** Polar's mean daily load of the last 7 days. */
  strain: number | null;
  /** Polar's mean daily load of the last 28 days. */
  tolerance: number | null;
  /** strain ÷ tolerance as Polar reports it. */
  ratio: number | null;
};

export type DailyLoad = {
  date: LocalDate;
  /** The day's training load; 0 on a day without sessions (convention §0). */
  load: number;
  source: LoadSource;
  /** Sessions that started on this local day. */
  sessionCount: number;
  /** Sessions that day with neither a Polar load nor a TRIMP (they add nothing). */
  sessionsWithoutLoad: number;
};

/**
 * The load of one day, by §3's source order: Polar's daily cardio load when its status is available;
 * else the sum of the sessions' Training Load Pro cardio load when every session has one; else the sum of
 * our Banister TRIMP. A day's load never mixes Polar and TRIMP numbers.
 */
export function selectDailyLoad(
  date: LocalDate,
  sessions: readonly SessionLoadInput[],
  polarDay: PolarCardioLoadDay | null,
): DailyLoad {
  const sessionCount = sessions.length;
  if (polarDay && polarDay.status !== "LOAD_STATUS_NOT_AVAILABLE" && polarDay.cardioLoad !== null) {
    return { date, load: polarDay.cardioLoad, source: "polar", sessionCount, sessionsWithoutLoad: 0 };
  }
  if (sessionCount === 0) return { date, load: 0, source: "none", sessionCount, sessionsWithoutLoad: 0 };
  if (sessions.every((s) => s.polarCardioLoad !== null)) {
    const load = sessions.reduce((acc, s) => acc + (s.polarCardioLoad ?? 0), 0);
    return { date, load, source: "polar", sessionCount, sessionsWithoutLoad: 0 };
  }
  const withTrimp = sessions.filter((s) => s.trimp !== null);
  if (withTrimp.length === 0) {
    return { date, load: 0, source: "none", sessionCount, sessionsWithoutLoad: sessionCount };
  }
  const load = withTrimp.reduce((acc, s) => acc + (s.trimp ?? 0), 0);
  return { date, load, source: "trimp", sessionCount, sessionsWithoutLoad: sessionCount - withTrimp.length };
}

/**
 * Daily load for every calendar day from `from` to `to` (inclusive). Without a range, the series runs from
 * the first to the last day present in the input. Days without sessions have load 0 and source `none`.
 */
export function buildDailyLoadSeries(input: {
  sessions: readonly SessionLoadInput[];
  polarDays?: readonly PolarCardioLoadDay[];
  from?: LocalDate;
  to?: LocalDate;
}): DailyLoad[] {
  const polarDays = input.polarDays ?? [];
  const dayNumbers = [...input.sessions.map((s) => toDayNumber(s.date)), ...polarDays.map((p) => toDayNumber(p.date))];
  if (dayNumbers.length === 0 && (input.from === undefined || input.to === undefined)) return [];
  const start = input.from !== undefined ? toDayNumber(input.from) : Math.min(...dayNumbers);
  const end = input.to !== undefined ? toDayNumber(input.to) : Math.max(...dayNumbers);
  const sessionsByDay = new Map<number, SessionLoadInput[]>();
  for (const session of input.sessions) {
    const n = toDayNumber(session.date);
    const list = sessionsByDay.get(n) ?? [];
    list.push(session);
    sessionsByDay.set(n, list);
  }
  const polarByDay = new Map<number, PolarCardioLoadDay>();
  for (const day of polarDays) polarByDay.set(toDayNumber(day.date), day);
  const series: DailyLoad[] = [];
  for (let n = start; n <= end; n += 1) {
    series.push(selectDailyLoad(fromDayNumber(n), sessionsByDay.get(n) ?? [], polarByDay.get(n) ?? null));
  }
  return series;
}
