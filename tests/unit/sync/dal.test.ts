import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { listSyncRuns, readSyncRun } from "@/lib/dal/sync";
import { beginRun } from "@/lib/sync";

describe("sync DAL", () => {
  it("shows a run to its athlete only", () => {
    const db = openDatabase(":memory:");
    db.insert(users).values([{ id: "a" }, { id: "b" }]).run();
    const { runId } = beginRun(db, "a", "click", Date.UTC(2026, 0, 5, 6));
    const run = readSyncRun(db, "a", runId);
    expect(run).toMatchObject({ runId, status: "running", step: "Starting", trigger: "click", startedAt: "2026-01-05T06:00:00.000Z" });
    expect(() => readSyncRun(db, "b", runId)).toThrow(expect.objectContaining({ code: "not_found" }));
    expect(listSyncRuns(db, "a").map((r) => r.runId)).toEqual([runId]);
    expect(listSyncRuns(db, "b")).toEqual([]);
  });
});
