import { spawnSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { finishRun } from "@/lib/sync/runs";
import { createWebhookDispatcher, WEBHOOK_BUSY_RETRY_MS, WEBHOOK_DEBOUNCE_MS } from "@/lib/sync/webhook-dispatch";
import { syncLeases } from "@/db/schema/sync";
import { webhookEvents } from "@/db/schema/webhooks";
import { SyncRunSchema } from "@/lib/contracts/sync-run";
import { getCurrentSyncRun, getSyncRun, getViewerCurrentSyncRun, listSyncHistory, toFixAction } from "@/lib/dal/sync-history";
import { beginRun } from "@/lib/sync/runs";
import { addAthlete, addFinishedRun, createRecordingRunner, createTestDb, type TestDb } from "../sync/support";

const NOW = Date.UTC(2026, 2, 10, 12, 0, 0);

describe("sync history", () => {
  let unit: TestDb;
  beforeEach(() => {
    unit = createTestDb();
    addAthlete(unit.db, { id: "aino", polarUserId: 1 });
    addAthlete(unit.db, { id: "other", polarUserId: 2 });
  });
  afterEach(() => unit.close());

  it("lists runs newest first with each error's fix", () => {
    addFinishedRun(unit.db, { id: "old", athleteId: "aino", status: "succeeded", startedAt: NOW - 7_200_000, finishedAt: NOW - 7_100_000 });
    addFinishedRun(unit.db, {
      id: "new",
      athleteId: "aino",
      status: "failed",
      trigger: "webhook",
      startedAt: NOW - 600_000,
      finishedAt: NOW - 590_000,
      errors: [{ resource: "run", code: "consents_needed", message: "Polar needs you to accept its consents." }],
    });
    addFinishedRun(unit.db, { id: "theirs", athleteId: "other", status: "succeeded", startedAt: NOW, finishedAt: NOW });
    unit.db
      .insert(webhookEvents)
      .values({ eventKey: "k", event: "SLEEP", polarUserId: 1, athleteId: "aino", entity: "2026-03-10", receivedAt: NOW - 620_000, status: "dispatched", runId: "new" })
      .run();
    const history = listSyncHistory(unit.db, "aino");
    expect(history.map((run) => [run.runId, run.trigger, run.durationMs])).toEqual([
      ["new", "webhook", 10_000],
      ["old", "click", 100_000],
    ]);
    expect(history.map((run) => run.webhookEvents)).toEqual([1, 0]);
    expect(history[0]?.errors[0]?.action).toEqual({
      kind: "consents",
      label: "Accept the data-sharing consents at account.polar.com, then sync again",
      href: "https://account.polar.com",
    });
  });

  it("maps every error code the engine writes to an action", () => {
    expect(toFixAction("reconnect_needed").kind).toBe("reconnect");
    expect(toFixAction("token_unreadable").kind).toBe("reconnect");
    expect(toFixAction("rate_limited").kind).toBe("wait_rate_limit");
    expect(toFixAction("polar_unavailable").kind).toBe("retry_later");
    expect(toFixAction("interrupted").kind).toBe("retry_later");
    expect(toFixAction("quarantined").kind).toBe("none");
  });

  it("finds the running run of the athlete for a reload to reattach, and nothing once it ended", () => {
    expect(getCurrentSyncRun(unit.db, "aino", NOW)).toBeNull();
    const { runId } = beginRun(unit.db, "aino", "click", NOW);
    expect(getCurrentSyncRun(unit.db, "aino", NOW + 1000)).toMatchObject({ runId, status: "running", trigger: "click" });
    expect(getCurrentSyncRun(unit.db, "other", NOW + 1000)).toBeNull();
    // A lease nobody renewed for its whole lifetime is not a running run any more.
    expect(getCurrentSyncRun(unit.db, "aino", NOW + 10 * 60_000)).toBeNull();
  });

  it("does not show a run as going when the process that held its lease is gone (a crash, SIGKILL)", () => {
    const { runId } = beginRun(unit.db, "aino", "click", NOW);
    expect(getCurrentSyncRun(unit.db, "aino", NOW + 1000)?.runId).toBe(runId);
    // A process that has exited: its pid is free, the lease still unexpired and the run still "running".
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    unit.db.update(syncLeases).set({ ownerPid: deadPid }).where(eq(syncLeases.runId, runId)).run();
    expect(getCurrentSyncRun(unit.db, "aino", NOW + 1000)).toBeNull();
  });
});

describe("webhook dispatcher timer", () => {
  it("dispatches pending events once the debounce window has passed", async () => {
    const unit = createTestDb();
    try {
      addAthlete(unit.db, { id: "aino", polarUserId: 1 });
      let now = NOW;
      unit.db.insert(webhookEvents).values({ eventKey: "k1", event: "SLEEP", polarUserId: 1, athleteId: "aino", entity: "2026-03-10", receivedAt: NOW, status: "pending" }).run();
      const runner = createRecordingRunner(unit.db, () => now);
      const dispatcher = createWebhookDispatcher({ getDeps: () => ({ db: unit.db, runner, debounceMs: 5 }), now: () => now });
      now = NOW + WEBHOOK_DEBOUNCE_MS;
      dispatcher.notify();
      await vi.waitFor(() => expect(runner.starts).toEqual([{ athleteId: "aino", trigger: "webhook", joined: false, resources: ["sleep", "nightly-recharge", "cardio-load"] }]));
      dispatcher.stop();
    } finally {
      unit.close();
    }
  });

  it("looks again while the athlete's run is going and dispatches as soon as it has ended", async () => {
    const unit = createTestDb();
    try {
      addAthlete(unit.db, { id: "aino", polarUserId: 1 });
      let now = NOW;
      const runner = createRecordingRunner(unit.db, () => now);
      const click = runner.start("aino", "click");
      unit.db.insert(webhookEvents).values({ eventKey: "k1", event: "EXERCISE", polarUserId: 1, athleteId: "aino", entity: "x1", receivedAt: NOW, status: "pending" }).run();
      const dispatcher = createWebhookDispatcher({ getDeps: () => ({ db: unit.db, runner, debounceMs: 5 }), now: () => now });
      now = NOW + WEBHOOK_DEBOUNCE_MS;
      dispatcher.notify();
      // The first look finds the click's run going and starts nothing.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runner.starts).toHaveLength(1);
      finishRun(unit.db, "aino", click.runId, "succeeded", { step: "Done", itemsDone: 0, itemsTotal: 0, counts: {}, errors: [], requestCount: 0 }, now);
      // No new notify: the dispatcher's own retry picks the events up.
      await vi.waitFor(() => expect(runner.starts.at(-1)).toEqual({ athleteId: "aino", trigger: "webhook", joined: false, resources: ["exercise", "cardio-load"] }), {
        timeout: WEBHOOK_BUSY_RETRY_MS * 3,
      });
      dispatcher.stop();
    } finally {
      unit.close();
    }
  });
});

describe("one run by id", () => {
  let unit: TestDb;
  beforeEach(() => {
    unit = createTestDb();
    addAthlete(unit.db, { id: "aino", polarUserId: 1 });
    addAthlete(unit.db, { id: "other", polarUserId: 2 });
  });
  afterEach(() => unit.close());

  it("shows a run to its athlete only, in the one shape the client parses", () => {
    const { runId } = beginRun(unit.db, "aino", "click", NOW);
    const run = getSyncRun(unit.db, "aino", runId);
    expect(run).toMatchObject({ runId, status: "running", step: "Starting", trigger: "click", startedAt: NOW, webhookEvents: 0 });
    expect(SyncRunSchema.parse(run)).toEqual(run);
    expect(() => getSyncRun(unit.db, "other", runId)).toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("answers another athlete's id for the run in progress with not_found, before reading anything", () => {
    const viewer = { userId: "aino", polarUserId: 1, name: null };
    expect(() => getViewerCurrentSyncRun(viewer, "other")).toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
