import { formatElapsed, formatNumber } from "@/components/charts/format";
import { Card } from "@/components/ui/card";
import { Table, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { AUTO_LAP_METERS, formatMotion, type LapTable, type MotionDisplay } from "@/lib/analytics";

/**
 * The session's laps: the athlete's manual laps, else auto-laps every kilometre from the speed samples. Pace
 * (running, walking) or speed (cycling and others) per lap, with the HR of the lap's span.
 */
export function LapsTable({ table, motion }: { table: LapTable; motion: MotionDisplay | null }) {
  if (table.kind === "none") return null;
  const display = motion ?? "speed";
  const paceLabel = display === "pace" ? "Pace (min/km)" : "Speed (km/h)";
  return (
    <Card title="Laps" testId="session-laps" state="loaded">
      <p className="mb-2 text-xs text-muted" data-testid="laps-kind">
        {table.kind === "manual"
          ? "Your manual laps, as recorded on the watch."
          : `Auto-laps every ${formatNumber(AUTO_LAP_METERS / 1000, 0)} km, from the speed samples (distance integrated over time).`}
      </p>
      <Table frameProps={{ "data-testid": "laps-table", "data-kind": table.kind, "data-count": table.laps.length }}>
        <TableHead>
          <Th isNumeric>Lap</Th>
          <Th isNumeric>Time (m:ss)</Th>
          <Th isNumeric className="hidden sm:table-cell">
            Split
          </Th>
          <Th isNumeric>Distance (km)</Th>
          <Th isNumeric>{paceLabel}</Th>
          <Th isNumeric>Avg HR (bpm)</Th>
          <Th isNumeric>Max HR (bpm)</Th>
        </TableHead>
        <tbody>
          {table.laps.map((lap) => (
            <Tr key={lap.number} data-testid="lap-row">
              <Td isNumeric>{lap.number}</Td>
              <Td isNumeric>{formatElapsed(lap.durationSeconds)}</Td>
              <Td isNumeric className="hidden sm:table-cell">
                {formatElapsed(lap.startSeconds + lap.durationSeconds)}
              </Td>
              <Td isNumeric>{lap.distanceMeters === null ? "—" : formatNumber(lap.distanceMeters / 1000, 2)}</Td>
              <Td isNumeric data-testid="lap-pace">
                {formatMotion(display, lap.avgSpeedKmh).value}
              </Td>
              <Td isNumeric>{lap.avgHr ?? "—"}</Td>
              <Td isNumeric>{lap.maxHr ?? "—"}</Td>
            </Tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
