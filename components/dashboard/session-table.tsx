import Link from "next/link";
import { formatDuration, formatNumber } from "@/components/charts/format";
import { Table, TableHead, Td, Th, Tr } from "@/components/ui/table";
import type { SessionSummaryDTO } from "@/lib/dal/dto";

/** `RUNNING` / `ROAD_RUNNING` → `Road running`. */
export function formatSport(sport: string, detailed?: string | null): string {
  const raw = (detailed || sport).toLowerCase().replace(/_/g, " ");
  return raw.charAt(0).toUpperCase() + raw.slice(1);
}

/** Local start `2026-03-04T07:15:00` → `2026-03-04 07:15` (the athlete's clock, as Polar gives it). */
export function formatLocalStart(startTimeLocal: string): string {
  return `${startTimeLocal.slice(0, 10)} ${startTimeLocal.slice(11, 16)}`;
}

/** Sessions as a table on wide screens; rows stay readable on a phone (less important columns hide). */
export function SessionTable({
  sessions,
  testId = "sessions-table",
  hrefBase = "/dashboard/training",
}: {
  sessions: readonly SessionSummaryDTO[];
  testId?: string;
  /** Where a session's page lives: the athlete's own dashboard, or the coach's view of that athlete. */
  hrefBase?: string;
}) {
  if (sessions.length === 0) {
    return (
      <p data-testid={testId} data-state="empty" className="rounded-md border border-dashed border-border p-6 text-center text-sm text-muted">
        No sessions yet — record a training session with your Polar watch, then Sync.
      </p>
    );
  }
  return (
    <Table frameProps={{ "data-testid": testId, "data-state": "loaded", "data-count": sessions.length }}>
      <TableHead>
        <Th>Start (local)</Th>
        <Th>Sport</Th>
        <Th>Duration</Th>
        <Th className="hidden sm:table-cell">Distance</Th>
        <Th className="hidden sm:table-cell">Avg HR</Th>
        <Th>Load</Th>
        <Th>sRPE</Th>
      </TableHead>
      <tbody>
        {sessions.map((session) => (
          <Tr key={session.id} data-testid="session-row" data-session-id={session.id}>
            <Td isNumeric>
              <Link href={`${hrefBase}/${session.id}`} className="text-accent underline-offset-2 hover:underline">
                {formatLocalStart(session.startTimeLocal)}
              </Link>
            </Td>
            <Td>{formatSport(session.sport, session.detailedSport)}</Td>
            <Td isNumeric>{formatDuration(session.durationSeconds)}</Td>
            <Td isNumeric className="hidden sm:table-cell">
              {session.distanceMeters === null ? "—" : `${formatNumber(session.distanceMeters / 1000, 2)} km`}
            </Td>
            <Td isNumeric className="hidden sm:table-cell">
              {session.avgHr === null ? "—" : `${session.avgHr} bpm`}
            </Td>
            <Td isNumeric>
              {session.cardioLoad !== null ? (
                <span title="Polar cardio load">
                  {formatNumber(session.cardioLoad, 1)} <span className="text-xs text-muted">Polar</span>
                </span>
              ) : session.trimp !== null ? (
                <span title="Banister TRIMP (fallback)">
                  {formatNumber(session.trimp, 1)} <span className="text-xs text-muted">TRIMP</span>
                </span>
              ) : (
                "—"
              )}
            </Td>
            <Td isNumeric data-testid="session-srpe">
              {session.srpe === null ? (
                "—"
              ) : (
                <span title={`RPE ${session.rpe} × minutes (${session.rpeSource === "athlete" ? "your rating" : "rated in Polar"}); not part of the daily load`}>
                  {formatNumber(session.srpe, 0)} <span className="text-xs text-muted">AU</span>
                </span>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
