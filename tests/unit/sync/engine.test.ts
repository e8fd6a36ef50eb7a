import os from "node:os";
import { beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import {
  exerciseSamples,
  exercises,
  polarConnections,
  polarTransactions,
  sleeps,
  syncLeases,
  syncQuarantine,
  syncRuns,
  users,
} from "@/db/schema";
import { encryptSecret } from "@/lib/auth/token-crypto";
import type { PolarClient, PolarUserClient, TransactionKind } from "@/lib/polar";
import { PolarError } from "@/lib/polar/errors";
import { beginRun, createInProcessRunner, executeRun, saveSyncSettings, syncAthlete } from "@/lib/sync";
import type { SleepInput } from "@/lib/sync/transforms";

/**
 * The run's transaction logic against an in-memory fake of the AccessLink user client (the simulator-backed
 * integration tests cover the same over HTTP). The fake keeps Polar's rules: items stay offered until their
 * transaction is committed, a POST while a transaction is open answers 204, an expired transaction answers 404.
 */

const KEY = "b".repeat(64);
const ATHLETE = "athlete-1";

type FakeExercise = { id: number; valid: boolean };

function exercisePayload(id: number) {
  return {
    id,
    "upload-time": "2024-05-02T16:21:09.000Z",
    // One session a minute from 18:05 local: distinct sessions have distinct starts (the cross-API identity).
    "start-time": new Date(Date.UTC(2024, 4, 2, 18, 4 + id)).toISOString().slice(0, 19),
    "start-time-utc-offset": 180,
    duration: "PT1M",
    sport: "RUNNING",
    "heart-rate": { average: 150, maximum: 170 },
  };
}

class FakePolar {
  pending: FakeExercise[] = [];
  open: { id: number; items: FakeExercise[]; expired: boolean } | null = null;
  nextTransactionId = 100;
  commits = 0;
  calls: string[] = [];
  failCreateWith: PolarError | null = null;
  /** Expire the open transaction when this item is requested. */
  expireOnItem: number | null = null;
  sleepNights: SleepInput[] = [
    { date: "2024-05-03", sleep_start_time: "2024-05-02T23:12:30+03:00", sleep_end_time: "2024-05-03T06:58:00+03:00", hypnogram: { "23:12": 2, "00:47": 3 }, heart_rate_samples: { "23:15": 61 } },
  ];

  user(): PolarUserClient {
    const unused = () => {
      throw new Error("not used by the sync engine");
    };
    const uri = (id: number) => `http://polar.test/v3/users/1/exercise-transactions/${id}`;
    const itemOf = (url: string) => {
      const id = Number(url.split("/exercises/")[1]?.split("/")[0]);
      if (!this.open || this.open.expired || !url.startsWith(uri(this.open.id))) {
        throw new PolarError("not_found", "no transaction", { status: 404, url });
      }
      if (this.expireOnItem === id) {
        this.expireOnItem = null;
        this.open.expired = true;
        this.open = null;
        throw new PolarError("not_found", "expired", { status: 404, url });
      }
      const item = this.pending.find((e) => e.id === id);
      if (!item) throw new PolarError("not_found", "no item", { status: 404, url });
      return item;
    };
    return {
      registerUser: unused,
      getUser: unused,
      deleteUser: unused,
      createTransaction: async (kind: TransactionKind) => {
        this.calls.push(`create:${kind}`);
        if (this.failCreateWith) throw this.failCreateWith;
        if (kind !== "exercise") return null;
        if (this.open && !this.open.expired) return null;
        if (this.pending.length === 0) return null;
        this.open = { id: this.nextTransactionId++, items: this.pending.slice(0, 50), expired: false };
        return { transactionId: this.open.id, resourceUri: uri(this.open.id) };
      },
      listTransaction: async (_kind, resourceUri) => {
        this.calls.push("list");
        if (!this.open || resourceUri !== uri(this.open.id)) throw new PolarError("not_found", "gone", { status: 404 });
        return this.open.items.map((e) => `${resourceUri}/exercises/${e.id}`);
      },
      commitTransaction: async (resourceUri) => {
        this.calls.push("commit");
        if (!this.open || resourceUri !== uri(this.open.id)) throw new PolarError("not_found", "gone", { status: 404 });
        const done = new Set(this.open.items.map((e) => e.id));
        this.pending = this.pending.filter((e) => !done.has(e.id));
        this.open = null;
        this.commits += 1;
      },
      getExercise: async (url) => {
        const item = itemOf(url);
        const raw = item.valid ? exercisePayload(item.id) : { ...exercisePayload(item.id), duration: 42 };
        if (!item.valid) throw new PolarError("invalid_payload", "duration: expected a duration", { raw, path: "duration", url });
        return { data: exercisePayload(item.id), raw, url };
      },
      getExerciseHeartRateZones: async (url) => {
        itemOf(url);
        return null;
      },
      getExerciseSampleList: async (url) => {
        itemOf(url);
        return [`${url}/samples/0`, `${url}/samples/9`];
      },
      getExerciseSample: async (url) => {
        itemOf(url);
        const raw = { "recording-rate": 1, "sample-type": "0", data: "0,150,151,,152" };
        return { data: { ...raw, data: [0, 150, 151, null, 152] }, raw, url };
      },
      getActivity: unused,
      getActivityStepSamples: unused,
      getActivityZoneSamples: unused,
      getPhysicalInfo: unused,
      // An athlete whose device `/v3/exercises` never shows: every session comes through the transactions.
      listExercises: async () => {
        this.calls.push("exercise-list");
        return { items: [], invalid: [] };
      },
      getExerciseByHash: unused,
      listDailyActivities: async () => ({ items: [], invalid: [] }),
      getDailyActivity: unused,
      getContinuousHeartRateRange: async () => ({ items: [], invalid: [] }),
      getContinuousHeartRateDay: unused,
      listCardioLoad: async () => ({ items: [], invalid: [] }),
      listSleep: async () => {
        this.calls.push("sleep");
        return { items: this.sleepNights, invalid: [{ raw: { date: "2024-05-02", sleep_start_time: 7 }, error: "expected string", path: "nights.1.sleep_start_time" }] };
      },
      getSleep: async () => null,
      listSleepAvailable: unused,
      listNightlyRecharge: async () => ({ items: [], invalid: [] }),
      getNightlyRecharge: async () => null,
      getPhysicalInfoCurrent: unused,
    };
  }

  client(): PolarClient {
    const unused = () => {
      throw new Error("not used by the sync engine");
    };
    return {
      exchangeCode: unused,
      listNotifications: unused,
      webhooks: { create: unused, list: unused, update: unused, remove: unused, activate: unused, deactivate: unused },
      forUser: () => this.user(),
    };
  }
}

let db: Db;
let fake: FakePolar;
const NOW = Date.UTC(2024, 4, 5, 12);

function deps(extra: Partial<Parameters<typeof syncAthlete>[0]> = {}) {
  return { db, polar: fake.client(), tokenKey: KEY, now: () => NOW, ...extra };
}

beforeEach(() => {
  db = openDatabase(":memory:");
  db.insert(users).values({ id: ATHLETE, name: "Aino" }).run();
  db.insert(polarConnections)
    .values({
      userId: ATHLETE,
      polarUserId: 1,
      memberId: "thr-1",
      accessTokenEncrypted: encryptSecret("token-1", KEY),
      tokenIssuedAt: new Date(NOW),
      registrationStatus: "registered",
      polarProfileJson: JSON.stringify({ gender: "FEMALE", birthdate: "1992-03-14" }),
    })
    .run();
  fake = new FakePolar();
  fake.pending = [1, 2, 3].map((id) => ({ id, valid: true }));
});

describe("syncAthlete (fake AccessLink)", () => {
  it("stores every item, commits once, quarantines a bad list entry, and a second run changes nothing", async () => {
    const first = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(first.counts.exercise).toEqual({ new: 3, updated: 0, unchanged: 0, quarantined: 0 });
    expect(first.counts.sleep).toEqual({ new: 1, updated: 0, unchanged: 0, quarantined: 1 });
    expect(first.status).toBe("partial");
    expect(first.errors.map((e) => e.code)).toEqual(["quarantined"]);
    expect(fake.commits).toBe(1);
    // Only the stored sample types are fetched: type 9 (temperature) is skipped.
    expect(db.select().from(exerciseSamples).all().map((s) => [s.sampleType, s.packedValues])).toEqual([
      [0, ",150,151,,152"],
      [0, ",150,151,,152"],
      [0, ",150,151,,152"],
    ]);
    const stored = db.select().from(exercises).all();
    // 220 − age (32 on 2024-05-02) = 188 from the profile: labelled as the fallback.
    expect(stored.map((e) => [e.hrMaxUsed, e.hrMaxSource])).toEqual([
      [188, "age-fallback"],
      [188, "age-fallback"],
      [188, "age-fallback"],
    ]);
    expect(stored[0].startUtcMs).toBe(Date.UTC(2024, 4, 2, 15, 5));
    expect(db.select().from(syncQuarantine).all().map((q) => [q.resource, q.itemKey])).toEqual([["sleep", "2024-05-02"]]);

    const second = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(second.counts.exercise).toEqual({ new: 0, updated: 0, unchanged: 0, quarantined: 0 });
    expect(second.counts.sleep).toEqual({ new: 0, updated: 0, unchanged: 1, quarantined: 1 });
    expect(db.select().from(syncQuarantine).all()).toHaveLength(1);
  });

  it("opens another transaction only after a full one (50 items): a shorter one held everything waiting", async () => {
    fake.pending = Array.from({ length: 51 }, (_, i) => ({ id: i + 1, valid: true }));
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW, resources: ["exercise"] });
    expect(result.counts.exercise?.new).toBe(51);
    expect(fake.commits).toBe(2);
    // 50 items, then 1: no third POST to hear "nothing new".
    expect(fake.calls.filter((call) => call === "create:exercise")).toHaveLength(2);
  });

  it("treats a 404 mid-transaction as expiry: no commit, nothing lost or doubled on the next run", async () => {
    fake.expireOnItem = 3;
    const first = await syncAthlete(deps({ concurrency: 1 }), ATHLETE, { trigger: "cli", now: NOW });
    expect(first.errors).toEqual([{ resource: "sleep", code: "quarantined", message: expect.any(String) }]);
    // The run went on with a new transaction, which re-offered all three items: the two already stored are
    // known by their id and neither read again nor counted again; one new.
    expect(first.counts.exercise).toEqual({ new: 3, updated: 0, unchanged: 0, quarantined: 0 });
    expect(fake.commits).toBe(1);
    expect(db.select().from(polarTransactions).all().map((t) => t.status)).toEqual(["expired", "committed"]);

    const second = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(second.counts.exercise).toEqual({ new: 0, updated: 0, unchanged: 0, quarantined: 0 });
    expect(db.select().from(exercises).all().map((e) => e.polarExerciseId)).toEqual([1, 2, 3]);
  });

  it("resumes a transaction left open by a crashed run instead of waiting for a 204 POST", async () => {
    const crash = new Error("simulated crash");
    const first = await syncAthlete(
      deps({
        concurrency: 1,
        onItemStored: ({ itemsStoredInRun }) => {
          if (itemsStoredInRun === 1) throw crash;
        },
      }),
      ATHLETE,
      { trigger: "cli", now: NOW },
    );
    expect(first.status).toBe("failed");
    expect(db.select().from(polarTransactions).all().map((t) => t.status)).toEqual(["open"]);

    const second = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    // The item stored before the crash is known by its id: not read again, not counted again.
    expect(second.counts.exercise).toEqual({ new: 2, updated: 0, unchanged: 0, quarantined: 0 });
    // One POST in the crashed run, none to resume, none after the commit: fewer than 50 items means nothing
    // else was waiting.
    expect(fake.calls.filter((c) => c === "create:exercise")).toHaveLength(1);
    expect(db.select().from(polarTransactions).all().map((t) => t.status)).toEqual(["committed"]);
  });

  it("quarantines an invalid exercise with all its pieces and still commits the rest", async () => {
    fake.pending = [
      { id: 1, valid: true },
      { id: 2, valid: false },
    ];
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(result.counts.exercise).toEqual({ new: 1, updated: 0, unchanged: 0, quarantined: 1 });
    expect(fake.commits).toBe(1);
    const entry = db.select().from(syncQuarantine).all().find((q) => q.resource === "exercise");
    expect(entry?.itemKey).toBe("2");
    expect(entry?.path).toBe("duration");
    expect(Object.keys(JSON.parse(entry?.rawJson ?? "{}").pieces)).toEqual(["item", "heartRateZones", "sample:0"]);
  });

  it("stops the run on 401 and marks the connection reconnect_needed", async () => {
    fake.failCreateWith = new PolarError("unauthorized", "401", { status: 401 });
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "click", now: NOW });
    expect(result.status).toBe("failed");
    expect(result.errors.map((e) => e.code)).toEqual(["reconnect_needed"]);
    expect(db.select().from(polarConnections).get()?.state).toBe("reconnect_needed");
    expect(fake.calls).not.toContain("sleep");
  });

  it("does not request a type switched off and deletes its rows", async () => {
    await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(db.select().from(sleeps).all()).toHaveLength(1);
    saveSyncSettings(
      db,
      ATHLETE,
      { training: true, dailyActivity: true, sleep: false, recovery: true, continuousHr: true, cardioLoad: true, body: true },
      NOW,
    );
    fake.calls = [];
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(fake.calls).not.toContain("sleep");
    expect(result.counts.sleep).toBeUndefined();
    expect(db.select().from(sleeps).all()).toHaveLength(0);
    expect(db.select().from(syncQuarantine).all().filter((q) => q.resource === "sleep")).toHaveLength(0);
  });

  it("lets a second request join the running run", async () => {
    const firstRun = syncAthlete(deps(), ATHLETE, { trigger: "click", now: NOW });
    const joined = await syncAthlete(deps(), ATHLETE, { trigger: "click", now: NOW });
    const finished = await firstRun;
    expect(joined.joined).toBe(true);
    expect(joined.runId).toBe(finished.runId);
    expect(finished.joined).toBe(false);
  });

  it.each([
    ["a killed process", 999_999_999, null],
    ["this process, for a run it does not know (pid reused)", process.pid, null],
    // The parent process is alive, but it is not the process that took the lease: another start time.
    ["a live process that reused the holder's pid", process.ppid, "1"],
  ])("takes over a lease left by %s and marks that run interrupted", async (_label, pid, ownerStarted) => {
    db.insert(syncRuns).values({ id: "dead-run", athleteId: ATHLETE, trigger: "cli", status: "running", step: "Reading sleep", startedAt: NOW }).run();
    db.insert(syncLeases)
      .values({ athleteId: ATHLETE, runId: "dead-run", acquiredAt: NOW, expiresAt: NOW + 3_600_000, ownerHost: os.hostname(), ownerPid: pid, ownerStarted })
      .run();
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(result.joined).toBe(false);
    expect(result.counts.exercise?.new).toBe(3);
    const dead = db.select().from(syncRuns).all().find((r) => r.id === "dead-run");
    expect(dead?.status).toBe("failed");
    expect(JSON.parse(dead?.errorsJson ?? "[]")).toEqual([{ resource: "run", code: "interrupted", message: expect.any(String) }]);
    expect(db.select().from(syncLeases).all()).toEqual([]);
  });

  it("sets aside a night that validated but has an uninterpretable time, and stores the rest", async () => {
    fake.sleepNights = [
      ...fake.sleepNights,
      { date: "2024-05-04", sleep_start_time: "2024-05-03T23:30:00", sleep_end_time: "2024-05-04T07:00:00+03:00", hypnogram: {}, heart_rate_samples: {} },
    ];
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "cli", now: NOW });
    expect(result.counts.sleep).toEqual({ new: 1, updated: 0, unchanged: 0, quarantined: 2 });
    expect(db.select().from(sleeps).all().map((n) => n.localDate)).toEqual(["2024-05-03"]);
    const keys = db.select().from(syncQuarantine).all().map((q) => q.itemKey).sort();
    expect(keys).toEqual(["2024-05-02", "2024-05-04"]);
  });
});

describe("a run limited to some resources (webhook runs)", () => {
  it("syncs only sleep: no exercise-transaction request, counts list sleep alone", async () => {
    const begun = beginRun(db, ATHLETE, "webhook", NOW);
    const result = await executeRun(deps(), ATHLETE, begun.runId, { trigger: "webhook", now: NOW, resources: ["sleep"] });
    expect(fake.calls).toEqual(["sleep"]);
    expect(fake.commits).toBe(0);
    expect(Object.keys(result.counts)).toEqual(["sleep"]);
    expect(result.counts.sleep).toEqual({ new: 1, updated: 0, unchanged: 0, quarantined: 1 });
    expect(db.select().from(exercises).all()).toHaveLength(0);
    expect(db.select().from(polarTransactions).all()).toHaveLength(0);
  });

  it("keeps the data of resources it leaves out", async () => {
    await syncAthlete(deps(), ATHLETE, { trigger: "webhook", now: NOW, resources: ["exercise"] });
    expect(db.select().from(exercises).all()).toHaveLength(3);
    expect(db.select().from(sleeps).all()).toHaveLength(0);
    fake.calls = [];
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "webhook", now: NOW, resources: ["sleep"] });
    expect(fake.calls).toEqual(["sleep"]);
    expect(result.counts.sleep).toEqual({ new: 1, updated: 0, unchanged: 0, quarantined: 1 });
    expect(db.select().from(exercises).all()).toHaveLength(3);
    expect(db.select().from(sleeps).all()).toHaveLength(1);
  });

  it("still skips a type switched off even when asked for it", async () => {
    saveSyncSettings(
      db,
      ATHLETE,
      { training: true, dailyActivity: true, sleep: false, recovery: true, continuousHr: true, cardioLoad: true, body: true },
      NOW,
    );
    const result = await syncAthlete(deps(), ATHLETE, { trigger: "webhook", now: NOW, resources: ["sleep", "exercise"] });
    expect(fake.calls).not.toContain("sleep");
    expect(fake.calls.filter((call) => call === "create:exercise")).toHaveLength(1);
    expect(Object.keys(result.counts)).toEqual(["exercise"]);
    expect(result.counts.exercise).toEqual({ new: 3, updated: 0, unchanged: 0, quarantined: 0 });
  });

  it("is passed on by the in-process runner", async () => {
    const runner = createInProcessRunner(() => deps());
    const begun = runner.start(ATHLETE, "webhook", { resources: ["exercise", "cardio-load"] });
    const result = await runner.waitFor(begun.runId);
    expect(fake.calls).toEqual(["exercise-list", "create:exercise", "list", "commit"]);
    // Cardio load was asked for: its (empty) window is recorded; nothing else is.
    expect(Object.keys(result?.counts ?? {})).toEqual(["exercise", "cardio-load"]);
    expect(result?.counts.exercise?.new).toBe(3);
    expect(fake.calls).not.toContain("sleep");
  });
});
