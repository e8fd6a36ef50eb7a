import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { athleteSyncSettings } from "@/db/schema/sync";
import type { SyncResource } from "./types";

/** Which data types the athlete lets us sync; every type is on until they switch it off. */
export type SyncSettings = {
  training: boolean;
  dailyActivity: boolean;
  sleep: boolean;
  /** Nightly Recharge. */
  recovery: boolean;
  continuousHr: boolean;
  cardioLoad: boolean;
  /** Physical information. */
  body: boolean;
};

export const DEFAULT_SYNC_SETTINGS: SyncSettings = {
  training: true,
  dailyActivity: true,
  sleep: true,
  recovery: true,
  continuousHr: true,
  cardioLoad: true,
  body: true,
};

const RESOURCE_SETTING: Record<SyncResource, keyof SyncSettings> = {
  exercise: "training",
  activity: "dailyActivity",
  sleep: "sleep",
  "nightly-recharge": "recovery",
  "continuous-hr": "continuousHr",
  "cardio-load": "cardioLoad",
  "physical-info": "body",
};

export function getSyncSettings(db: Db, athleteId: string): SyncSettings {
  const row = db.select().from(athleteSyncSettings).where(eq(athleteSyncSettings.athleteId, athleteId)).get();
  if (!row) return { ...DEFAULT_SYNC_SETTINGS };
  return {
    training: row.training,
    dailyActivity: row.dailyActivity,
    sleep: row.sleep,
    recovery: row.recovery,
    continuousHr: row.continuousHr,
    cardioLoad: row.cardioLoad,
    body: row.body,
  };
}

/**
 * Saves the athlete's choice. Rows of a type switched off are deleted by the next run (which also stops
 * requesting it), so the change takes effect in one place.
 */
export function saveSyncSettings(db: Db, athleteId: string, settings: SyncSettings, now: number): void {
  const values = { athleteId, ...settings, updatedAt: now };
  db.insert(athleteSyncSettings)
    .values(values)
    .onConflictDoUpdate({ target: athleteSyncSettings.athleteId, set: { ...settings, updatedAt: now } })
    .run();
}

export function resourcesEnabled(settings: SyncSettings): Set<SyncResource> {
  return new Set(
    (Object.keys(RESOURCE_SETTING) as SyncResource[]).filter((resource) => settings[RESOURCE_SETTING[resource]]),
  );
}
