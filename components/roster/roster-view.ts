/**
 * Sorting, filtering and searching the roster table. Pure (no React), shared by the client table and tests.
 * Unshared cells and missing values always sort last, whatever the direction.
 */
import type { RiskLevel } from "@/lib/analytics";
import type { RosterRowDTO } from "@/lib/dal/roster/roster";

export type RosterSortKey = "risk" | "name" | "health" | "freshness" | "load7" | "acwr" | "tsb" | "rhr" | "hrv" | "sleep7";
export type RosterFilter = "all" | "flagged" | "stale" | "not-connected";
export type SortDirection = "asc" | "desc";

const RISK_RANK: Record<RiskLevel, number> = { high: 4, elevated: 3, watch: 2, none: 1, "insufficient-data": 0 };
const HEALTH_RANK: Record<RosterRowDTO["health"]["state"], number> = {
  not_connected: 7,
  reconnect_needed: 6,
  consents_needed: 5,
  failing: 4,
  rate_limited: 3,
  never_synced: 2,
  syncing: 1,
  ok: 0,
};

/** The sortable value of a cell: null = not shared or not computable (always last). */
export function toSortValue(row: RosterRowDTO, key: RosterSortKey): number | string | null {
  switch (key) {
    case "risk":
      return row.risk.shared ? RISK_RANK[row.risk.value.level] : null;
    case "name":
      return row.name.toLocaleLowerCase();
    case "health":
      return HEALTH_RANK[row.health.state];
    case "freshness":
      return row.health.lastSuccessAt;
    case "load7":
      return row.load7.shared ? row.load7.value : null;
    case "acwr":
      return row.acwr.shared ? row.acwr.value.value : null;
    case "tsb":
      return row.tsb.shared ? row.tsb.value : null;
    case "rhr":
      return row.rhr.shared ? row.rhr.value.delta : null;
    case "hrv":
      return row.hrv.shared ? row.hrv.value.rolling7 : null;
    case "sleep7":
      return row.sleep7.shared ? row.sleep7.value.averageMinutes : null;
  }
}

/** Natural first direction per column: worst first for risk and health, A→Z for names. */
export function getDefaultDirection(key: RosterSortKey): SortDirection {
  return key === "name" || key === "tsb" || key === "hrv" || key === "sleep7" ? "asc" : "desc";
}

export function sortRosterRows(rows: readonly RosterRowDTO[], key: RosterSortKey, direction: SortDirection): RosterRowDTO[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = toSortValue(a, key);
    const vb = toSortValue(b, key);
    if (va === null && vb !== null) return 1;
    if (vb === null && va !== null) return -1;
    if (va !== null && vb !== null && va !== vb) return (va < vb ? -1 : 1) * sign;
    return a.name.localeCompare(b.name);
  });
}

export function isFlagged(row: RosterRowDTO): boolean {
  return row.risk.shared && RISK_RANK[row.risk.value.level] >= RISK_RANK.watch;
}

export function isNotConnected(row: RosterRowDTO): boolean {
  return row.health.state === "not_connected" || row.health.state === "reconnect_needed" || row.health.state === "consents_needed";
}

/** No baseline yet and no working link to Polar: shown and counted as "Not connected". */
export function isBuildingWithoutConnection(row: RosterRowDTO): boolean {
  return isNotConnected(row) && row.risk.shared && row.risk.value.level === "insufficient-data";
}

export function isStale(row: RosterRowDTO): boolean {
  return row.health.stale || row.health.state === "never_synced";
}

/** Rows matching the filter and a case-insensitive name search. */
export function filterRosterRows(rows: readonly RosterRowDTO[], filter: RosterFilter, search: string): RosterRowDTO[] {
  const needle = search.trim().toLocaleLowerCase();
  return rows.filter((row) => {
    if (needle && !row.name.toLocaleLowerCase().includes(needle)) return false;
    if (filter === "flagged") return isFlagged(row);
    if (filter === "stale") return isStale(row);
    if (filter === "not-connected") return isNotConnected(row);
    return true;
  });
}

export type RosterSummary = {
  athletes: number;
  byRisk: Record<RiskLevel, number>;
  /** Athletes whose risk cannot be shown (training or recovery not shared). */
  riskNotShared: number;
  flagged: number;
  stale: number;
  notConnected: number;
};

/** Counts for the team summary above the table. */
export function summarizeRoster(rows: readonly RosterRowDTO[]): RosterSummary {
  const byRisk: Record<RiskLevel, number> = { high: 0, elevated: 0, watch: 0, none: 0, "insufficient-data": 0 };
  let riskNotShared = 0;
  for (const row of rows) {
    // An athlete who cannot sync and has no baseline is "Not connected", not "Building baseline": nothing is
    // being built until they reconnect.
    if (isBuildingWithoutConnection(row)) continue;
    if (row.risk.shared) byRisk[row.risk.value.level] += 1;
    else riskNotShared += 1;
  }
  return {
    athletes: rows.length,
    byRisk,
    riskNotShared,
    flagged: rows.filter(isFlagged).length,
    stale: rows.filter(isStale).length,
    notConnected: rows.filter(isNotConnected).length,
  };
}
