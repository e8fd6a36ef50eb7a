/** The database side of an import: each record through its writer, each chunk of entries in one transaction. */
import type { Db } from "@/db/client";
import type { ImportSink } from "@/lib/import/read";
import { storeImportedActivity, storeImportedHeartRateDay, storeImportedPhysicalInfo, storeImportedRecharge, storeImportedSleep } from "@/lib/import/store-daily";
import { storeImportedSession, type ImportProvenance } from "@/lib/import/store-sessions";
import type { ArchiveEntry } from "@/lib/import/zip";

export function createDatabaseSink(
  db: Db,
  athleteId: string,
  archive: Omit<ImportProvenance, "entryName">,
  done: { entry: (entry: ArchiveEntry, position: number) => void; chunk: (position: number) => void },
): ImportSink {
  const prov = (entry: ArchiveEntry): ImportProvenance => ({ ...archive, entryName: entry.name });
  return {
    session: (item, entry, raw) => storeImportedSession(db, athleteId, item, raw, prov(entry)),
    activity: (item, entry, raw) => storeImportedActivity(db, athleteId, item, raw, prov(entry)),
    sleep: (item, entry, raw) => storeImportedSleep(db, athleteId, item, raw, prov(entry)),
    recharge: (item, entry, raw) => storeImportedRecharge(db, athleteId, item, raw, prov(entry)),
    heartRateDay: (item, entry, raw) => storeImportedHeartRateDay(db, athleteId, item, raw, prov(entry)),
    physicalInfo: (item, entry, raw) => storeImportedPhysicalInfo(db, athleteId, item, raw, prov(entry)),
    runChunk: (work) => {
      db.transaction(() => work());
    },
    entryDone: done.entry,
    chunkDone: done.chunk,
  };
}
