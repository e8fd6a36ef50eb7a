import { describe, expect, it } from "vitest";
import { describePmcSeed } from "@/components/charts/describe";
import { computePmc, getPmcSeedDominantUntil } from "@/lib/analytics";

describe("when the PMC seed dominates fitness (metrics.md §4)", () => {
  it.each<[string | null, string, string | null]>([
    ["2026-11-01", "2026-11-01", "2026-12-13"],
    ["2026-11-01", "2026-12-12", "2026-12-13"],
    ["2026-11-01", "2026-12-13", null],
    ["2026-11-01", "2026-10-31", null],
    [null, "2026-11-01", null],
  ])("history from %s, shown on %s: seeded until %s", (historyStart, date, expected) => {
    expect(getPmcSeedDominantUntil(historyStart, date)).toBe(expected);
  });

  it("is the span where the seed still weighs more than 1/e in CTL", () => {
    // A seed of 100 and no training: CTL on day index n is the seed's remaining weight e^(−(n+1)/42) × 100.
    const ctl = computePmc(new Array<number>(60).fill(0), { seed: 100 }).map((point) => point.ctl);
    expect(ctl[40]).toBeGreaterThan(100 / Math.E);
    expect(ctl[42]).toBeLessThan(100 / Math.E);
  });

  it("says so in words for the athlete and for a coach, and says nothing once it no longer does", () => {
    expect(describePmcSeed("2026-11-01", "2026-11-05")).toBe(
      "Fitness is seeded from your first week's average: history starts Sun 1 Nov 2026, so until Sun 13 Dec 2026 fitness and fatigue show that starting value more than your training.",
    );
    expect(describePmcSeed("2026-11-01", "2026-11-05", "coach")).toContain("from the athlete's first week's average");
    expect(describePmcSeed("2026-11-01", "2027-01-05")).toBeNull();
  });
});
