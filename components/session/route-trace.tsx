import { Card } from "@/components/ui/card";
import { formatNumber } from "@/components/charts/format";
import type { SessionMotionDTO } from "@/lib/dal/dto";
import { drawRoute } from "./route-geometry";
import { RouteTiles } from "./route-tiles";

export type MapTiles = { url: string; attribution: string };

/**
 * The session's GPS route as an SVG trace with start and finish markers and a distance scale bar: no tile
 * server needed. With `tiles` (MAP_TILE_URL) the same route is drawn over map tiles by Leaflet, whose code is
 * fetched only here, on a session that has a route.
 */
export function RouteTrace({ route, distanceMeters, tiles }: { route: NonNullable<SessionMotionDTO["route"]>; distanceMeters: number | null; tiles: MapTiles | null }) {
  const drawing = drawRoute(route.points);
  if (!drawing) return null;
  const summary = `Route${distanceMeters === null ? "" : ` of ${formatNumber(distanceMeters / 1000, 2)} km`}: ${route.pointCount} GPS points, from the start marker (S) to the finish marker (F). Scale bar: ${drawing.scale.label}.`;
  const trace = (
    <svg
      viewBox={`0 0 ${drawing.width} ${drawing.height}`}
      className="h-auto w-full"
      role="img"
      aria-label={summary}
      data-testid="route-trace"
      data-points={route.points.length}
    >
      <rect x="0" y="0" width={drawing.width} height={drawing.height} rx="8" fill="var(--color-bg)" />
      <path d={drawing.path} fill="none" stroke="var(--chart-1)" strokeWidth="3" strokeLinejoin="round" strokeLinecap="round" />
      <g data-testid="route-start">
        <circle cx={drawing.start.x} cy={drawing.start.y} r="9" fill="var(--chart-3)" stroke="var(--color-surface)" strokeWidth="2" />
        <text x={drawing.start.x} y={drawing.start.y + 4} textAnchor="middle" fontSize="11" fontWeight="700" fill="var(--color-surface)">
          S
        </text>
      </g>
      <g data-testid="route-finish">
        <rect x={drawing.finish.x - 8} y={drawing.finish.y - 8} width="16" height="16" rx="2" fill="var(--color-fg)" stroke="var(--color-surface)" strokeWidth="2" />
        <text x={drawing.finish.x} y={drawing.finish.y + 4} textAnchor="middle" fontSize="11" fontWeight="700" fill="var(--color-surface)">
          F
        </text>
      </g>
      <g data-testid="route-scale" transform={`translate(16 ${drawing.height - 14})`}>
        <path d={`M0 -6 V0 H${drawing.scale.pixels} V-6`} fill="none" stroke="var(--color-fg)" strokeWidth="2" />
        <text x={drawing.scale.pixels + 6} y="0" fontSize="12" fill="var(--color-fg)">
          {drawing.scale.label}
        </text>
      </g>
    </svg>
  );
  return (
    <Card title="Route" testId="session-route">
      {tiles ? <RouteTiles points={route.points} tiles={tiles} fallback={trace} /> : trace}
      <p className="mt-2 text-xs text-muted">
        <span aria-hidden>S</span> start · <span aria-hidden>F</span> finish{tiles ? "" : " · drawn from the GPS points alone, without a map"}
      </p>
    </Card>
  );
}
