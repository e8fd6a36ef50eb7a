/** An import's summary in the sync log's terms: counts per resource, files done of total, errors in words. */
import type { ImportType } from "@/lib/import/classify";
import type { ImportSummary } from "@/lib/import/read";
import type { RunProgress } from "@/lib/sync/runs";
import type { SyncCounts, SyncResource, SyncRunError, SyncRunStatus } from "@/lib/sync/types";

export const RESOURCE_BY_TYPE: Record<ImportType, SyncResource> = {
  sessions: "exercise",
  activity: "activity",
  sleep: "sleep",
  recharge: "nightly-recharge",
  heartRate: "continuous-hr",
  physicalInfo: "physical-info",
};

export const TYPE_LABELS: Record<ImportType, string> = {
  sessions: "training sessions",
  activity: "daily activity",
  sleep: "sleep",
  recharge: "Nightly Recharge",
  heartRate: "24/7 heart rate",
  physicalInfo: "physical settings",
};

function sumSkipped(skipped: Record<string, number>): number {
  return Object.values(skipped).reduce((a, b) => a + b, 0);
}

export function toRunProgress(summary: ImportSummary, step: string): RunProgress {
  const counts: Partial<Record<SyncResource, SyncCounts>> = {};
  let done = 0;
  let total = 0;
  const errors: SyncRunError[] = [];
  for (const [type, s] of Object.entries(summary.types) as [ImportType, ImportSummary["types"][ImportType]][]) {
    done += s.files.done;
    total += s.files.total;
    if (s.files.total === 0) continue;
    // "Already present" and "skipped" are both records the import did not write: unchanged.
    counts[RESOURCE_BY_TYPE[type]] = { new: s.imported, updated: 0, unchanged: s.present + sumSkipped(s.skipped), quarantined: s.quarantined.length };
    if (s.quarantined.length > 0) {
      errors.push({
        resource: RESOURCE_BY_TYPE[type],
        code: "quarantined",
        message: `${s.quarantined.length} ${TYPE_LABELS[type]} ${s.quarantined.length === 1 ? "file or record" : "files or records"} of the archive could not be read and ${s.quarantined.length === 1 ? "was" : "were"} set aside; everything else was imported.`,
      });
    }
  }
  return { step, itemsDone: done, itemsTotal: total, counts, errors, requestCount: 0 };
}

export function toFinalStatus(summary: ImportSummary): SyncRunStatus {
  return Object.values(summary.types).some((s) => s.quarantined.length > 0) ? "partial" : "succeeded";
}

/** "Importing training sessions: 120 of 820 files". */
export function describeStep(summary: ImportSummary, type: ImportType | null): string {
  if (!type) return "Importing";
  const s = summary.types[type];
  return `Importing ${TYPE_LABELS[type]}: ${s.files.done} of ${s.files.total} files`;
}
