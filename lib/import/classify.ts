/**
 * Which kind of file an archive entry is, from its basename (polar-export.md §1): the prefixes changed over
 * the years, so the kind is confirmed later from the JSON keys. `nightly_recovery_blob_` is tested before
 * `nightly_recovery_`, and `training-target-` files are plans, never sessions.
 */

export const IMPORT_TYPES = ["sessions", "activity", "sleep", "recharge", "heartRate", "physicalInfo"] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export type EntryKind =
  | { kind: "session" }
  | { kind: "activity" }
  | { kind: "heart-rate-month" }
  | { kind: "sleep-result" }
  | { kind: "sleep-score" }
  | { kind: "recharge" }
  | { kind: "calendar" }
  | { kind: "skipped"; reason: string }
  | { kind: "unknown" };

const SKIPPED: [RegExp, string][] = [
  [/^training-target-/, "planned workout (training target), not a recording"],
  [/^ppi_samples_/, "beat-to-beat (PPI) samples are not imported"],
  [/^sleep_wake_/, "sleep/wake states are covered by the sleep results"],
  [/^nightly_recovery_blob_/, "Nightly Recharge samples carry no night to attach them to"],
  [/^(account-data|account-profile|products-devices|sport-profiles|programs-|favourite-targets|planned-route)/, "account and device settings are not training data"],
  [/^(fitness-test-results|orthostatic-test-result|generic-period)/, "tests and spot measurements are not imported"],
  [/^profile-picture-/, "profile picture"],
];

export function classifyEntry(basename: string): EntryKind {
  if (/^training-session[-_]/.test(basename)) return { kind: "session" };
  for (const [pattern, reason] of SKIPPED) if (pattern.test(basename)) return { kind: "skipped", reason };
  if (!basename.toLowerCase().endsWith(".json")) return { kind: "unknown" };
  if (/^activity-\d{4}-\d{2}-\d{2}/.test(basename)) return { kind: "activity" };
  if (/^247ohr_\d{4}_\d{2}/.test(basename)) return { kind: "heart-rate-month" };
  if (basename.startsWith("sleep_result_")) return { kind: "sleep-result" };
  if (basename.startsWith("sleep_score_")) return { kind: "sleep-score" };
  if (basename.startsWith("nightly_recovery_")) return { kind: "recharge" };
  if (basename.startsWith("calendar-items-")) return { kind: "calendar" };
  return { kind: "unknown" };
}
