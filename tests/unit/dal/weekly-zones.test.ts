import { describe, expect, it } from "vitest";
import { sumZoneMinutes } from "@/lib/dal/sessions/weekly-zones";

describe("sumZoneMinutes", () => {
  it("adds each zone's seconds over the sessions, in minutes; a session without HR adds nothing", () => {
    const rows = [
      { z1: 600, z2: 1200, z3: 300, z4: 0, z5: 60 },
      { z1: null, z2: null, z3: null, z4: null, z5: null },
      { z1: 60, z2: 0, z3: 90, z4: 120, z5: 0 },
    ];
    expect(sumZoneMinutes(rows)).toEqual([11, 20, 6.5, 2, 1]);
  });

  it("is five zeros for no sessions", () => {
    expect(sumZoneMinutes([])).toEqual([0, 0, 0, 0, 0]);
  });
});
