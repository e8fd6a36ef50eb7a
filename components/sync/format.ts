/**
 * Words for sync progress and results, shared by the Sync button, the history page and the tests. Pure: every
 * instant is passed in.
 */

import type { SyncRunDTO } from "@/lib/contracts/sync-run";
import { describeSkips } from "@/lib/sync/skipped";

/** The run's own types (lib/contracts/sync-run.ts): one shape of a sync run everywhere outside the engine. */
export type SyncCountsByResource = SyncRunDTO["counts"];
export type SyncResourceName = keyof SyncCountsByResource;
type SyncCountsView = NonNullable<SyncCountsByResource[SyncResourceName]>;

/** Each resource in words: its name and the unit one item is (a session, a night, a day). */
export const RESOURCE_WORDS: Record<SyncResourceName, { label: string; one: string; many: string }> = {
  "physical-info": { label: "Body", one: "body record", many: "body records" },
  exercise: { label: "Training", one: "session", many: "sessions" },
  activity: { label: "Daily activity", one: "activity day", many: "activity days" },
  sleep: { label: "Sleep", one: "night", many: "nights" },
  "nightly-recharge": { label: "Nightly Recharge", one: "recharge night", many: "recharge nights" },
  "continuous-hr": { label: "Continuous heart rate", one: "heart-rate day", many: "heart-rate days" },
  "cardio-load": { label: "Cardio load", one: "cardio-load day", many: "cardio-load days" },
};

/** The engine's step texts (lib/sync) mapped to the resource they read. */
const STEP_RESOURCE: Record<string, SyncResourceName> = {
  "Reading physical information": "physical-info",
  "Reading training sessions": "exercise",
  "Reading daily activity": "activity",
  "Reading sleep": "sleep",
  "Reading Nightly Recharge": "nightly-recharge",
  "Reading continuous heart rate": "continuous-hr",
  "Reading cardio load": "cardio-load",
};

export const RESOURCE_ORDER: SyncResourceName[] = ["physical-info", "exercise", "activity", "sleep", "nightly-recharge", "continuous-hr", "cardio-load"];

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function handled(counts: SyncCountsView | undefined): number {
  return counts ? counts.new + counts.updated + counts.unchanged + counts.quarantined : 0;
}

export type ProgressInput = { step: string; itemsDone: number; itemsTotal: number; counts: SyncCountsByResource };

/**
 * "Sleep: 12 of 28 nights". The run reports one running total over all resources; the current resource's share
 * is what it has handled plus what is still open (resources run one after the other, so what remains belongs
 * to the current one).
 */
export function describeProgressStep(progress: ProgressInput): string {
  const resource = STEP_RESOURCE[progress.step];
  if (!resource) return progress.step || "Starting";
  const words = RESOURCE_WORDS[resource];
  const done = handled(progress.counts[resource]);
  const remaining = Math.max(0, progress.itemsTotal - progress.itemsDone);
  const total = done + remaining;
  if (total === 0) return `${words.label}: checking for new data`;
  return `${words.label}: ${done} of ${total} ${total === 1 ? words.one : words.many}`;
}

/**
 * The types a running sync has finished, each once with its result ("Training: 2 new"), in reading order. The
 * type being read now is left out: its state is the progress step ("Sleep: checking for new data"), so no
 * type ever shows "checking" and "nothing new" at once.
 */
export function listFinishedResources(progress: ProgressInput): { resource: SyncResourceName; text: string }[] {
  const current = STEP_RESOURCE[progress.step];
  return RESOURCE_ORDER.flatMap((resource) => {
    const counts = progress.counts[resource];
    if (!counts || resource === current) return [];
    return [{ resource, text: `${RESOURCE_WORDS[resource].label}: ${describeCounts(counts)}` }];
  });
}

/** 0..1 for the progress bar; null while the total is still unknown. */
export function progressFraction(progress: Pick<ProgressInput, "itemsDone" | "itemsTotal">): number | null {
  if (progress.itemsTotal <= 0) return null;
  return Math.min(1, Math.max(0, progress.itemsDone / progress.itemsTotal));
}

/**
 * Time left from the pace observed in this browser (first and latest observation), so server and browser
 * clocks never mix. Null until at least one item was done after the first observation.
 */
export function estimateRemainingMs(
  first: { at: number; itemsDone: number },
  latest: { at: number; itemsDone: number; itemsTotal: number },
): number | null {
  const doneSince = latest.itemsDone - first.itemsDone;
  const elapsed = latest.at - first.at;
  if (doneSince <= 0 || elapsed <= 0) return null;
  const remaining = Math.max(0, latest.itemsTotal - latest.itemsDone);
  return Math.round((remaining * elapsed) / doneSince);
}

/** "about 20 s left", "about 3 min left", "almost done". */
export function formatRemaining(ms: number | null): string | null {
  if (ms === null) return null;
  if (ms < 5_000) return "almost done";
  if (ms < 90_000) return `about ${Math.round(ms / 1000 / 5) * 5 || 5} s left`;
  return `about ${Math.round(ms / 60_000)} min left`;
}

/** Per resource: "2 new, 1 updated, 3 skipped: dated after today" (only what is not zero), or "nothing new". */
export function describeCounts(counts: SyncCountsView): string {
  const parts = [
    counts.new > 0 ? `${counts.new} new` : null,
    counts.updated > 0 ? `${counts.updated} updated` : null,
    counts.quarantined > 0 ? `${counts.quarantined} unreadable` : null,
    describeSkips(counts),
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(", ") : "nothing new";
}

/**
 * What arrived, in one line: "3 new sessions, 2 nights, 1 item could not be read". New and updated records
 * both count as arrived (an updated night is news to the athlete).
 */
export function summarizeArrivals(counts: SyncCountsByResource): { text: string; unreadable: number } {
  const parts: string[] = [];
  let unreadable = 0;
  for (const resource of RESOURCE_ORDER) {
    const value = counts[resource];
    if (!value) continue;
    unreadable += value.quarantined;
    const arrived = value.new + value.updated;
    if (arrived === 0) continue;
    const words = RESOURCE_WORDS[resource];
    parts.push(parts.length === 0 && value.new === arrived ? `${arrived} new ${arrived === 1 ? words.one : words.many}` : plural(arrived, words.one, words.many));
  }
  if (unreadable > 0) parts.push(`${plural(unreadable, "item", "items")} could not be read`);
  return { text: parts.length > 0 ? parts.join(", ") : "Nothing new since the last sync", unreadable };
}

export const TRIGGER_WORDS: Record<string, string> = {
  click: "Sync button",
  webhook: "Polar notification",
  schedule: "Scheduled",
  cli: "Command line",
  demo: "Demo setup",
};
