import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { athletePhysiologyOverrides, users } from "@/db/schema";
import { deriveSession } from "@/lib/sync/derive";
import { loadPhysiology } from "@/lib/sync/derive";

describe("physiology used at ingest", () => {
  it("applies the athlete's overrides over Polar's values, so a re-sync keeps them", () => {
    const db = openDatabase(":memory:");
    const athleteId = db.insert(users).values({ name: "Test" }).returning({ id: users.id }).get().id;
    expect(loadPhysiology(db, athleteId, "2026-05-01")).toMatchObject({ hrMax: null, hrMaxSource: null, zoneModel: "polar-hrmax" });

    db.insert(athletePhysiologyOverrides)
      .values({ athleteId, hrmax: 185, hrrest: 48, sex: "female", zoneModel: "hrr", updatedAt: new Date(0) })
      .run();
    expect(loadPhysiology(db, athleteId, "2026-05-01")).toEqual({
      hrMax: 185,
      hrRest: 48,
      sex: "female",
      hrMaxSource: "override",
      zoneModel: "hrr",
    });
  });

  it("uses heart-rate-reserve zones when the athlete chose them", () => {
    // HRmax 190, HRrest 60: %HRmax Z1 starts at 95 bpm, HRR Z1 at 60 + 0.5 × 130 = 125 bpm.
    const hrValues = Array.from({ length: 10 }, () => 120);
    const base = { hrValues, recordingRateSeconds: 1, averageHr: 120, durationSeconds: 10 };
    const physiology = { hrMax: 190, hrRest: 60, sex: "male" as const, hrMaxSource: "override" as const };
    const percent = deriveSession({ ...base, physiology: { ...physiology, zoneModel: "polar-hrmax" } });
    const reserve = deriveSession({ ...base, physiology: { ...physiology, zoneModel: "hrr" } });
    expect(percent.zones?.zones[2]).toBe(10);
    expect(reserve.zones?.zones[0]).toBe(10);
    expect(reserve.zones?.zones[2]).toBe(0);
  });
});
