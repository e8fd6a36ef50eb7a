import type { RiskLevel } from "@/lib/analytics";

/** Icon + word + colour for each level: colour is never the only signal. */
export const RISK_PRESENTATION: Record<RiskLevel, { word: string; icon: string; className: string; summary: string }> = {
  "insufficient-data": {
    word: "Building baseline",
    icon: "◌",
    className: "border-border text-muted",
    summary: "Not enough history yet to judge load and recovery together.",
  },
  none: { word: "No flags", icon: "✓", className: "border-ok text-ok", summary: "Nothing in your load or recovery stands out today." },
  watch: { word: "Watch", icon: "●", className: "border-watch text-watch", summary: "One signal is outside your usual range." },
  elevated: {
    word: "Elevated",
    icon: "▲",
    className: "border-elevated text-elevated",
    summary: "Several signals point the same way: consider an easier day and check how you feel.",
  },
  high: {
    word: "High",
    icon: "⚠",
    className: "border-high text-high",
    summary: "High training load and your body's response together: how do you feel? Any signs of illness?",
  },
};

/** The same summaries, said to the athlete's coach (never "your usual range" to someone else's numbers). */
const COACH_SUMMARY: Record<RiskLevel, string> = {
  "insufficient-data": "Not enough history yet to judge the athlete's load and recovery together.",
  none: "Nothing in the athlete's load or recovery stands out today.",
  watch: "One signal is outside the athlete's usual range.",
  elevated: "Several signals point the same way: an easier day may help; ask how they feel.",
  high: "High training load and the body's response together: ask how they feel and about signs of illness.",
};

/** The level's one-line summary for whoever reads it: the athlete or their coach. */
export function describeRiskLevel(level: RiskLevel, reader: "athlete" | "coach"): string {
  return reader === "athlete" ? RISK_PRESENTATION[level].summary : COACH_SUMMARY[level];
}

export function RiskBadge({ level, size = "md" }: { level: RiskLevel; size?: "sm" | "md" | "lg" }) {
  const view = RISK_PRESENTATION[level];
  const sizes = { sm: "px-1.5 py-0.5 text-xs", md: "px-2 py-1 text-sm", lg: "px-3 py-1.5 text-base" };
  return (
    <span
      data-testid="risk-badge"
      data-level={level}
      className={`inline-flex items-center gap-1 rounded-full border font-semibold ${view.className} ${sizes[size]}`}
    >
      <span aria-hidden>{view.icon}</span>
      {view.word}
    </span>
  );
}
