import { describe, expect, it } from "vitest";
import { describeRiskLevel } from "@/components/dashboard/risk-badge";
import type { RiskLevel } from "@/lib/analytics";

const LEVELS: RiskLevel[] = ["insufficient-data", "none", "watch", "elevated", "high"];

describe("describeRiskLevel", () => {
  it("speaks to the athlete as 'you'", () => {
    expect(describeRiskLevel("watch", "athlete")).toBe("One signal is outside your usual range.");
  });
  it.each(LEVELS)("never says 'your' or 'you' to a coach (%s)", (level) => {
    const text = describeRiskLevel(level, "coach");
    expect(text).not.toMatch(/\byou(r)?\b/i);
    expect(text.length).toBeGreaterThan(10);
  });
});
