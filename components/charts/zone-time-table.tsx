import { ChartFrame } from "./chart-frame";
import { formatDuration, formatNumber } from "./format";
import { ZONE_COLORS } from "./theme";

export type ComputedZoneTimes = {
  /** Lower bounds of Z1..Z5 (bpm) of the model used at ingest, or null when HRmax was unknown. */
  lowerBounds: readonly number[] | null;
  /** Seconds per zone, index 0 = below Z1, 1..5 = Z1..Z5. */
  seconds: readonly number[];
  noDataSeconds: number;
};

export type PolarZoneTime = { index: number; lowerLimit: number; upperLimit: number; seconds: number };

export type ZoneTimeTableProps = {
  computed: ComputedZoneTimes | null;
  polar: readonly PolarZoneTime[] | null;
  testId?: string;
};

function zoneRange(lowerBounds: readonly number[], index: number): string {
  const lower = lowerBounds[index - 1];
  const upper = lowerBounds[index];
  return upper === undefined ? `≥ ${formatNumber(lower, 1)}` : `${formatNumber(lower, 1)}–<${formatNumber(upper, 1)}`;
}

/** True when Polar's limits differ from ours by a whole bpm or more (Polar prints rounded integers). */
function doLimitsDiffer(computed: ComputedZoneTimes | null, polar: readonly PolarZoneTime[] | null): boolean {
  if (!computed?.lowerBounds || !polar) return false;
  const bounds = computed.lowerBounds;
  return polar.some((zone) => {
    const lower = bounds[zone.index - 1];
    return lower === undefined || Math.abs(zone.lowerLimit - lower) >= 1;
  });
}

/**
 * Time in each heart-rate zone. Polar's own numbers are labelled "Polar", ours "computed"; when the two sets
 * of limits differ both columns are shown side by side and never summed together.
 */
export function ZoneTimeTable({ computed, polar, testId = "zone-times" }: ZoneTimeTableProps) {
  const hasComputed = computed !== null && computed.seconds.some((value) => value > 0);
  const hasPolar = polar !== null && polar.length > 0;
  const showBoth = hasComputed && hasPolar && doLimitsDiffer(computed, polar);
  const primary: "polar" | "computed" = hasPolar ? "polar" : "computed";
  const validComputed = hasComputed ? computed.seconds.slice(1).reduce((sum, value) => sum + value, 0) + computed.seconds[0] : 0;
  const polarTotal = hasPolar ? polar.reduce((sum, zone) => sum + zone.seconds, 0) : 0;
  const zones = [1, 2, 3, 4, 5];
  return (
    <ChartFrame
      testId={testId}
      title="Time in heart-rate zones"
      description={
        showBoth
          ? "Polar's limits differ from ours: both shown, each labelled, never added together."
          : primary === "polar"
            ? "Polar's own zones for this session."
            : "Computed from the session's heart-rate samples."
      }
      formula={hasComputed ? <p>Each sample&apos;s heart rate holds until the next sample (sample-and-hold), for at most 10 s; longer gaps count as no data. Zones are % of HRmax.</p> : undefined}
      state={hasComputed || hasPolar ? "loaded" : "empty"}
      emptyMessage="No heart-rate zone data for this session."
      footer={
        hasComputed ? (
          <p>
            Computed: below Z1 {formatDuration(computed.seconds[0])}, no data {formatDuration(computed.noDataSeconds)}. Shares
            are of valid time.
          </p>
        ) : null
      }
    >
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-primary={primary}>
          <thead>
            <tr className="text-left text-xs text-muted">
              <th scope="col" className="py-1 pr-2">
                Zone
              </th>
              {hasPolar && (primary === "polar" || showBoth) ? (
                <>
                  <th scope="col" className="py-1 pr-2">Polar limits (bpm)</th>
                  <th scope="col" className="py-1 pr-2">Polar time</th>
                </>
              ) : null}
              {hasComputed && (primary === "computed" || showBoth) ? (
                <>
                  <th scope="col" className="py-1 pr-2">Computed limits (bpm)</th>
                  <th scope="col" className="py-1 pr-2">Computed time</th>
                </>
              ) : null}
              <th scope="col" className="w-1/3 py-1">
                <span className="sr-only">Share</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {zones.map((index) => {
              const polarZone = polar?.find((zone) => zone.index === index);
              const computedSeconds = hasComputed ? computed.seconds[index] ?? 0 : 0;
              const shareSeconds = primary === "polar" ? (polarZone?.seconds ?? 0) : computedSeconds;
              const shareTotal = primary === "polar" ? polarTotal : validComputed;
              const share = shareTotal > 0 ? (shareSeconds / shareTotal) * 100 : 0;
              return (
                <tr key={index} data-testid={`zone-row-${index}`} className="border-t border-border">
                  <th scope="row" className="py-1 pr-2 text-left font-medium">
                    <span aria-hidden className="mr-1 inline-block h-2.5 w-2.5 rounded-sm" style={{ background: ZONE_COLORS[index - 1] }} />Z{index}
                  </th>
                  {hasPolar && (primary === "polar" || showBoth) ? (
                    <>
                      <td className="py-1 pr-2 tabular-nums">{polarZone ? `${polarZone.lowerLimit}–${polarZone.upperLimit}` : "—"}</td>
                      <td className="py-1 pr-2 tabular-nums" data-testid={`zone-polar-seconds-${index}`} data-seconds={polarZone?.seconds ?? ""}>
                        {polarZone ? formatDuration(polarZone.seconds) : "—"}
                      </td>
                    </>
                  ) : null}
                  {hasComputed && (primary === "computed" || showBoth) ? (
                    <>
                      <td className="py-1 pr-2 tabular-nums">{computed.lowerBounds ? zoneRange(computed.lowerBounds, index) : "—"}</td>
                      <td className="py-1 pr-2 tabular-nums" data-testid={`zone-computed-seconds-${index}`} data-seconds={computedSeconds}>
                        {formatDuration(computedSeconds)}
                      </td>
                    </>
                  ) : null}
                  <td className="py-1">
                    <div className="flex items-center gap-2">
                      <div className="h-2 flex-1 rounded bg-border" aria-hidden>
                        <div className="h-2 rounded" style={{ width: `${share}%`, background: ZONE_COLORS[index - 1] }} />
                      </div>
                      <span className="w-12 text-right text-xs tabular-nums text-muted">{formatNumber(share)} %</span>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ChartFrame>
  );
}
