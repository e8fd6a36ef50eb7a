/**
 * A route drawn without a map: points projected onto a box (equirectangular at the route's mean latitude, which
 * is true to a few parts per thousand over a session's extent), and a distance scale bar of a round length.
 */

export type LatLon = { lat: number; lon: number };
export type RouteDrawing = {
  width: number;
  height: number;
  /** SVG path `M x y L x y …`. */
  path: string;
  start: { x: number; y: number };
  finish: { x: number; y: number };
  scale: { metres: number; pixels: number; label: string };
};

/** Metres per degree of latitude (mean Earth radius 6 371 km). */
const METRES_PER_DEGREE = (Math.PI * 6_371_000) / 180;

/** The largest 1, 2 or 5 × 10ⁿ metres not longer than `maxMetres`. */
export function pickScaleMetres(maxMetres: number): number {
  if (!(maxMetres > 0) || !Number.isFinite(maxMetres)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  for (const step of [5, 2, 1]) if (step * power <= maxMetres) return step * power;
  return power;
}

/** `500` → `500 m`, `2000` → `2 km`. */
export function formatScale(metres: number): string {
  return metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
}

/**
 * Fits the route into `width` × at most `maxHeight` pixels (keeping its shape; a narrow route gets a shorter
 * box), with `padding` on every side. Needs at least two points.
 */
export function drawRoute(points: readonly LatLon[], width = 640, maxHeight = 400, padding = 24): RouteDrawing | null {
  if (points.length < 2) return null;
  const meanLat = points.reduce((sum, point) => sum + point.lat, 0) / points.length;
  const cos = Math.cos((meanLat * Math.PI) / 180);
  // Metres east and north of the first point.
  const local = points.map((point) => ({ x: (point.lon - points[0].lon) * METRES_PER_DEGREE * cos, y: (point.lat - points[0].lat) * METRES_PER_DEGREE }));
  const xs = local.map((point) => point.x);
  const ys = local.map((point) => point.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const innerWidth = width - 2 * padding;
  const pixelsPerMetre = Math.min(innerWidth / spanX, (maxHeight - 2 * padding) / spanY);
  const height = Math.round(spanY * pixelsPerMetre + 2 * padding);
  const offsetX = padding + (innerWidth - spanX * pixelsPerMetre) / 2;
  const project = (point: { x: number; y: number }) => ({
    x: Math.round((offsetX + (point.x - minX) * pixelsPerMetre) * 10) / 10,
    y: Math.round((height - padding - (point.y - minY) * pixelsPerMetre) * 10) / 10,
  });
  const projected = local.map(project);
  const path = projected.map((point, i) => `${i === 0 ? "M" : "L"}${point.x} ${point.y}`).join(" ");
  const metres = pickScaleMetres((innerWidth / 4) / pixelsPerMetre);
  return {
    width,
    height,
    path,
    start: projected[0],
    finish: projected[projected.length - 1],
    scale: { metres, pixels: Math.round(metres * pixelsPerMetre * 10) / 10, label: formatScale(metres) },
  };
}
