import type { SyncCounts, SyncResource, SyncRunError, SyncSkipReason } from "./types";

/**
 * Plain words for fetched records that were not stored. A placeholder is Polar's padding for a day without
 * data: expected and not news, so it is counted but never reported. Every other skip is reported with its
 * reason, and a resource that fetched records and stored none of them says so instead of looking done.
 */

const REASON_WORDS: Record<Exclude<SyncSkipReason, "placeholder">, string> = {
  "after-today": "dated after today",
};

/** Reported skips of one resource's counts: reason → count (placeholders left out). */
export function listReportedSkips(counts: SyncCounts): [Exclude<SyncSkipReason, "placeholder">, number][] {
  const out: [Exclude<SyncSkipReason, "placeholder">, number][] = [];
  for (const reason of Object.keys(REASON_WORDS) as Exclude<SyncSkipReason, "placeholder">[]) {
    const n = counts.skipped?.[reason] ?? 0;
    if (n > 0) out.push([reason, n]);
  }
  return out;
}

/** "3 skipped: dated after today" (each reason of one resource, joined). */
export function describeSkips(counts: SyncCounts): string | null {
  const skips = listReportedSkips(counts);
  if (skips.length === 0) return null;
  return skips.map(([reason, n]) => `${n} skipped: ${REASON_WORDS[reason]}`).join("; ");
}

/** One `skipped` (or `nothing_stored`) entry per resource whose fetched records were not all stored. */
export function describeUnstored(byResource: Partial<Record<SyncResource, SyncCounts>>): SyncRunError[] {
  const errors: SyncRunError[] = [];
  for (const [resource, counts] of Object.entries(byResource) as [SyncResource, SyncCounts][]) {
    const skips = describeSkips(counts);
    if (skips === null) continue;
    const stored = counts.new + counts.updated + counts.unchanged;
    errors.push(
      stored === 0
        ? { resource, code: "nothing_stored", message: `Polar sent records but none could be stored (${skips}).` }
        : { resource, code: "skipped", message: `${skips}; everything else was stored.` },
    );
  }
  return errors;
}
