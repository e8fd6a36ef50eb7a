import { RiskBadge } from "@/components/dashboard/risk-badge";
import type { RiskLevel } from "@/lib/analytics";
import type { RosterSummary } from "./roster-view";

const LEVELS: RiskLevel[] = ["high", "elevated", "watch", "none", "insufficient-data"];

/** The team at a glance: athletes per risk level, and how many are stale or cannot sync. */
export function RosterSummaryBar({ summary }: { summary: RosterSummary }) {
  return (
    <dl className="flex flex-wrap gap-4 rounded-lg border border-border bg-surface p-3 text-sm" data-testid="roster-summary">
      {LEVELS.map((level) => (
        <div key={level} className="flex items-center gap-2" data-testid={`summary-${level}`} data-count={summary.byRisk[level]}>
          <dt>
            <RiskBadge level={level} size="sm" />
          </dt>
          <dd className="font-semibold tabular-nums">{summary.byRisk[level]}</dd>
        </div>
      ))}
      <div className="flex items-center gap-2" data-testid="summary-risk-not-shared" data-count={summary.riskNotShared}>
        <dt className="text-muted">Risk not shared</dt>
        <dd className="font-semibold tabular-nums">{summary.riskNotShared}</dd>
      </div>
      <div className="flex items-center gap-2" data-testid="summary-stale" data-count={summary.stale}>
        <dt className="text-muted">Stale</dt>
        <dd className="font-semibold tabular-nums">{summary.stale}</dd>
      </div>
      <div className="flex items-center gap-2" data-testid="summary-not-connected" data-count={summary.notConnected}>
        <dt className="text-muted">Not connected</dt>
        <dd className="font-semibold tabular-nums">{summary.notConnected}</dd>
      </div>
    </dl>
  );
}
