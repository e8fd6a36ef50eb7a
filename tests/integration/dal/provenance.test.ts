import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncQuarantine, syncRuns } from "@/db/schema/sync";
import { DEFAULT_SYNC_SETTINGS, saveSyncSettings } from "@/lib/sync/settings";
import { explainEmptyDay, findLatestDayWithData, pickOpeningDay } from "@/lib/dal/provenance";
import { storeActivityDay, storeHeartRateDay } from "../activity/support";
import { createTestDb, insertAthlete, type TestDb } from "./fixtures";

const A = "athlete-1";
const TODAY = "2026-12-02";
const NOW = Date.UTC(2026, 11, 2, 12);

describe("why a day is empty", () => {
  let t: TestDb;
  beforeEach(() => {
    t = createTestDb();
    insertAthlete(t.db, A, 1001);
  });
  afterEach(() => t.close());

  const synced = () =>
    t.db.insert(syncRuns).values({ id: "run-1", athleteId: A, trigger: "click", status: "succeeded", step: "Done", startedAt: NOW - 60_000, finishedAt: NOW }).run();
  const activityOn = (date: string, id: number) => storeActivityDay(t.db, A, { id, date, steps: 5000, duration: "PT1H", calories: 2000, activeCalories: 400 });

  it("before any sync: nothing synced yet", () => {
    expect(explainEmptyDay(t.db, A, "activity", TODAY, TODAY).reason).toBe("never_synced");
  });

  it("after the watch's last upload: the watch has not synced since that day", () => {
    synced();
    activityOn("2026-11-29", 1);
    storeHeartRateDay(t.db, A, "2026-11-30", { "08:00:00": 60 });
    const explained = explainEmptyDay(t.db, A, "activity", "2026-12-01", TODAY);
    expect(explained).toMatchObject({ reason: "device_not_synced", latestDeviceDay: "2026-11-30" });
    expect(explained.message).toBe("Your watch has not synced with Polar since 2026-11-30. This day appears after it does.");
  });

  it("a gap before the latest upload: Polar has nothing for that date", () => {
    synced();
    activityOn("2026-11-20", 1);
    activityOn("2026-11-25", 2);
    expect(explainEmptyDay(t.db, A, "activity", "2026-11-22", TODAY).reason).toBe("polar_has_nothing");
  });

  it("a switched-off type says so first, with a link to change it", () => {
    synced();
    saveSyncSettings(t.db, A, { ...DEFAULT_SYNC_SETTINGS, continuousHr: false }, NOW);
    expect(explainEmptyDay(t.db, A, "continuous-hr", TODAY, TODAY)).toMatchObject({
      reason: "type_off",
      message: "You switched 24/7 heart rate off, so Threshold does not sync it.",
      link: { href: "/settings" },
    });
    expect(explainEmptyDay(t.db, A, "activity", "2026-11-22", TODAY).reason).not.toBe("type_off");
  });

  it("a quarantined record links to the sync log", () => {
    synced();
    activityOn("2026-11-30", 1);
    t.db
      .insert(syncQuarantine)
      .values({ athleteId: A, resource: "sleep", itemKey: "2026-11-28", endpoint: "/v3/users/sleep", rawJson: "{}", error: "bad", fetchedAt: NOW })
      .run();
    expect(explainEmptyDay(t.db, A, "sleep", "2026-11-28", TODAY)).toMatchObject({ reason: "quarantined", link: { href: "/dashboard/sync" } });
    expect(explainEmptyDay(t.db, A, "sleep", "2026-11-27", TODAY).reason).toBe("polar_has_nothing");
  });

  it("older than Polar serves: importing the archive would fill it", () => {
    synced();
    activityOn("2026-11-30", 1);
    expect(explainEmptyDay(t.db, A, "activity", "2025-11-01", TODAY)).toMatchObject({ reason: "outside_polar_window", link: { label: "Import your Polar archive" } });
  });

  it("day views open on the newest day with data", () => {
    activityOn("2026-11-29", 1);
    activityOn("2026-12-05", 2);
    expect(findLatestDayWithData(t.db, A, "activity", TODAY)).toBe("2026-11-29");
    expect(findLatestDayWithData(t.db, A, "sleep", TODAY)).toBeNull();
    expect(pickOpeningDay("2026-11-29", TODAY)).toBe("2026-11-29");
    expect(pickOpeningDay(null, TODAY)).toBe(TODAY);
  });

  it("to a coach: about the athlete, with no link into the athlete's settings, and the watch's day from shared types only", () => {
    synced();
    activityOn("2026-11-30", 1);
    storeHeartRateDay(t.db, A, "2026-11-26", { "08:00:00": 60 });
    const sleepAndRecovery = { reader: "coach" as const, scopes: new Set(["sleep", "recovery"] as const) };
    // Activity (training) is not shared: its newer day is not used, nor hinted at.
    expect(explainEmptyDay(t.db, A, "sleep", "2026-11-28", TODAY, sleepAndRecovery)).toEqual({
      reason: "device_not_synced",
      message: "The athlete's watch has not synced with Polar since 2026-11-26. This day appears after it does.",
      link: null,
      latestDeviceDay: "2026-11-26",
    });
    expect(explainEmptyDay(t.db, A, "sleep", "2026-11-28", TODAY).latestDeviceDay).toBe("2026-11-30");
    saveSyncSettings(t.db, A, { ...DEFAULT_SYNC_SETTINGS, sleep: false }, NOW);
    expect(explainEmptyDay(t.db, A, "sleep", "2026-11-28", TODAY, sleepAndRecovery)).toMatchObject({
      reason: "type_off",
      message: "The athlete switched sleep off, so Threshold does not sync it.",
      link: null,
    });
  });
});
