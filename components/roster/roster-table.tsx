"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { formatHrv, formatHrvRange, formatMinutes, formatNumber } from "@/components/charts/format";
import { describeAcwrBand } from "@/components/charts/describe";
import { formatAgo } from "@/components/sync/time";
import { RiskBadge } from "@/components/dashboard/risk-badge";
import { Button, ToggleButton } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { RosterRowDTO, Shared } from "@/lib/dal/roster/roster";
import { filterRosterRows, getDefaultDirection, isBuildingWithoutConnection, sortRosterRows, type RosterFilter, type RosterSortKey, type SortDirection } from "./roster-view";
import { RosterCards } from "./roster-cards";
import { RowProvenance } from "./row-provenance";
import { Sparkline } from "./sparkline";
import { useRosterSync } from "./use-roster-sync";

const HEALTH_WORDS: Record<RosterRowDTO["health"]["state"], string> = {
  ok: "Connected",
  never_synced: "Never synced",
  syncing: "Syncing",
  not_connected: "Not connected",
  reconnect_needed: "Reconnect needed",
  consents_needed: "Consents needed",
  rate_limited: "Rate limited",
  failing: "Sync failing",
};

const COLUMNS: { key: RosterSortKey; label: string; title?: string }[] = [
  { key: "name", label: "Athlete" },
  { key: "risk", label: "Risk", title: "needs training + recovery" },
  { key: "health", label: "Sync" },
  { key: "freshness", label: "Last sync" },
  { key: "load7", label: "7-day load", title: "training" },
  { key: "acwr", label: "ACWR", title: "training" },
  { key: "tsb", label: "Form (TSB)", title: "training" },
  { key: "rhr", label: "Resting HR", title: "recovery" },
  { key: "hrv", label: "HRV", title: "recovery" },
  { key: "sleep7", label: "Sleep (7 nights)", title: "sleep" },
];

const FILTERS: { key: RosterFilter; label: string }[] = [
  { key: "all", label: "All" },
  { key: "flagged", label: "Flagged" },
  { key: "stale", label: "Stale" },
  { key: "not-connected", label: "Not connected" },
];

function NotShared() {
  return (
    <span className="text-xs italic text-muted" data-testid="not-shared">
      not shared
    </span>
  );
}

function SharedCell<T>({ cell, children }: { cell: Shared<T>; children: (value: T) => React.ReactNode }) {
  return cell.shared ? <>{children(cell.value)}</> : <NotShared />;
}

/**
 * The roster table: sort by any column (risk first by default), filter, search by name, and run syncs with
 * progress per row. Syncs start the athletes' own runs; the table refreshes from the server when they end.
 */
export function RosterTable({ teamId, rows, now }: { teamId: string; rows: RosterRowDTO[]; now: number }) {
  const [sortKey, setSortKey] = useState<RosterSortKey>("risk");
  const [direction, setDirection] = useState<SortDirection>("desc");
  const [filter, setFilter] = useState<RosterFilter>("all");
  const [search, setSearch] = useState("");
  const { progress, message, startSync } = useRosterSync(teamId, rows.some((row) => row.health.runningRunId !== null));

  const visible = useMemo(() => sortRosterRows(filterRosterRows(rows, filter, search), sortKey, direction), [rows, filter, search, sortKey, direction]);

  function toggleSort(key: RosterSortKey) {
    if (key === sortKey) setDirection(direction === "asc" ? "desc" : "asc");
    else {
      setSortKey(key);
      setDirection(getDefaultDirection(key));
    }
  }

  return (
    <div className="space-y-3" data-testid="roster" data-state={rows.length > 0 ? "loaded" : "empty"}>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="block text-xs text-muted">Search by name</span>
          <Input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            data-testid="roster-search"
          />
        </label>
        <fieldset className="flex flex-wrap gap-1" aria-label="Filter">
          {FILTERS.map((item) => (
            <ToggleButton key={item.key} isPressed={filter === item.key} onClick={() => setFilter(item.key)} data-testid={`roster-filter-${item.key}`}>
              {item.label}
            </ToggleButton>
          ))}
        </fieldset>
        <Button
          onClick={() => startSync(null)}
          variant="primary"
          className="ml-auto"
          data-testid="roster-sync-all"
        >
          Sync all
        </Button>
      </div>
      {message ? (
        <p role="status" className="text-sm text-muted" data-testid="roster-sync-message">
          {message}
        </p>
      ) : null}
      <RosterCards rows={visible} healthWords={HEALTH_WORDS} onSync={(id) => startSync([id])} isSyncing={(id) => progress[id]?.status === "running"} />
      <div className="hidden overflow-x-auto rounded-lg border border-border sm:block">
        <table className="min-w-full text-sm" data-testid="roster-table">
          <thead className="bg-bg text-left text-xs text-muted">
            <tr>
              {COLUMNS.map((column) => (
                <th key={column.key} scope="col" className="px-2 py-2" aria-sort={sortKey === column.key ? (direction === "asc" ? "ascending" : "descending") : "none"}>
                  <button type="button" onClick={() => toggleSort(column.key)} title={column.title ? `Needs: ${column.title}` : undefined} data-testid={`sort-${column.key}`}>
                    {column.label}
                    {sortKey === column.key ? (direction === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
              <th scope="col" className="px-2 py-2" title="Needs: recovery">
                Advice today
              </th>
              <th scope="col" className="px-2 py-2">
                Load, 28 days
              </th>
              <th scope="col" className="px-2 py-2">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length + 3} className="px-2 py-4 text-center text-muted">
                  {rows.length === 0 ? "No athletes yet: create an invitation link and send it to your athletes." : "No athlete matches."}
                </td>
              </tr>
            ) : null}
            {visible.map((row) => {
              const run = progress[row.athleteId];
              return (
                <tr key={row.athleteId} className="border-t border-border align-top" data-testid="roster-row" data-athlete-id={row.athleteId}>
                  <td className="px-2 py-2 font-medium">
                    <Link href={`/athletes/${encodeURIComponent(row.athleteId)}`} className="text-accent hover:underline" data-testid="roster-athlete-link">
                      {row.name}
                    </Link>
                  </td>
                  <td className="px-2 py-2" data-testid="cell-risk">
                    {isBuildingWithoutConnection(row) ? (
                      <p className="text-sm text-muted" data-testid="risk-not-connected">
                        Not connected: no data to build a baseline from
                      </p>
                    ) : (
                      <SharedCell cell={row.risk}>
                        {(risk) => (
                          <div className="space-y-1">
                            <RiskBadge level={risk.level} size="sm" />
                            {risk.reasons.length > 0 ? (
                              <ul className="text-xs text-muted">
                                {risk.reasons.slice(0, 3).map((reason) => (
                                  <li key={reason}>{reason}</li>
                                ))}
                              </ul>
                            ) : risk.message ? (
                              <p className="text-xs text-muted">{risk.message}</p>
                            ) : null}
                          </div>
                        )}
                      </SharedCell>
                    )}
                  </td>
                  <td className="px-2 py-2" data-testid="cell-health" data-state={row.health.state}>
                    {HEALTH_WORDS[row.health.state]}
                    {row.health.lastError && row.health.state !== "ok" ? <p className="text-xs text-muted">{row.health.lastError}</p> : null}
                    {run ? (
                      <p className="text-xs text-muted" data-testid="row-sync-progress" data-status={run.status ?? "none"}>
                        {run.status === "running"
                          ? `${run.step ?? "Syncing"}${run.itemsTotal > 0 ? ` ${run.itemsDone}/${run.itemsTotal}` : ""}`
                          : run.status ?? ""}
                      </p>
                    ) : null}
                  </td>
                  <td className="px-2 py-2" data-testid="cell-freshness">
                    {row.health.lastSuccessAt === null ? "never" : formatAgo(row.health.lastSuccessAt, now)}
                    {row.health.stale ? <span className="ml-1 text-xs text-watch">⚠ stale</span> : null}
                    <RowProvenance row={row} />
                  </td>
                  <td className="px-2 py-2 tabular-nums" data-testid="cell-load7">
                    <SharedCell cell={row.load7}>{(value) => (value === null ? "—" : `${formatNumber(value, 0)} AU`)}</SharedCell>
                  </td>
                  <td className="px-2 py-2 tabular-nums" data-testid="cell-acwr">
                    <SharedCell cell={row.acwr}>
                      {(acwr) => (acwr.value === null ? "—" : <span title={describeAcwrBand(acwr.value)}>{formatNumber(acwr.value, 2)}</span>)}
                    </SharedCell>
                  </td>
                  <td className="px-2 py-2 tabular-nums" data-testid="cell-tsb">
                    <SharedCell cell={row.tsb}>{(value) => (value === null ? "—" : formatNumber(value, 1))}</SharedCell>
                  </td>
                  <td className="px-2 py-2 tabular-nums" data-testid="cell-rhr">
                    <SharedCell cell={row.rhr}>
                      {(rhr) =>
                        rhr.value === null ? (
                          "—"
                        ) : (
                          <span>
                            {formatNumber(rhr.value, 0)} bpm
                            <span className="block text-xs text-muted">
                              {rhr.baselineMean === null
                                ? `baseline ${rhr.baselineN} of 14 nights`
                                : `${rhr.delta !== null && rhr.delta >= 0 ? "+" : ""}${formatNumber(rhr.delta ?? 0, 1)} vs ${formatNumber(rhr.baselineMean, 1)}`}
                              {rhr.elevated ? " ▲" : ""}
                            </span>
                          </span>
                        )
                      }
                    </SharedCell>
                  </td>
                  <td className="px-2 py-2 tabular-nums" data-testid="cell-hrv">
                    <SharedCell cell={row.hrv}>
                      {(hrv) =>
                        hrv.rolling7 === null ? (
                          "—"
                        ) : (
                          <span>
                            <span title={`lnRMSSD ${formatNumber(hrv.rolling7, 2)}`}>{formatHrv(hrv.rolling7)}</span>
                            <span className="block text-xs text-muted">
                              {hrv.status === null
                                ? `baseline ${hrv.baselineN} of 14 nights`
                                : `${hrv.status === "below" ? "▼ below" : hrv.status === "above" ? "above" : "within"} ${formatHrvRange(hrv.bandLow, hrv.bandHigh)}`}
                            </span>
                          </span>
                        )
                      }
                    </SharedCell>
                  </td>
                  <td className="px-2 py-2 tabular-nums" data-testid="cell-sleep7">
                    <SharedCell cell={row.sleep7}>
                      {(sleep) => (sleep.averageMinutes === null ? "—" : `${formatMinutes(sleep.averageMinutes)} (${sleep.nights} nights)`)}
                    </SharedCell>
                  </td>
                  <td className="px-2 py-2" data-testid="cell-advice">
                    <SharedCell cell={row.advice}>
                      {(advice) => (
                        <span title={advice.reasons.join("; ") || undefined} data-advice={advice.advice ?? "none"}>
                          {advice.label ?? "—"}
                          <span className="block text-xs text-muted" data-testid="check-in-marker" data-check-in={advice.checkIn}>
                            {advice.checkIn === "illness" ? "⚠ illness reported" : advice.checkIn === "answered" ? "✓ checked in" : "no check-in"}
                          </span>
                        </span>
                      )}
                    </SharedCell>
                  </td>
                  <td className="px-2 py-2" data-testid="cell-sparkline">
                    <SharedCell cell={row.sparkline}>{(values) => <Sparkline values={values} />}</SharedCell>
                  </td>
                  <td className="px-2 py-2">
                    <Button
                      onClick={() => startSync([row.athleteId])}
                      disabled={run?.status === "running"}
                      size="xs"
                      data-testid="row-sync"
                    >
                      Sync
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
