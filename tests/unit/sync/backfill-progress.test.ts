import { describe, expect, it } from "vitest";
import { describeBackfill, summarizeBackfill } from "@/lib/sync/backfill-progress";

describe("backfill progress in words", () => {
  it("tells the share of all days done in months of the deepest type", () => {
    const progress = summarizeBackfill([
      { done: true, daysDone: 152, daysTotal: 152 },
      { done: false, daysDone: 100, daysTotal: 337 },
    ]);
    expect(progress).toEqual({ done: false, daysDone: 252, daysTotal: 489, monthsDone: 5, monthsTotal: 11 });
    expect(describeBackfill(progress ?? { monthsDone: 0, monthsTotal: 0 })).toBe("Backfilling history: 5 of 11 months");
  });

  it("never says every month before the last type is done, and says all once it is", () => {
    expect(summarizeBackfill([{ done: false, daysDone: 181, daysTotal: 182 }])?.monthsDone).toBe(5);
    expect(summarizeBackfill([{ done: true, daysDone: 182, daysTotal: 182 }])).toMatchObject({ done: true, monthsDone: 6, monthsTotal: 6 });
    expect(summarizeBackfill([])).toBeNull();
  });
});
