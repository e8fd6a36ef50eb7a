import { expect } from "vitest";

export const TOLERANCE = 1e-4;

/** Asserts |actual − expected| ≤ 1e-4 (metrics.md: compare numbers, never formatted strings). */
export function expectClose(actual: number | null | undefined, expected: number, label = ""): void {
  expect(actual, label).not.toBeNull();
  expect(actual, label).not.toBeUndefined();
  expect(Math.abs((actual ?? Number.NaN) - expected), `${label}: ${String(actual)} vs ${expected}`).toBeLessThanOrEqual(
    TOLERANCE,
  );
}

/** Mulberry32: a tiny seeded PRNG so property loops are reproducible without extra packages. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
