import { describe, expect, it } from "vitest";
import { formatNumber, packNumbers, packPairs, unpackNumbers, unpackPairs } from "@/lib/sync/pack";

describe("formatNumber", () => {
  it("writes exactly what String writes, for integers, hundredths and everything else", () => {
    const values: number[] = [];
    for (let i = 0; i < 2100 * 100; i += 7) values.push(i / 100);
    for (let i = 0; i < 3000; i++) values.push(i / 1000, i / 3, 2047.99 + i / 1e4, -i / 10, i * 1e-7);
    values.push(0.1 + 0.2, 1e21, 2048, 2047.995, Number.MIN_VALUE, 770.1, 11.11, 10.5, 0.05);
    for (const value of values) expect(formatNumber(value)).toBe(String(value));
  });

  it("round-trips a speed series through the packed text", () => {
    const speeds = [11.11, 10.82, null, 10.7, 0.05, 12, 2047.5];
    expect(packNumbers(speeds)).toBe("11.11,10.82,,10.7,0.05,12,2047.5");
    expect(unpackNumbers(packNumbers(speeds))).toEqual(speeds);
  });
});

describe("packPairs", () => {
  it("writes key:value pairs, an empty value for null, and reads them back", () => {
    const pairs: [number, number | null][] = [[0, 1.75], [60, null], [86_340, 12], [3600.5, 0.9]];
    expect(packPairs(pairs)).toBe("0:1.75,60:,86340:12,3600.5:0.9");
    expect(unpackPairs(packPairs(pairs))).toEqual(pairs);
    expect(packPairs([])).toBe("");
  });
});
