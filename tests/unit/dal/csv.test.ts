import { describe, expect, it } from "vitest";
import { toCsv, type CsvCell } from "@/lib/dal/csv";
import { toRosterCsv } from "@/lib/dal/roster/csv";
import type { RosterDTO, RosterRowDTO } from "@/lib/dal/roster/roster";

describe("toCsv", () => {
  it.each<[CsvCell, string]>([
    ["plain", "plain"],
    [null, ""],
    [42, "42"],
    [-5, "-5"],
    [1.25, "1.25"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["x\ny", '"x\ny"'],
    ["x\ry", '"x\ry"'],
    ["=1+1", "'=1+1"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "\"'\r=1\""],
    ["＝1", "'＝1"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["a=1", "a=1"],
    ["2026-03-04", "2026-03-04"],
  ])("writes %j as %j", (cell, expected) => {
    expect(toCsv(["h"], [[cell]])).toBe(`h\r\n${expected}\r\n`);
  });

  it("writes the header even with no records, CRLF after every record", () => {
    expect(toCsv(["a", "b"], [])).toBe("a,b\r\n");
    expect(toCsv(["a", "b"], [["1", 2], [null, "x"]])).toBe("a,b\r\n1,2\r\n,x\r\n");
  });
});

describe("toRosterCsv", () => {
  const row: RosterRowDTO = {
    athleteId: "u-1",
    name: "=cmd|' /C calc'!A0",
    athleteName: "=cmd|' /C calc'!A0",
    rosterLabel: null,
    scopes: ["training"],
    health: { state: "ok", lastSuccessAt: Date.UTC(2026, 2, 4, 6, 30), runningRunId: null, stale: false, lastError: null },
    today: "2026-03-04",
    dataThrough: "2026-03-04",
    lastNight: null,
    gap: null,
    risk: { shared: true, value: { level: "elevated", reasons: ["-ACWR 1.6", "@load spike"], context: null, message: null } },
    advice: { shared: false },
    load7: { shared: true, value: 412.456 },
    acwr: { shared: true, value: { value: 1.6049, band: null } },
    tsb: { shared: true, value: -12.344 },
    rhr: { shared: false },
    hrv: { shared: false },
    sleep7: { shared: false },
    sparkline: { shared: false },
  };
  const roster: RosterDTO = { teamId: "t-1", teamName: "Squad", generatedAt: 0, rows: [row] };

  it("guards formula-like names and reasons, rounds numbers and keeps negative numbers numeric", () => {
    const [header, line, end] = toRosterCsv(roster).split("\r\n");
    expect(header.split(",")[0]).toBe("athlete");
    expect(end).toBe("");
    expect(line).toBe(
      "'=cmd|' /C calc'!A0,u-1,training,ok,2026-03-04T06:30:00.000Z,no,2026-03-04,elevated,'-ACWR 1.6; @load spike,not shared,not shared,412.46,1.6,-12.34,not shared,not shared,not shared,not shared,not shared,not shared",
    );
  });
});
