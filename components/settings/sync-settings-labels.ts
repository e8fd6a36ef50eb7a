import type { SyncSettings } from "@/lib/sync/settings";

export type { SyncSettings };

/**
 * The athlete's choice of synced data types (design §6) as Settings shows it: the keys in display order and
 * their words. No zod and no server imports, so the form's bundle stays small.
 */

export const SYNC_SETTING_KEYS = ["training", "dailyActivity", "sleep", "recovery", "continuousHr", "cardioLoad", "body"] as const satisfies readonly (keyof SyncSettings)[];

export const SYNC_SETTING_LABELS: Record<keyof SyncSettings, { label: string; description: string }> = {
  training: { label: "Training sessions", description: "Exercises with heart rate, zones and samples" },
  dailyActivity: { label: "Daily activity", description: "Steps, active time and calories" },
  sleep: { label: "Sleep", description: "Nights, stages and sleep score" },
  recovery: { label: "Nightly Recharge", description: "Nightly heart rate and HRV" },
  continuousHr: { label: "Continuous heart rate", description: "Heart rate through the day" },
  cardioLoad: { label: "Cardio load", description: "Polar's cardio-load status" },
  body: { label: "Physical information", description: "Weight, HRmax, resting HR and VO2max from Polar" },
};
