/** One line per MCP tool for the reference page (the full, model-facing descriptions are in tools.ts). */
export const MCP_TOOL_SUMMARIES = [
  { name: "get_today", summary: "today's flag with reasons, last night, today's load, RHR and HRV" },
  { name: "get_daily_metrics", summary: "the daily series over a range with chosen fields" },
  { name: "list_sessions", summary: "training sessions by date and sport, paged" },
  { name: "get_session", summary: "one session with zones and optional samples" },
  { name: "get_sleep", summary: "nights: stages, score, RHR and HRV" },
  { name: "get_recovery_trend", summary: "RHR against baseline and HRV against the normal range, per day" },
  { name: "explain_flag", summary: "the reasons behind one day's flag" },
  { name: "weekly_report", summary: "an ISO week against the previous 4 and 12 weeks, with its flags" },
  { name: "roster_triage", summary: "coach tokens: athletes sorted by risk, with reasons and data freshness" },
] as const;
