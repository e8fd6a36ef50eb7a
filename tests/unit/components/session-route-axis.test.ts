/** The route drawing (projection, markers, scale bar) and the charts' distance axis, without a browser. */
import { describe, expect, it } from "vitest";
import { toAxisPoints, toDistanceLookup, toPaceDomain } from "@/components/session/axis-series";
import { drawRoute, formatScale, pickScaleMetres } from "@/components/session/route-geometry";

describe("route drawing", () => {
  it("picks a round scale length", () => {
    expect(pickScaleMetres(730)).toBe(500);
    expect(pickScaleMetres(2400)).toBe(2000);
    expect(pickScaleMetres(99)).toBe(50);
    expect(pickScaleMetres(0)).toBe(0);
    expect(formatScale(2000)).toBe("2 km");
    expect(formatScale(500)).toBe("500 m");
  });

  it("keeps the route's shape and marks start and finish", () => {
    // 1 km east then 1 km north at 60° N (a degree of longitude is half as long there).
    const lat0 = 60;
    const dLat = 1000 / 111_194.9;
    const dLon = dLat * 2;
    const drawing = drawRoute([{ lat: lat0, lon: 25 }, { lat: lat0, lon: 25 + dLon }, { lat: lat0 + dLat, lon: 25 + dLon }], 640, 400, 20);
    expect(drawing).not.toBeNull();
    if (!drawing) return;
    // A square route: the box is as tall as it is wide (inner 600 × 360 → 360 × 360 centred).
    expect(drawing.height).toBe(400);
    expect(drawing.start).toEqual({ x: 140, y: 380 });
    expect(drawing.finish.x).toBeCloseTo(500, 0);
    expect(drawing.finish.y).toBeCloseTo(20, 0);
    // 360 px for 1 000 m: a quarter of the width (150 px ≈ 417 m) rounds down to 200 m = 72 px.
    expect(drawing.scale).toEqual({ metres: 200, pixels: 72, label: "200 m" });
    expect(drawing.path.startsWith("M140 380 L")).toBe(true);
  });

  it("draws nothing from fewer than two points", () => {
    expect(drawRoute([{ lat: 60, lon: 25 }])).toBeNull();
  });
});

describe("distance axis", () => {
  const track = [
    { t: 0, value: 0 },
    { t: 10, value: 100 },
    { t: 20, value: 150 },
  ];

  it("interpolates metres at an elapsed time, null before the track", () => {
    const at = toDistanceLookup(track);
    expect(at(5)).toBe(50);
    expect(at(15)).toBe(125);
    expect(at(30)).toBe(150);
    expect(at(-1)).toBeNull();
  });

  it("puts a series on time or distance (km), transforming values", () => {
    const points = [
      { t: 0, value: 10 },
      { t: 10, value: 12 },
    ];
    expect(toAxisPoints(points, "time", null)).toEqual([
      { x: 0, value: 10 },
      { x: 10, value: 12 },
    ]);
    expect(toAxisPoints(points, "distance", toDistanceLookup(track), (value) => (value === null ? null : value * 2))).toEqual([
      { x: 0, value: 20 },
      { x: 0.1, value: 24 },
    ]);
    expect(toAxisPoints(points, "distance", null)).toEqual([]);
  });

  it("bounds a pace axis by the usual paces, not by a standstill", () => {
    const paces = [...Array.from({ length: 99 }, () => 300), 1700];
    const domain = toPaceDomain(paces);
    expect(domain?.[1]).toBeLessThan(400);
    expect(toPaceDomain([null])).toBeNull();
  });
});
