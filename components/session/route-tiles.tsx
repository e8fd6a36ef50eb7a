"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import type { LatLon } from "./route-geometry";
import type { LeafletMapProps } from "./leaflet-map";

// Leaflet (and its stylesheet) is fetched only when a session with a route is shown with MAP_TILE_URL set:
// no other page's first-load JavaScript carries it.
const LeafletMap = dynamic<LeafletMapProps>(() => import("./leaflet-map").then((mod) => mod.LeafletMap), { ssr: false });

/** The route over map tiles; the plain SVG trace stands in until the map has drawn (or if it never does). */
export function RouteTiles({ points, tiles, fallback }: { points: readonly LatLon[]; tiles: { url: string; attribution: string }; fallback: ReactNode }) {
  const [isReady, setReady] = useState(false);
  return (
    <div className="relative" data-testid="route-map" data-state={isReady ? "loaded" : "loading"}>
      {isReady ? null : fallback}
      <LeafletMap points={points} tiles={tiles} onReady={() => setReady(true)} className={isReady ? "h-80 w-full rounded-md" : "invisible absolute inset-0 h-80 w-full"} />
    </div>
  );
}
