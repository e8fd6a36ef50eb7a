import { describe, expect, it } from "vitest";
import { describeInvertedRange } from "@/components/dashboard/range";

describe("describeInvertedRange", () => {
  it("names both dates and the fix when From is after To", () => {
    expect(describeInvertedRange("2026-11-20", "2026-11-01")).toBe("From (2026-11-20) is after To (2026-11-01), so no day can match. Swap the two dates.");
  });
  it.each([
    ["2026-11-01", "2026-11-20"],
    ["2026-11-01", "2026-11-01"],
  ])("is null for %s … %s", (from, to) => {
    expect(describeInvertedRange(from, to)).toBeNull();
  });
});
