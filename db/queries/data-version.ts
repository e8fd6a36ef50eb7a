import { eq, inArray } from "drizzle-orm";
import type { Db, DbTx } from "@/db/client";
import { athleteDataVersions } from "@/db/schema/data-version";

/**
 * The athlete's data version: bumped by triggers on every write to a table the daily series reads
 * (db/schema/data-version.ts). One primary-key read, whatever the length of the history. 0 = never written.
 */
export function getAthleteDataVersion(db: Db | DbTx, athleteId: string): number {
  return db.select({ version: athleteDataVersions.version }).from(athleteDataVersions).where(eq(athleteDataVersions.athleteId, athleteId)).get()?.version ?? 0;
}

/** The data versions of several athletes in one statement; an athlete never written is 0. */
export function getAthleteDataVersions(db: Db | DbTx, athleteIds: readonly string[]): Map<string, number> {
  const versions = new Map(athleteIds.map((id) => [id, 0]));
  // SQLite caps bound parameters; a roster of a few hundred fits, chunk anyway.
  for (let i = 0; i < athleteIds.length; i += 500) {
    const rows = db
      .select({ athleteId: athleteDataVersions.athleteId, version: athleteDataVersions.version })
      .from(athleteDataVersions)
      .where(inArray(athleteDataVersions.athleteId, athleteIds.slice(i, i + 500)))
      .all();
    for (const row of rows) versions.set(row.athleteId, row.version);
  }
  return versions;
}

const globalForConnections = globalThis as unknown as { thresholdConnectionIds?: { ids: WeakMap<object, number>; next: number } };
const connections = (globalForConnections.thresholdConnectionIds ??= { ids: new WeakMap<object, number>(), next: 1 });

/**
 * A process-unique id of the database connection, for in-memory caches of what was read through it: a
 * version is only meaningful within one database, and neither the file name (every `:memory:` database has
 * the same one; a file can be replaced under the same path) nor the version itself tells databases apart.
 */
export function getConnectionId(db: Db): number {
  let id = connections.ids.get(db.$client);
  if (id === undefined) {
    id = connections.next;
    connections.next += 1;
    connections.ids.set(db.$client, id);
  }
  return id;
}
