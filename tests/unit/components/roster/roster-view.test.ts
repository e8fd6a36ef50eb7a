import { describe, expect, it } from "vitest";
import { filterRosterRows, sortRosterRows, summarizeRoster } from "@/components/roster/roster-view";
import type { RiskLevel } from "@/lib/analytics";
import type { RosterRowDTO } from "@/lib/dal/roster/roster";

function row(name: string, options: { risk?: RiskLevel | null; load?: number | null; sleep?: number | null; state?: RosterRowDTO["health"]["state"]; stale?: boolean } = {}): RosterRowDTO {
  return {
    athleteId: name.toLowerCase(),
    name,
    athleteName: name,
    rosterLabel: null,
    scopes: ["training", "recovery"],
    health: { state: options.state ?? "ok", lastSuccessAt: 1, runningRunId: null, stale: options.stale ?? false, lastError: null },
    today: "2026-03-31",
    dataThrough: "2026-03-31",
    lastNight: null,
    gap: null,
    risk: options.risk === null ? { shared: false } : { shared: true, value: { level: options.risk ?? "none", reasons: [], context: null, message: null } },
    advice: { shared: true, value: { advice: "as-planned", label: "Train as planned", reasons: [], checkIn: "none" } },
    load7: options.load === null ? { shared: false } : { shared: true, value: options.load ?? 100 },
    acwr: { shared: true, value: { value: 1, band: "usual" } },
    tsb: { shared: true, value: 0 },
    rhr: { shared: true, value: { value: 50, baselineMean: 50, baselineSd: 1, delta: 0, elevated: false, baselineN: 20 } },
    hrv: { shared: true, value: { rolling7: 4, bandLow: 3.9, bandHigh: 4.1, status: "within", baselineN: 20 } },
    sleep7: options.sleep === undefined || options.sleep === null ? { shared: false } : { shared: true, value: { averageMinutes: options.sleep, nights: 7 } },
    sparkline: { shared: true, value: [] },
  };
}

const rows = [
  row("Cleo", { risk: "watch", load: 300, sleep: 420 }),
  row("Ana", { risk: "high", load: 500 }),
  row("Ben", { risk: null, load: null, state: "reconnect_needed" }),
  row("Dan", { risk: "insufficient-data", load: 50, sleep: 480, stale: true }),
  row("Eve", { risk: "none", load: 200, state: "never_synced" }),
];

describe("sortRosterRows", () => {
  it.each([
    ["risk", "desc", ["Ana", "Cleo", "Eve", "Dan", "Ben"]],
    ["risk", "asc", ["Dan", "Eve", "Cleo", "Ana", "Ben"]],
    ["name", "asc", ["Ana", "Ben", "Cleo", "Dan", "Eve"]],
    ["load7", "desc", ["Ana", "Cleo", "Eve", "Dan", "Ben"]],
    ["sleep7", "asc", ["Cleo", "Dan", "Ana", "Ben", "Eve"]],
    ["health", "desc", ["Ben", "Eve", "Ana", "Cleo", "Dan"]],
  ] as const)("%s %s", (key, direction, expected) => {
    expect(sortRosterRows(rows, key, direction).map((item) => item.name)).toEqual(expected);
  });
});

describe("filterRosterRows", () => {
  it.each([
    ["all", "", ["Cleo", "Ana", "Ben", "Dan", "Eve"]],
    ["flagged", "", ["Cleo", "Ana"]],
    ["stale", "", ["Dan", "Eve"]],
    ["not-connected", "", ["Ben"]],
    ["all", "  e ", ["Cleo", "Ben", "Eve"]],
    ["flagged", "AN", ["Ana"]],
  ] as const)("%s / %j", (filter, search, expected) => {
    expect(filterRosterRows(rows, filter, search).map((item) => item.name)).toEqual(expected);
  });
});

describe("summarizeRoster", () => {
  it("counts risk levels, unshared risk, stale and not connected", () => {
    expect(summarizeRoster(rows)).toEqual({
      athletes: 5,
      byRisk: { high: 1, elevated: 0, watch: 1, none: 1, "insufficient-data": 1 },
      riskNotShared: 1,
      flagged: 2,
      stale: 2,
      notConnected: 1,
    });
  });

  it("an athlete without a connection and without a baseline is Not connected, not Building baseline", () => {
    const summary = summarizeRoster([row("Sofia", { risk: "insufficient-data", state: "reconnect_needed" }), row("Tom", { risk: "insufficient-data" })]);
    expect(summary.byRisk["insufficient-data"]).toBe(1);
    expect(summary.notConnected).toBe(1);
    expect(summary.riskNotShared).toBe(0);
  });
});
