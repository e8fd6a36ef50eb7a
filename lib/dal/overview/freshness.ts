import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { polarConnections } from "@/db/schema/auth";
import { syncRuns } from "@/db/schema/sync";
import type { FreshnessDTO } from "../dto";

/** The request's clock (epoch ms); injected by tests and the bench, the real clock otherwise. */
export type Clock = { now?: number };

/** When the athlete's data was last synced, how the latest attempt went, whether a run is going, the connection. */
export function getFreshness(db: Db, athleteId: string): FreshnessDTO {
  const latest = db
    .select({ id: syncRuns.id, status: syncRuns.status })
    .from(syncRuns)
    .where(eq(syncRuns.athleteId, athleteId))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  const lastAttempt = db
    .select({ finishedAt: syncRuns.finishedAt, status: syncRuns.status })
    .from(syncRuns)
    .where(and(eq(syncRuns.athleteId, athleteId), sql`${syncRuns.finishedAt} is not null`))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  // A failed run brought nothing new: "synced" means the last run that stored data (fully or partly).
  const lastGood = db
    .select({ finishedAt: syncRuns.finishedAt })
    .from(syncRuns)
    .where(and(eq(syncRuns.athleteId, athleteId), inArray(syncRuns.status, ["succeeded", "partial"])))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .get();
  const connection = db.select({ state: polarConnections.state }).from(polarConnections).where(eq(polarConnections.userId, athleteId)).get();
  return {
    lastSyncedAt: lastGood?.finishedAt ?? null,
    lastStatus: lastAttempt?.status ?? null,
    lastAttemptAt: lastAttempt?.finishedAt ?? null,
    runningRunId: latest?.status === "running" ? latest.id : null,
    connectionState: connection?.state ?? null,
  };
}
