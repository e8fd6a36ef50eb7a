/**
 * A day's MET samples from the archive (AccessLink serves none), in their own row beside the day's activity
 * row, `source = export`. They are stored whichever source the day's summary has: the summary row is never
 * touched, and a row the API wrote is never overwritten (there is none today; the rule holds if it comes).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { dailyActivityMets } from "@/db/schema/activity-met";
import type { ImportedActivity } from "@/lib/import/model";
import { insertRow } from "@/lib/import/statements";
import { toImportEndpoint, type ImportProvenance } from "@/lib/import/store-sessions";
import { packPairs } from "@/lib/sync/pack";

const byDay = new WeakMap<Db, ReturnType<typeof prepareByDay>>();

function prepareByDay(db: Db) {
  return db
    .select({ id: dailyActivityMets.id, source: dailyActivityMets.source, samples: dailyActivityMets.samples, dailyActivityId: dailyActivityMets.dailyActivityId })
    .from(dailyActivityMets)
    .where(and(eq(dailyActivityMets.athleteId, sql.placeholder("athleteId")), eq(dailyActivityMets.localDate, sql.placeholder("localDate"))))
    .prepare();
}

/** Stores the day's MET samples next to activity row `dailyActivityId`; true when anything was written. */
export function storeImportedMets(db: Db, athleteId: string, day: ImportedActivity, dailyActivityId: number, prov: ImportProvenance): boolean {
  if (day.metSamples.length === 0) return false;
  let statement = byDay.get(db);
  if (!statement) {
    statement = prepareByDay(db);
    byDay.set(db, statement);
  }
  const existing = statement.get({ athleteId, localDate: day.localDate });
  if (existing?.source === "api") return false;
  const samples = packPairs(day.metSamples);
  if (existing && existing.samples === samples && existing.dailyActivityId === dailyActivityId) return false;
  const values = {
    athleteId,
    dailyActivityId,
    localDate: day.localDate,
    sampleCount: day.metSamples.length,
    samples,
    endpoint: toImportEndpoint(prov),
    fetchedAt: prov.fetchedAt,
    source: "export" as const,
    archiveName: prov.archiveName,
    entryName: prov.entryName,
  };
  if (existing) db.update(dailyActivityMets).set(values).where(eq(dailyActivityMets.id, existing.id)).run();
  else insertRow(db, dailyActivityMets, values);
  return true;
}
