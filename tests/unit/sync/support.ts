import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { polarConnections, users, type ConnectionState } from "@/db/schema/auth";
import { syncRuns } from "@/db/schema/sync";
import { storePolarSignIn } from "@/lib/auth/connection";
import { beginRun } from "@/lib/sync/runs";
import type { SyncJobRunner } from "@/lib/sync/runner";
import type { SyncResource, SyncRunStatus, SyncTrigger } from "@/lib/sync/types";

export { createTestDb, type TestDb } from "@/tests/fixtures/db";

export const TOKEN_KEY = "9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f30211203f4e5d6c7b8a9";



/** A user with a stored (encrypted) Polar connection, registered and in the given state. */
export function addAthlete(
  db: Db,
  input: { id: string; polarUserId: number; state?: ConnectionState; registered?: boolean; now?: number },
): string {
  db.insert(users).values({ id: input.id, name: input.id }).run();
  storePolarSignIn(
    db,
    { userId: input.id, polarUserId: input.polarUserId, accessToken: `token-${input.id}`, expiresInSeconds: null, now: input.now ?? 0 },
    TOKEN_KEY,
  );
  db.update(polarConnections)
    .set({ state: input.state ?? "connected", registrationStatus: input.registered === false ? "pending" : "registered" })
    .where(eq(polarConnections.userId, input.id))
    .run();
  return input.id;
}

/** A finished run in the log (what an earlier sync left behind). */
export function addFinishedRun(
  db: Db,
  input: { id: string; athleteId: string; status: SyncRunStatus; startedAt: number; finishedAt: number; errors?: { resource: string; code: string; message: string }[]; trigger?: SyncTrigger },
): void {
  db.insert(syncRuns)
    .values({
      id: input.id,
      athleteId: input.athleteId,
      trigger: input.trigger ?? "click",
      status: input.status,
      step: input.status === "failed" ? "Failed" : "Done",
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      durationMs: input.finishedAt - input.startedAt,
      errorsJson: JSON.stringify(input.errors ?? []),
    })
    .run();
}

export type RecordedStart = { athleteId: string; trigger: SyncTrigger; joined: boolean; resources?: readonly SyncResource[] };

/**
 * A runner that takes the real lease and writes the real run row (beginRun) but does no Polar work, so a
 * test can count the runs that were started or joined, and see which resources each was asked for.
 */
export function createRecordingRunner(db: Db, now: () => number): SyncJobRunner & { starts: RecordedStart[] } {
  const starts: RecordedStart[] = [];
  return {
    starts,
    start(athleteId, trigger, options) {
      const begun = beginRun(db, athleteId, trigger, now());
      starts.push(options?.resources === undefined ? { athleteId, trigger, joined: begun.joined } : { athleteId, trigger, joined: begun.joined, resources: options.resources });
      return begun;
    },
    async waitFor() {
      return null;
    },
  };
}

export function countRuns(db: Db, athleteId?: string): number {
  const rows = athleteId ? db.select().from(syncRuns).where(eq(syncRuns.athleteId, athleteId)).all() : db.select().from(syncRuns).all();
  return rows.length;
}
