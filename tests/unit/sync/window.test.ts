import { describe, expect, it } from "vitest";
import { packPairs, packTimedValues, unpackPairs, unpackTimedValues } from "@/lib/sync/pack";
import { computeWindow } from "@/lib/sync/windowed";

describe("computeWindow", () => {
  it("always reads Polar's full 28 days (both ends included): late uploads land anywhere inside", () => {
    expect(computeWindow("2024-05-28")).toEqual({ from: "2024-05-01", to: "2024-05-28" });
  });

  it("crosses a month end", () => {
    expect(computeWindow("2024-03-02")).toEqual({ from: "2024-02-04", to: "2024-03-02" });
  });
});

describe("packing", () => {
  it("round-trips pairs with missing values and decimals", () => {
    const pairs: [number, number | null][] = [
      [0, 13.9],
      [300, null],
      [86_399, 52],
    ];
    expect(packPairs(pairs)).toBe("0:13.9,300:,86399:52");
    expect(unpackPairs(packPairs(pairs))).toEqual(pairs);
  });

  it("stores instants as seconds after a base", () => {
    const base = Date.UTC(2024, 4, 2, 20, 12);
    const points = [
      { utcMs: base, value: 2 },
      { utcMs: base + 19 * 60_000, value: 3 },
    ];
    expect(packTimedValues(points, base)).toBe("0:2,1140:3");
    expect(unpackTimedValues("0:2,1140:3", base)).toEqual(points);
  });
});
