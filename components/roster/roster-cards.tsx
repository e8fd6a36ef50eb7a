import Link from "next/link";
import { formatMinutes, formatNumber } from "@/components/charts/format";
import { RiskBadge } from "@/components/dashboard/risk-badge";
import { Button } from "@/components/ui/button";
import type { RosterRowDTO } from "@/lib/dal/roster/roster";
import { RowProvenance } from "./row-provenance";
import { isBuildingWithoutConnection } from "./roster-view";

/** One figure of a card; unshared and missing values read as words, never as 0. */
function Figure({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="tabular-nums">{value === undefined ? <span className="text-xs italic text-muted">not shared</span> : (value ?? "—")}</dd>
    </div>
  );
}

/**
 * The roster at phone width: one card per athlete (the same sorted, filtered rows as the table, which needs
 * ~860 px), with the numbers a coach scans first. Sorting, filters and search stay above, shared with the table.
 */
export function RosterCards({
  rows,
  healthWords,
  onSync,
  isSyncing,
}: {
  rows: readonly RosterRowDTO[];
  healthWords: Record<RosterRowDTO["health"]["state"], string>;
  onSync: (athleteId: string) => void;
  isSyncing: (athleteId: string) => boolean;
}) {
  return (
    <ul className="space-y-2 sm:hidden" data-testid="roster-cards">
      {rows.map((row) => (
        <li key={row.athleteId} className="space-y-2 rounded-lg border border-border bg-surface p-3 text-sm" data-testid="roster-card" data-athlete-id={row.athleteId}>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link href={`/athletes/${encodeURIComponent(row.athleteId)}`} className="font-medium text-accent hover:underline">
              {row.name}
            </Link>
            {isBuildingWithoutConnection(row) ? (
              <span className="text-xs text-muted">Not connected</span>
            ) : row.risk.shared ? (
              <RiskBadge level={row.risk.value.level} size="sm" />
            ) : (
              <span className="text-xs italic text-muted">risk not shared</span>
            )}
          </div>
          <p className="text-xs text-muted">{healthWords[row.health.state]}</p>
          <RowProvenance row={row} />
          <dl className="grid grid-cols-2 gap-2">
            <Figure label="7-day load" value={row.load7.shared ? (row.load7.value === null ? null : `${formatNumber(row.load7.value, 0)} AU`) : undefined} />
            <Figure label="Resting HR" value={row.rhr.shared ? (row.rhr.value.value === null ? null : `${formatNumber(row.rhr.value.value, 0)} bpm`) : undefined} />
            <Figure label="Form (TSB)" value={row.tsb.shared ? (row.tsb.value === null ? null : formatNumber(row.tsb.value, 1)) : undefined} />
            <Figure
              label="Sleep (7 nights)"
              value={row.sleep7.shared ? (row.sleep7.value.averageMinutes === null ? null : formatMinutes(row.sleep7.value.averageMinutes)) : undefined}
            />
          </dl>
          <Button onClick={() => onSync(row.athleteId)} disabled={isSyncing(row.athleteId)} size="xs">
            Sync
          </Button>
        </li>
      ))}
    </ul>
  );
}
