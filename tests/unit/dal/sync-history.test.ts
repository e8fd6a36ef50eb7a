import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { SyncRunSchema } from "@/lib/contracts/sync-run";
import { getSyncRun, getViewerCurrentSyncRun, listSyncHistory } from "@/lib/dal/sync-history";
import { beginRun } from "@/lib/sync";

describe("sync runs in the DAL", () => {
  it("shows a run to its athlete only, in the one shape the client parses", () => {
    const db = openDatabase(":memory:");
    db.insert(users).values([{ id: "a" }, { id: "b" }]).run();
    const startedAt = Date.UTC(2026, 0, 5, 6);
    const { runId } = beginRun(db, "a", "click", startedAt);
    const run = getSyncRun(db, "a", runId);
    expect(run).toMatchObject({ runId, status: "running", step: "Starting", trigger: "click", startedAt, webhookEvents: 0 });
    expect(SyncRunSchema.parse(run)).toEqual(run);
    expect(() => getSyncRun(db, "b", runId)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(listSyncHistory(db, "a").map((entry) => entry.runId)).toEqual([runId]);
    expect(listSyncHistory(db, "b")).toEqual([]);
  });

  it("answers another athlete's id for the run in progress with not_found (the one access check)", () => {
    const viewer = { userId: "a", polarUserId: null, name: null };
    expect(() => getViewerCurrentSyncRun(viewer, "b")).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
