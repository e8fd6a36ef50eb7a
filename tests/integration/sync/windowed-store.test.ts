import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { athleteDataVersions, cardioLoads, sleeps } from "@/db/schema";
import type { PolarClient, PolarUserClient } from "@/lib/polar";
import { RunContext } from "@/lib/sync/context";
import { describeUnstored } from "@/lib/sync/skipped";
import { storeCardioLoad, storeSleep } from "@/lib/sync/store";
import type { CardioLoadInput, SleepInput } from "@/lib/sync/transforms";
import { storeWindow } from "@/lib/sync/windowed";
import { createTestDb, insertAthlete, PROV, type TestDb } from "../dal/fixtures";

/** §2 placeholders, §1 content hash, §3 nothing fetched is dropped silently: the windowed writers directly. */

const ATHLETE = "a-window";
let t: TestDb;

beforeEach(() => {
  t = createTestDb();
  insertAthlete(t.db, ATHLETE, 7001);
});

afterEach(() => t.close());

const placeholder = (date: string): CardioLoadInput => ({
  date,
  cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE",
  cardio_load: 0,
  strain: 0,
  tolerance: 0,
  cardio_load_ratio: 0,
});
const real = (date: string, load: number): CardioLoadInput => ({
  date,
  cardio_load_status: "PRODUCTIVE",
  cardio_load: load,
  strain: load,
  tolerance: 50,
  cardio_load_ratio: 1.1,
});

function storedLoads(): { date: string; load: number | null; status: string }[] {
  return t.db
    .select({ date: cardioLoads.localDate, load: cardioLoads.cardioLoad, status: cardioLoads.status })
    .from(cardioLoads)
    .all();
}

function dataVersion(): number {
  return t.db.select().from(athleteDataVersions).get()?.version ?? 0;
}

describe("cardio-load placeholders are not data", () => {
  it("a placeholder never overwrites a real value", () => {
    expect(storeCardioLoad(t.db, ATHLETE, real("2026-03-01", 80), real("2026-03-01", 80), PROV)).toBe("new");
    expect(storeCardioLoad(t.db, ATHLETE, placeholder("2026-03-01"), placeholder("2026-03-01"), PROV)).toBe("placeholder");
    expect(storedLoads()).toEqual([{ date: "2026-03-01", load: 80, status: "PRODUCTIVE" }]);
  });

  it("a placeholder is not stored, so the real value arriving later is stored as new", () => {
    expect(storeCardioLoad(t.db, ATHLETE, placeholder("2026-03-02"), { date: "2026-03-02", cardio_load_status: "LOAD_STATUS_NOT_AVAILABLE" }, PROV)).toBe(
      "placeholder",
    );
    expect(storedLoads()).toEqual([]);
    expect(storeCardioLoad(t.db, ATHLETE, real("2026-03-02", 64), real("2026-03-02", 64), PROV)).toBe("new");
    expect(storedLoads()).toEqual([{ date: "2026-03-02", load: 64, status: "PRODUCTIVE" }]);
  });
});

const night = (date: string, score: number): SleepInput => ({
  date,
  sleep_start_time: `${date}T00:10:00+02:00`,
  sleep_end_time: `${date}T07:00:00+02:00`,
  sleep_score: score,
  hypnogram: { "00:10": 2, "01:00": 3 },
  heart_rate_samples: { "00:15": 55 },
});

describe("content hash per day", () => {
  it("an unchanged day is not rewritten (the data version stays), an edited one is updated in place", () => {
    expect(storeSleep(t.db, ATHLETE, night("2026-03-03", 80), night("2026-03-03", 80), PROV)).toBe("new");
    const version = dataVersion();
    const later = { ...PROV, fetchedAt: PROV.fetchedAt + 3_600_000 };
    expect(storeSleep(t.db, ATHLETE, night("2026-03-03", 80), night("2026-03-03", 80), later)).toBe("unchanged");
    expect(dataVersion()).toBe(version);
    expect(t.db.select({ fetchedAt: sleeps.fetchedAt }).from(sleeps).get()?.fetchedAt).toBe(PROV.fetchedAt);

    expect(storeSleep(t.db, ATHLETE, night("2026-03-03", 72), night("2026-03-03", 72), later)).toBe("updated");
    expect(dataVersion()).toBeGreaterThan(version);
    const rows = t.db.select({ score: sleeps.sleepScore, hash: sleeps.contentHash }).from(sleeps).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].score).toBe(72);
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("nothing fetched is dropped silently", () => {
  function createContext(today: string, latestToday: string): RunContext {
    const polar = {} as PolarClient;
    return new RunContext({ db: t.db, polar, tokenKey: "c".repeat(64), now: () => PROV.fetchedAt }, ATHLETE, "run-1", {} as PolarUserClient, today, latestToday);
  }

  it("stores days outside the asked range, counts days after the latest today and placeholders with their reason", () => {
    const ctx = createContext("2026-03-10", "2026-03-11");
    const days = [real("2026-01-20", 50), real("2026-03-11", 70), real("2026-03-12", 90), real("2026-03-13", 90), placeholder("2026-03-09")];
    storeWindow(
      ctx,
      "cardio-load",
      "/v3/users/cardio-load/date?from=2026-02-12&to=2026-03-11",
      { items: days.map((data) => ({ date: data.date, data, raw: data })), invalid: [] },
      (tx, entry, prov) => storeCardioLoad(tx, ATHLETE, entry.data, entry.raw, prov),
    );
    // Older than the asked window but valid: stored. Tomorrow for the athlete but today at UTC+14: stored.
    expect(storedLoads().map((row) => row.date)).toEqual(["2026-01-20", "2026-03-11"]);
    expect(ctx.progress.counts["cardio-load"]).toEqual({
      new: 2,
      updated: 0,
      unchanged: 0,
      quarantined: 0,
      skipped: { "after-today": 2, placeholder: 1 },
    });
    expect(describeUnstored(ctx.progress.counts)).toEqual([
      { resource: "cardio-load", code: "skipped", message: "2 skipped: dated after today; everything else was stored." },
    ]);
  });

  it("a resource that fetched records and stored none says so; placeholders alone are not news", () => {
    expect(
      describeUnstored({
        sleep: { new: 0, updated: 0, unchanged: 0, quarantined: 0, skipped: { "after-today": 3 } },
        "cardio-load": { new: 0, updated: 0, unchanged: 0, quarantined: 0, skipped: { placeholder: 28 } },
      }),
    ).toEqual([{ resource: "sleep", code: "nothing_stored", message: "Polar sent records but none could be stored (3 skipped: dated after today)." }]);
  });
});
