/**
 * Walks an opened archive entry by entry: classify by basename, parse by keys, hand every parsed record to a
 * sink (the database writer, or nothing for the benchmark's floor), and count per type. A file that fails to
 * parse is quarantined with its entry name and the error, and the walk goes on (polar-export.md, preamble).
 */
import { classifyEntry, type EntryKind, type ImportType } from "@/lib/import/classify";
import { parseExportJson } from "@/lib/import/json";
import type {
  ImportedActivity,
  ImportedHeartRateDay,
  ImportedPhysicalInfo,
  ImportedRecharge,
  ImportedSession,
  ImportedSleep,
} from "@/lib/import/model";
import { parseActivity, parseHeartRateMonth, parsePhysicalInfoHistory, parseRecharge, parseSleepResult, sleepScoreSchema, type SleepScore } from "@/lib/import/daily";
import { NotASessionError, parseSessionEntry } from "@/lib/import/sessions";
import type { ArchiveEntry, OpenedArchive } from "@/lib/import/zip";

/** What the sink did with one record. */
export type ItemOutcome = { status: "imported" } | { status: "present" } | { status: "skipped"; reason: string };

export type ImportSink = {
  session(item: ImportedSession, entry: ArchiveEntry): ItemOutcome;
  activity(item: ImportedActivity, entry: ArchiveEntry): ItemOutcome;
  sleep(item: ImportedSleep, entry: ArchiveEntry): ItemOutcome;
  recharge(item: ImportedRecharge, entry: ArchiveEntry): ItemOutcome;
  heartRateDay(item: ImportedHeartRateDay, entry: ArchiveEntry): ItemOutcome;
  physicalInfo(item: ImportedPhysicalInfo, entry: ArchiveEntry): ItemOutcome;
  /** Called after each entry: the caller commits and records progress here. */
  entryDone?(entry: ArchiveEntry, position: number): void;
};

export type Quarantined = { entry: string; error: string };

export type TypeSummary = {
  imported: number;
  present: number;
  skipped: Record<string, number>;
  quarantined: Quarantined[];
  files: { done: number; total: number };
  bytes: { done: number; total: number };
};

export type ImportSummary = {
  types: Record<ImportType, TypeSummary>;
  /** Entries not imported by design (plans, pictures, settings), counted by reason. */
  skippedEntries: Record<string, number>;
  unknownEntries: string[];
};

const TYPE_BY_KIND: Partial<Record<EntryKind["kind"], ImportType>> = {
  session: "sessions",
  activity: "activity",
  "heart-rate-month": "heartRate",
  "sleep-result": "sleep",
  "sleep-score": "sleep",
  recharge: "recharge",
  calendar: "physicalInfo",
};

export function createEmptySummary(): ImportSummary {
  const empty = (): TypeSummary => ({ imported: 0, present: 0, skipped: {}, quarantined: [], files: { done: 0, total: 0 }, bytes: { done: 0, total: 0 } });
  const types: Record<ImportType, TypeSummary> = {
    sessions: empty(),
    activity: empty(),
    sleep: empty(),
    recharge: empty(),
    heartRate: empty(),
    physicalInfo: empty(),
  };
  return { types, skippedEntries: {}, unknownEntries: [] };
}

export type PlannedEntry = { entry: ArchiveEntry; kind: EntryKind; type: ImportType | null };

/**
 * The work list in processing order: sleep scores first (joined to results on `night`), then archive order.
 * Totals per type are filled into `summary` so progress can show "done of total" from the start.
 */
export function planEntries(archive: OpenedArchive, summary: ImportSummary): PlannedEntry[] {
  const planned = archive.entries.map((entry) => {
    const kind = classifyEntry(entry.basename);
    return { entry, kind, type: TYPE_BY_KIND[kind.kind] ?? null };
  });
  for (const item of planned) {
    if (!item.type) continue;
    summary.types[item.type].files.total++;
    summary.types[item.type].bytes.total += item.entry.uncompressedSize;
  }
  const scores = planned.filter((item) => item.kind.kind === "sleep-score");
  return [...scores, ...planned.filter((item) => item.kind.kind !== "sleep-score")];
}

function count(summary: TypeSummary, outcome: ItemOutcome): void {
  if (outcome.status === "imported") summary.imported++;
  else if (outcome.status === "present") summary.present++;
  else summary.skipped[outcome.reason] = (summary.skipped[outcome.reason] ?? 0) + 1;
}

function asArray(json: unknown, what: string): unknown[] {
  if (!Array.isArray(json)) throw new Error(`expected an array of ${what}`);
  return json;
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return `invalid JSON: ${error.message.slice(0, 200)}`;
  if (error && typeof error === "object" && "issues" in error && Array.isArray(error.issues)) {
    const issue = error.issues[0] as { path?: PropertyKey[]; message?: string } | undefined;
    return `unexpected shape at ${(issue?.path ?? []).map(String).join(".") || "(root)"}: ${issue?.message ?? "invalid"}`;
  }
  return error instanceof Error ? error.message.slice(0, 300) : String(error);
}

/**
 * Processes `plan` from `position` on (a resumed run skips what a previous attempt finished). Per-record
 * errors inside an array file (one bad night) are quarantined per record; a file that does not parse at all
 * is quarantined whole.
 */
export async function readEntries(archive: OpenedArchive, plan: PlannedEntry[], sink: ImportSink, summary: ImportSummary, position = 0): Promise<void> {
  const scores = new Map<string, SleepScore>();
  for (let i = 0; i < plan.length; i++) {
    const { entry, kind, type } = plan[i];
    // Sleep scores are re-read on resume: results after them need the join.
    if (i < position && kind.kind !== "sleep-score") continue;
    if (kind.kind === "skipped") {
      if (i >= position) summary.skippedEntries[kind.reason] = (summary.skippedEntries[kind.reason] ?? 0) + 1;
    } else if (kind.kind === "unknown") {
      if (i >= position) summary.unknownEntries.push(entry.name);
    } else if (type) {
      const typeSummary = summary.types[type];
      const quarantine = (error: unknown): void => {
        typeSummary.quarantined.push({ entry: entry.name, error: describe(error) });
      };
      try {
        const json = parseExportJson(await archive.readText(entry));
        switch (kind.kind) {
          case "session":
            try {
              count(typeSummary, sink.session(parseSessionEntry(json, entry.basename), entry));
            } catch (error) {
              if (!(error instanceof NotASessionError)) throw error;
              count(typeSummary, { status: "skipped", reason: `not a training session (${error.message})` });
            }
            break;
          case "activity":
            count(typeSummary, sink.activity(parseActivity(json), entry));
            break;
          case "heart-rate-month":
            for (const day of parseHeartRateMonth(json)) count(typeSummary, sink.heartRateDay(day, entry));
            break;
          case "sleep-score":
            for (const item of asArray(json, "sleep scores")) {
              const parsed = sleepScoreSchema.safeParse(item);
              if (parsed.success) scores.set(parsed.data.night, parsed.data);
            }
            break;
          case "sleep-result":
            for (const item of asArray(json, "nights")) {
              const night = item && typeof item === "object" && "night" in item ? String(item.night) : "";
              try {
                count(typeSummary, sink.sleep(parseSleepResult(item, scores.get(night)), entry));
              } catch (error) {
                typeSummary.quarantined.push({ entry: `${entry.name}#${night || "?"}`, error: describe(error) });
              }
            }
            break;
          case "recharge":
            for (const item of asArray(json, "nights")) {
              const night = item && typeof item === "object" && "night" in item ? String(item.night) : "";
              try {
                count(typeSummary, sink.recharge(parseRecharge(item), entry));
              } catch (error) {
                typeSummary.quarantined.push({ entry: `${entry.name}#${night || "?"}`, error: describe(error) });
              }
            }
            break;
          case "calendar":
            for (const info of parsePhysicalInfoHistory(json)) count(typeSummary, sink.physicalInfo(info, entry));
            break;
        }
      } catch (error) {
        if (i < position) continue;
        quarantine(error);
      }
      if (i >= position) {
        typeSummary.files.done++;
        typeSummary.bytes.done += entry.uncompressedSize;
      }
    }
    if (i >= position) sink.entryDone?.(entry, i + 1);
  }
}
