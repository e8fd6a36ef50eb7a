import { describe, expect, it } from "vitest";
import { describePmcSeed } from "@/components/charts/describe";
import { computePmc, isPmcSeedDominant } from "@/lib/analytics";

describe("when the PMC seed dominates fitness (metrics.md §4)", () => {
  it.each<[number, boolean]>([
    [0, false],
    [1, true],
    [42, true],
    [43, false],
    [400, false],
  ])("day %i of the history: seeded %s", (dayIndex, expected) => {
    expect(isPmcSeedDominant(dayIndex)).toBe(expected);
  });

  it("is the span where the seed still weighs more than 1/e in CTL", () => {
    // A seed of 100 and no training: CTL on day n (1-based) is the seed's remaining weight e^(−n/42) × 100.
    const ctl = computePmc(new Array<number>(60).fill(0), { seed: 100 }).map((point) => point.ctl);
    expect(isPmcSeedDominant(41)).toBe(true);
    expect(ctl[41 - 1]).toBeGreaterThan(100 / Math.E);
    expect(isPmcSeedDominant(43)).toBe(false);
    expect(ctl[43 - 1]).toBeLessThan(100 / Math.E);
  });

  it("says so in words for the athlete and for a coach, and says nothing once it no longer does", () => {
    expect(describePmcSeed(5)).toBe(
      "Fitness is seeded from your first week's average: on day 5 of your history, fitness and fatigue still show that starting value more than your training (it fades over the first 42 days).",
    );
    expect(describePmcSeed(5, "coach")).toContain("from the athlete's first week's average");
    expect(describePmcSeed(43)).toBeNull();
  });
});
