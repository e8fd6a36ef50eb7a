import { addDays, type AcwrBand, type LocalDate } from "@/lib/analytics";
import type { DailyPointDTO } from "../dto";
import { findLatestRestingHrPoint } from "./latest";

/**
 * The figures the athlete's overview, the coach's view of the athlete and the roster all show about "now":
 * computed here once, from the same series, so the pages never disagree (a "—" on one and 59 bpm on the
 * other, "last night" two days old on one and "data to" yesterday on the other). Pure: pages pass the
 * series they loaded (lib/dal/series) and the athlete's newest day with data (`loadSeriesBounds`).
 */

/** An athlete without data in this many days has no figures ("no data in the last 150 days"). */
export const RECENT_HISTORY_DAYS = 150;

export type RecentFiguresDTO = {
  /** The athlete's local today. */
  today: LocalDate;
  /** The newest local day with visible data, null when none in the last `RECENT_HISTORY_DAYS` days. */
  dataThrough: LocalDate | null;
  /** The newest night in the 7 days ending today (sleep or Nightly Recharge), null when none. */
  lastNight: LocalDate | null;
  /** Sum of the daily load of the 7 days ending today (AU); null without recent data. */
  load7: number | null;
  /** Today's ACWR (EWMA) and its band; null when today has no point. */
  acwr: { value: number | null; band: AcwrBand | null };
  /** Today's form: yesterday's CTL − ATL (AU). */
  tsb: number | null;
  /** The newest night in the 7 days with a resting HR (bpm), against its baseline. */
  rhr: { date: LocalDate | null; value: number | null; baselineMean: number | null; baselineSd: number | null; delta: number | null; elevated: boolean | null; baselineN: number };
  /** Today's HRV 7-night mean (ln ms) against the normal range. */
  hrv: { rolling7: number | null; bandLow: number | null; bandHigh: number | null; status: "below" | "within" | "above" | null; baselineN: number };
  /** Mean actual sleep over the nights measured in the 7 days ending today (minutes). */
  sleep7: { averageMinutes: number | null; nights: number };
};

/**
 * The recent figures of one athlete's series (`points` oldest first, ending on or after today's point).
 * Missing values are null, never 0.
 */
export function summarizeRecentDays(series: { today: LocalDate; dataThrough: LocalDate | null; points: readonly DailyPointDTO[] }): RecentFiguresDTO {
  const { today } = series;
  const dataThrough = series.dataThrough !== null && series.dataThrough >= addDays(today, -RECENT_HISTORY_DAYS) ? series.dataThrough : null;
  const points = dataThrough === null ? [] : series.points.filter((point) => point.date <= today);
  const week = points.filter((point) => point.date > addDays(today, -7));
  const todayPoint = points.at(-1)?.date === today ? (points.at(-1) ?? null) : null;
  const night = findLatestRestingHrPoint(week);
  const lastNight = [...week].reverse().find((point) => point.night !== null || point.sleep.night !== null) ?? null;
  const hrv = todayPoint?.hrv ?? null;
  const rolling7 = hrv?.rolling7 ?? null;
  const bandLow = hrv?.bandLow ?? null;
  const bandHigh = hrv?.bandHigh ?? null;
  const sleepMinutes = week.flatMap((point) => (point.sleep.night ? [point.sleep.night.actualSleepMinutes] : []));
  return {
    today,
    dataThrough,
    lastNight: lastNight?.date ?? null,
    load7: points.length === 0 ? null : week.reduce((sum, point) => sum + point.load.value, 0),
    acwr: { value: todayPoint?.acwr.ewma ?? null, band: todayPoint?.acwr.band ?? null },
    tsb: todayPoint?.pmc.tsb ?? null,
    rhr: {
      date: night?.date ?? null,
      value: night?.restingHr.rhr ?? null,
      baselineMean: night?.restingHr.baselineMean ?? null,
      baselineSd: night?.restingHr.baselineSd ?? null,
      delta: night?.restingHr.delta ?? null,
      elevated: night?.restingHr.elevated ?? null,
      baselineN: night?.restingHr.baselineN ?? 0,
    },
    hrv: {
      rolling7,
      bandLow,
      bandHigh,
      status: rolling7 === null || bandLow === null || bandHigh === null ? null : rolling7 < bandLow ? "below" : rolling7 > bandHigh ? "above" : "within",
      baselineN: hrv?.baselineN ?? 0,
    },
    sleep7: { averageMinutes: sleepMinutes.length > 0 ? sleepMinutes.reduce((a, b) => a + b, 0) / sleepMinutes.length : null, nights: sleepMinutes.length },
  };
}
