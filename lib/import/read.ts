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
  session(item: ImportedSession, entry: ArchiveEntry, raw: unknown): ItemOutcome;
  activity(item: ImportedActivity, entry: ArchiveEntry, raw: unknown): ItemOutcome;
  sleep(item: ImportedSleep, entry: ArchiveEntry, raw: unknown): ItemOutcome;
  recharge(item: ImportedRecharge, entry: ArchiveEntry, raw: unknown): ItemOutcome;
  heartRateDay(item: ImportedHeartRateDay, entry: ArchiveEntry, raw: unknown): ItemOutcome;
  physicalInfo(item: ImportedPhysicalInfo, entry: ArchiveEntry, raw: unknown): ItemOutcome;
  /**
   * Runs a chunk of entries' work (their writes, each followed by `entryDone`) as one unit: the database writer
   * wraps it in one transaction, so a chunk is either wholly stored with its position and counts, or not at all.
   */
  runChunk?(work: () => void): void;
  /** Called after each entry's records inside `runChunk`, with the number of entries now finished. */
  entryDone?(entry: ArchiveEntry, position: number): void;
  /** Called last inside `runChunk`, with the number of entries finished with this chunk: where a resume starts. */
  chunkDone?(position: number): void;
};

/**
 * How many entries are read before they are written together in one transaction: one commit per entry cost
 * more than some entries' rows. Bounded by count and by text held in memory at once.
 */
export type ChunkLimits = { entries: number; bytes: number };
export const DEFAULT_CHUNK: ChunkLimits = { entries: 16, bytes: 1024 * 1024 };

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
 * The work list in processing order: the settings history first (sessions are derived with the HRmax and
 * resting HR it brings, as the sync reads physical info first), sleep scores next (joined to results on
 * `night`), then archive order.
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
  const first = (kind: EntryKind["kind"]) => planned.filter((item) => item.kind.kind === kind);
  return [...first("calendar"), ...first("sleep-score"), ...planned.filter((item) => item.kind.kind !== "calendar" && item.kind.kind !== "sleep-score")];
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
 * Processes `plan` from `position` on (a resumed run skips what a previous attempt finished), a chunk of
 * entries at a time. Per-record errors inside an array file (one bad night) are quarantined per record; a file
 * that does not parse at all is quarantined whole.
 */
export async function readEntries(
  archive: OpenedArchive,
  plan: PlannedEntry[],
  sink: ImportSink,
  summary: ImportSummary,
  position = 0,
  chunk: ChunkLimits = DEFAULT_CHUNK,
): Promise<void> {
  const scores = new Map<string, SleepScore>();
  const runChunk = sink.runChunk ?? ((work: () => void) => work());
  // Scores a previous attempt already counted are read again: the results after them need the join.
  for (let i = 0; i < Math.min(position, plan.length); i++) {
    if (plan[i].kind.kind === "sleep-score") await readScores(archive, plan[i].entry, scores);
  }
  let i = position;
  while (i < plan.length) {
    const read: { index: number; text: string | null; readError: unknown; scoreError?: string | null }[] = [];
    let bytes = 0;
    while (i < plan.length && read.length < chunk.entries && (read.length === 0 || bytes + plan[i].entry.uncompressedSize <= chunk.bytes)) {
      const { entry, kind, type } = plan[i];
      if (kind.kind === "sleep-score") {
        read.push({ index: i, text: null, readError: null, scoreError: await readScores(archive, entry, scores) });
      } else {
        let text: string | null = null;
        let readError: unknown = null;
        if (type) {
          try {
            text = await archive.readText(entry);
            bytes += entry.uncompressedSize;
          } catch (error) {
            readError = error;
          }
        }
        read.push({ index: i, text, readError });
      }
      i++;
    }
    runChunk(() => {
      for (const { index, text, readError, scoreError } of read) {
        if (scoreError !== undefined) countScores(plan[index].entry, scoreError, summary);
        else processEntry(plan[index], text, readError, sink, summary, scores);
        sink.entryDone?.(plan[index].entry, index + 1);
      }
      sink.chunkDone?.(i);
    });
  }
}

/** Reads a sleep-score file into `scores`; the error that made it unreadable, or null. Not stored on its own. */
async function readScores(archive: OpenedArchive, entry: ArchiveEntry, scores: Map<string, SleepScore>): Promise<string | null> {
  try {
    for (const item of asArray(parseExportJson(await archive.readText(entry)), "sleep scores")) {
      const parsed = sleepScoreSchema.safeParse(item);
      if (parsed.success) scores.set(parsed.data.night, parsed.data);
    }
    return null;
  } catch (error) {
    return describe(error);
  }
}

/** Counts a read score file in the sleep summary (in plan order, with the chunk it belongs to). */
function countScores(entry: ArchiveEntry, error: string | null, summary: ImportSummary): void {
  const typeSummary = summary.types.sleep;
  if (error !== null) typeSummary.quarantined.push({ entry: entry.name, error });
  typeSummary.files.done++;
  typeSummary.bytes.done += entry.uncompressedSize;
}

/** Parses one entry and hands its records to the sink, counting everything in `summary`. */
function processEntry(
  planned: PlannedEntry,
  text: string | null,
  readError: unknown,
  sink: ImportSink,
  summary: ImportSummary,
  scores: Map<string, SleepScore>,
): void {
  const { entry, kind, type } = planned;
  if (kind.kind === "skipped") {
    summary.skippedEntries[kind.reason] = (summary.skippedEntries[kind.reason] ?? 0) + 1;
    return;
  }
  if (kind.kind === "unknown" || !type) {
    summary.unknownEntries.push(entry.name);
    return;
  }
  const typeSummary = summary.types[type];
  typeSummary.files.done++;
  typeSummary.bytes.done += entry.uncompressedSize;
  // Per-night records of the array files are quarantined one by one: one bad night does not lose the others.
  const eachNight = (json: unknown, store: (item: unknown) => ItemOutcome): void => {
    for (const item of asArray(json, "nights")) {
      const night = item && typeof item === "object" && "night" in item ? String(item.night) : "?";
      try {
        count(typeSummary, store(item));
      } catch (error) {
        typeSummary.quarantined.push({ entry: `${entry.name}#${night}`, error: describe(error) });
      }
    }
  };
  try {
    if (readError !== null || text === null) throw readError ?? new Error("the entry could not be read");
    const json = parseExportJson(text);
    switch (kind.kind) {
      case "session": {
        let session: ImportedSession;
        try {
          session = parseSessionEntry(json, entry.basename);
        } catch (error) {
          if (!(error instanceof NotASessionError)) throw error;
          count(typeSummary, { status: "skipped", reason: `not a training session (${error.message})` });
          return;
        }
        count(typeSummary, sink.session(session, entry, json));
        return;
      }
      case "activity":
        count(typeSummary, sink.activity(parseActivity(json), entry, json));
        return;
      case "heart-rate-month":
        for (const day of parseHeartRateMonth(json)) count(typeSummary, sink.heartRateDay(day, entry, { date: day.localDate }));
        return;
      case "sleep-result":
        eachNight(json, (item) => {
          const night = item && typeof item === "object" && "night" in item ? String(item.night) : "";
          return sink.sleep(parseSleepResult(item, scores.get(night)), entry, item);
        });
        return;
      case "recharge":
        eachNight(json, (item) => sink.recharge(parseRecharge(item), entry, item));
        return;
      case "calendar":
        for (const info of parsePhysicalInfoHistory(json)) count(typeSummary, sink.physicalInfo(info, entry, info));
        return;
    }
  } catch (error) {
    typeSummary.quarantined.push({ entry: entry.name, error: describe(error) });
  }
}
