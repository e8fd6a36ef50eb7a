import { z } from "zod";
import type { SyncSettings } from "@/lib/sync/settings";

export type { SyncSettings };

/**
 * The athlete's choice of synced data types (design §6) as Settings shows and posts it. No server imports:
 * the form renders the labels, the server action parses the posted checkboxes with the schema.
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

/** A ticked checkbox posts "on"; an unticked one posts nothing (= switched off). */
const checkbox = z.literal("on").optional().transform((value) => value === "on");

export const SyncSettingsFormSchema = z.object({
  training: checkbox,
  dailyActivity: checkbox,
  sleep: checkbox,
  recovery: checkbox,
  continuousHr: checkbox,
  cardioLoad: checkbox,
  body: checkbox,
}) satisfies z.ZodType<SyncSettings>;
