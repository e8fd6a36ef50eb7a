import { toCsv, type CsvCell } from "../csv";
import type { RosterDTO, Shared } from "./roster";

/** Numbers to two decimals, as the table shows them. */
function toCsvCell(value: CsvCell): CsvCell {
  return typeof value === "number" ? Math.round(value * 100) / 100 : value;
}

const NOT_SHARED = "not shared";

/** The roster as CSV (one row per athlete, same cells as the table; unshared cells say "not shared"). */
export function toRosterCsv(roster: RosterDTO): string {
  const header = [
    "athlete",
    "athlete_id",
    "shared_scopes",
    "sync_state",
    "last_sync_utc",
    "stale",
    "data_through",
    "risk_level",
    "risk_reasons",
    "advice_today",
    "check_in_today",
    "load_7d_au",
    "acwr_ewma",
    "tsb_au",
    "rhr_bpm",
    "rhr_baseline_bpm",
    "hrv_ln_ms_7d",
    "hrv_normal_low",
    "hrv_normal_high",
    "sleep_avg_min_7n",
  ];
  const cell = <T,>(value: Shared<T>, pick: (v: T) => string | number | null): string | number | null => (value.shared ? pick(value.value) : NOT_SHARED);
  const records = roster.rows.map((row) =>
    [
      row.name,
      row.athleteId,
      row.scopes.join(" "),
      row.health.state,
      row.health.lastSuccessAt === null ? null : new Date(row.health.lastSuccessAt).toISOString(),
      row.health.stale ? "yes" : "no",
      row.dataThrough,
      cell(row.risk, (v) => v.level),
      cell(row.risk, (v) => v.reasons.join("; ")),
      cell(row.advice, (v) => v.label),
      cell(row.advice, (v) => v.checkIn),
      cell(row.load7, (v) => v),
      cell(row.acwr, (v) => v.value),
      cell(row.tsb, (v) => v),
      cell(row.rhr, (v) => v.value),
      cell(row.rhr, (v) => v.baselineMean),
      cell(row.hrv, (v) => v.rolling7),
      cell(row.hrv, (v) => v.bandLow),
      cell(row.hrv, (v) => v.bandHigh),
      cell(row.sleep7, (v) => v.averageMinutes),
    ].map(toCsvCell),
  );
  return toCsv(header, records);
}
