import { asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { polarConnections } from "@/db/schema/auth";
import { exercises } from "@/db/schema/polar-data";
import { TRIMP_NEEDS_SEX } from "@/lib/analytics";
import type { Viewer } from "@/lib/auth/session";
import { getBody } from "@/lib/dal/body/body";
import { saveAthleteOverrides, type AthleteOverridesInput } from "@/lib/dal/body/overrides";
import { getSessionDetail } from "@/lib/dal/sessions/detail";
import { createTestDb, insertAthlete, storePhysiology, storeSession, type TestDb } from "./fixtures";

const NOW = Date.UTC(2026, 2, 31, 12);
const ID = "athlete";
const viewer: Viewer = { userId: ID, polarUserId: 1, name: null };

const opened: TestDb[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});

/** An athlete whose Polar profile gives a birthdate but no sex (Polar's `gender` missing). */
function createAthlete(): TestDb {
  const t = createTestDb();
  opened.push(t);
  insertAthlete(t.db, ID, 1);
  t.db.update(polarConnections).set({ polarProfileJson: JSON.stringify({ birthdate: "1990-06-15" }) }).where(eq(polarConnections.userId, ID)).run();
  return t;
}

/** Sessions as the sync stores them: HR samples with a dropout, average HR only, and no HR at all. */
function syncSessions(db: Db): void {
  storePhysiology(db, ID, 188, 52);
  storeSession(db, ID, { id: 1, start: "2026-03-02T07:00:00", hr: [100, 120, 140, 160, null, 175, 182, 150], rate: 5, cardioLoad: 55 });
  storeSession(db, ID, { id: 2, start: "2026-03-05T18:00:00", hr: Array.from({ length: 60 }, (_, k) => 110 + (k % 40)), rate: 1 });
  storeSession(db, ID, { id: 3, start: "2026-03-09T07:00:00" });
}

function derivedRows(db: Db) {
  return db
    .select({
      polarExerciseId: exercises.polarExerciseId,
      z0: exercises.zone0Seconds,
      z1: exercises.zone1Seconds,
      z2: exercises.zone2Seconds,
      z3: exercises.zone3Seconds,
      z4: exercises.zone4Seconds,
      z5: exercises.zone5Seconds,
      noDataSeconds: exercises.noDataSeconds,
      trimp: exercises.trimp,
      trimpMethod: exercises.trimpMethod,
      hrMaxUsed: exercises.hrMaxUsed,
      hrRestUsed: exercises.hrRestUsed,
      hrMaxSource: exercises.hrMaxSource,
    })
    .from(exercises)
    .orderBy(asc(exercises.polarExerciseId))
    .all()
    .map(({ z0, z1, z2, z3, z4, z5, ...row }) => ({ ...row, zones: [z0, z1, z2, z3, z4, z5] }));
}

/** The rows after syncing first and saving the overrides later, and after saving first and syncing later. */
function bothOrders(overrides: AthleteOverridesInput) {
  const savedLater = createAthlete();
  syncSessions(savedLater.db);
  saveAthleteOverrides(savedLater.db, viewer, overrides, { now: NOW });
  const syncedLater = createAthlete();
  saveAthleteOverrides(syncedLater.db, viewer, overrides, { now: NOW });
  syncSessions(syncedLater.db);
  return { saved: derivedRows(savedLater.db), synced: derivedRows(syncedLater.db), db: savedLater.db };
}

describe("one derivation for a session's numbers", () => {
  it.each<[string, AthleteOverridesInput]>([
    ["HRmax and the HRR model, sex unknown", { hrmax: 195, hrrest: 48, sex: null, zoneModel: "hrr" }],
    ["sex set, Polar's HRmax", { hrmax: null, hrrest: null, sex: "female", zoneModel: null }],
    ["nothing overridden", { hrmax: null, hrrest: null, sex: null, zoneModel: null }],
  ])("saving overrides and a fresh sync produce identical rows (%s)", (_name, overrides) => {
    const { saved, synced } = bothOrders(overrides);
    expect(saved).toHaveLength(3);
    expect(saved).toEqual(synced);
  });

  it("leaves TRIMP empty while the sex is unknown, and says why, on both paths", () => {
    const { saved, synced, db } = bothOrders({ hrmax: 195, hrrest: 48, sex: null, zoneModel: null });
    expect(saved.map((row) => row.trimp)).toEqual([null, null, null]);
    expect(synced.map((row) => row.trimp)).toEqual([null, null, null]);
    // Zones need no sex: they are computed.
    expect(saved[0].zones.every((seconds) => seconds !== null)).toBe(true);
    const session = db.select({ id: exercises.id }).from(exercises).where(eq(exercises.polarExerciseId, 1)).get();
    expect(getSessionDetail(db, viewer, "me", session?.id ?? -1).trimpMissingReason).toBe(TRIMP_NEEDS_SEX);
    expect(getBody(db, viewer, "me", { now: NOW }).settings.sex).toMatchObject({ value: null, source: "unknown" });
  });

  it("computes TRIMP on both paths once the sex is set", () => {
    const { saved } = bothOrders({ hrmax: null, hrrest: null, sex: "male", zoneModel: null });
    expect(saved[0].trimp).toBeGreaterThan(0);
    expect(saved[0].trimpMethod).toBe("segments");
    expect(saved[0].hrMaxSource).toBe("physical-info");
  });
});
