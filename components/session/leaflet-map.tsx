"use client";

import "leaflet/dist/leaflet.css";
import * as L from "leaflet";
import { useEffect, useRef } from "react";
import type { LatLon } from "./route-geometry";

export type LeafletMapProps = {
  points: readonly LatLon[];
  tiles: { url: string; attribution: string };
  onReady: () => void;
  className: string;
};

/** Leaflet writes the attribution as HTML: the configured text is shown as text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A marker drawn as a lettered badge (no image files, nothing but inline styles, which the CSP allows). */
function badge(letter: string, label: string, background: string): L.DivIcon {
  return L.divIcon({
    className: "",
    html: `<span role="img" aria-label="${label}" style="display:flex;align-items:center;justify-content:center;width:20px;height:20px;border-radius:${letter === "S" ? "50%" : "3px"};background:${background};color:#fff;font:700 11px/1 system-ui;border:2px solid #fff">${letter}</span>`,
    iconSize: [20, 20],
    iconAnchor: [10, 10],
  });
}

/** The route on map tiles (MAP_TILE_URL) with start and finish markers and Leaflet's metric scale bar. */
export function LeafletMap({ points, tiles, onReady, className }: LeafletMapProps) {
  const container = useRef<HTMLDivElement>(null);
  // The latest callback, without rebuilding the map when the parent re-renders with a new closure.
  const ready = useRef(onReady);
  useEffect(() => {
    ready.current = onReady;
  }, [onReady]);
  useEffect(() => {
    const element = container.current;
    if (!element || points.length < 2) return;
    const styles = getComputedStyle(element);
    const color = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    const map = L.map(element, { scrollWheelZoom: false });
    L.tileLayer(tiles.url, { attribution: escapeHtml(tiles.attribution), maxZoom: 19 }).addTo(map);
    const latLngs = points.map((point): L.LatLngTuple => [point.lat, point.lon]);
    const line = L.polyline(latLngs, { color: color("--chart-1", "#2563eb"), weight: 4 }).addTo(map);
    L.marker(latLngs[0], { icon: badge("S", "Start", color("--chart-3", "#16a34a")), keyboard: false }).addTo(map);
    L.marker(latLngs[latLngs.length - 1], { icon: badge("F", "Finish", "#111827"), keyboard: false }).addTo(map);
    L.control.scale({ metric: true, imperial: false }).addTo(map);
    map.fitBounds(line.getBounds(), { padding: [16, 16] });
    ready.current();
    return () => {
      map.remove();
    };
  }, [points, tiles]);
  return <div ref={container} className={className} />;
}
