import Link from "next/link";
import { formatDuration, formatNumber } from "@/components/charts/format";
import { SessionSeriesChart } from "@/components/charts/session-series-chart";
import { CHART_COLORS } from "@/components/charts/theme";
import { ZoneTimeTable } from "@/components/charts/zone-time-table";
import { formatLocalStart, formatSport } from "@/components/dashboard/session-table";
import { RpeRating } from "@/components/checkin/rpe-rating";
import { LapsTable } from "@/components/session/laps-table";
import { RouteTrace, type MapTiles } from "@/components/session/route-trace";
import { SessionAxisCharts } from "@/components/session/session-axis-charts";
import { Card, PageHeader, Stat } from "@/components/ui/card";
import { formatMotion } from "@/lib/analytics/motion";
import type { SessionDetailDTO } from "@/lib/dal/dto";

/**
 * One session: summary, HR curve on zone bands, Polar's and our zone times side by side, and the other sample
 * series. Shared by the athlete's own page and the coach's read-only view; `backHref` returns to the list.
 */
export function SessionDetailView({
  session,
  backHref,
  canRate = false,
  mapTiles = null,
}: {
  session: SessionDetailDTO;
  backHref: string;
  canRate?: boolean;
  /** MAP_TILE_URL: tiles under the route; null draws the route alone. */
  mapTiles?: MapTiles | null;
}) {
  const zones = session.computedZones;
  const motion = session.motion ? formatMotion(session.motion, session.avgSpeedKmh) : null;
  return (
    <div className="space-y-4" data-testid="session-detail" data-session-id={session.id}>
      <p>
        <Link href={backHref} className="text-sm text-accent">
          ← All sessions
        </Link>
      </p>
      <PageHeader
        title={formatSport(session.sport, session.detailedSport)}
        description={`${formatLocalStart(session.startTimeLocal)} (local time)${session.device ? ` · ${session.device}` : ""}`}
      />
      <Card title="Summary">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Stat label="Duration" value={formatDuration(session.durationSeconds)} />
          <Stat label="Distance" value={session.distanceMeters === null ? null : formatNumber(session.distanceMeters / 1000, 2)} unit="km" />
          {session.motion && motion ? (
            <Stat label={session.motion === "pace" ? "Average pace" : "Average speed"} value={motion.value === "—" ? null : motion.value} unit={motion.unit} testId={`stat-${session.motion}`} rawValue={session.avgSpeedKmh} />
          ) : null}
          <Stat label="Average HR" value={session.avgHr === null ? null : String(session.avgHr)} unit="bpm" />
          <Stat label="Max HR" value={session.maxHr === null ? null : String(session.maxHr)} unit="bpm" />
          <Stat label="Cardio load (Polar)" value={session.cardioLoad === null ? null : formatNumber(session.cardioLoad, 1)} hint={session.cardioLoadInterpretation ?? undefined} testId="stat-cardio-load" />
          <Stat
            label="TRIMP (computed)"
            value={session.trimp === null ? null : formatNumber(session.trimp, 1)}
            unit="AU"
            hint={
              session.trimp === null
                ? (session.trimpMissingReason ?? undefined)
                : session.trimpMethod === "mean-hr"
                  ? "from average HR — underestimates"
                  : "Banister, per sample"
            }
            testId="stat-trimp"
          />
          <Stat label="Calories" value={session.calories === null ? null : String(session.calories)} unit="kcal" />
          <Stat label="Perceived load (Polar)" value={session.perceivedLoad === null ? null : formatNumber(session.perceivedLoad, 0)} />
          <Stat
            label="sRPE"
            value={session.srpe === null ? null : formatNumber(session.srpe, 0)}
            unit="AU"
            hint={
              session.rpe === null
                ? "rate the session to see it"
                : `RPE ${session.rpe} × ${formatNumber(session.durationSeconds / 60, 0)} min (${session.rpeSource === "athlete" ? "your rating" : "rated in Polar"})${
                    session.rpeSource === "athlete" && session.polarRpe !== null ? `; Polar RPE ${session.polarRpe}` : ""
                  }`
            }
            testId="stat-srpe"
          />
        </dl>
        {canRate ? (
          <div className="mt-3">
            <RpeRating sessionId={session.id} current={session.ownRpe} />
          </div>
        ) : null}
        {zones ? (
          <p className="mt-2 text-xs text-muted">
            Computed with HRmax {zones.hrMax ?? "—"} bpm
            {zones.hrMaxSource === "age-fallback" ? " (estimated as 220 − age — set your HRmax on the Body page)" : ""}
            {zones.hrRest !== null ? `, resting HR ${zones.hrRest} bpm` : ""}.
          </p>
        ) : null}
      </Card>
      <SessionAxisCharts
        heartRate={session.heartRate}
        speed={session.speed}
        power={session.power}
        distanceTrack={session.distanceTrack}
        motion={session.motion}
        zoneLowerBounds={zones?.lowerBounds ?? null}
        hrMax={zones?.hrMax ?? null}
      />
      <LapsTable table={session.laps} motion={session.motion} />
      {session.route ? <RouteTrace route={session.route} distanceMeters={session.distanceMeters} tiles={mapTiles} /> : null}
      <ZoneTimeTable
        computed={zones ? { lowerBounds: zones.lowerBounds, seconds: zones.seconds, noDataSeconds: zones.noDataSeconds } : null}
        polar={session.polarZones.length > 0 ? session.polarZones : null}
      />
      <div className="grid gap-4 lg:grid-cols-2">
        {session.altitude ? <SessionSeriesChart testId="chart-altitude" title="Altitude" unit="m" points={session.altitude} color={CHART_COLORS.c3} /> : null}
        {session.cadence ? <SessionSeriesChart testId="chart-cadence" title="Cadence" unit="rpm" points={session.cadence} color={CHART_COLORS.c5} /> : null}
      </div>
    </div>
  );
}
