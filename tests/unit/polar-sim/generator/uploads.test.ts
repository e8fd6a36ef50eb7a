import { describe, expect, it } from "vitest";
import type { SimUpload } from "@/lib/polar-sim/contract";
import { athleteByLogin, createDefaultDataset, dateOf } from "./fixtures";

const dataset = createDefaultDataset(42);
const HISTORY_START = Date.UTC(2026, 0, 4);
const FAR_FUTURE = Date.UTC(2028, 0, 1);

function compare(a: SimUpload, b: SimUpload): number {
  if (a.uploadedAt !== b.uploadedAt) return a.uploadedAt - b.uploadedAt;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  const idA = "id" in a ? a.id : 0;
  const idB = "id" in b ? b.id : 0;
  return idA !== idB ? idA - idB : a.date.localeCompare(b.date);
}

describe("uploadsBetween", () => {
  it("is sorted by uploadedAt, kind, id/date and bounded by [from, to)", () => {
    for (const athlete of dataset.athletes) {
      const all = athlete.uploadsBetween(HISTORY_START, FAR_FUTURE);
      expect(all.length).toBeGreaterThan(50);
      expect([...all].sort(compare)).toEqual(all);
      const from = all[Math.floor(all.length / 3)].uploadedAt;
      const to = all[Math.floor((2 * all.length) / 3)].uploadedAt;
      const slice = athlete.uploadsBetween(from, to);
      expect(slice).toEqual(all.filter((upload) => upload.uploadedAt >= from && upload.uploadedAt < to));
      expect(slice[0].uploadedAt).toBe(from);
      expect(slice.every((upload) => upload.uploadedAt < to)).toBe(true);
      expect(athlete.uploadsBetween(to, from)).toEqual([]);
    }
  });

  it("stays inside the history and gives every record a unique id", () => {
    const historyEnd = Date.UTC(2026, 0, 5 + 400) + 14 * 3_600_000;
    const exerciseIds = new Set<number>();
    const hashedIds = new Set<string>();
    const activityIds = new Set<number>();
    for (const athlete of dataset.athletes) {
      for (const upload of athlete.uploadsBetween(HISTORY_START, FAR_FUTURE)) {
        expect(upload.uploadedAt).toBeLessThan(historyEnd);
        expect(upload.date >= "2026-01-05" && upload.date <= dateOf(399)).toBe(true);
        expect(upload.userId).toBe(athlete.profile.userId);
        if (upload.kind === "exercise") {
          expect(exerciseIds.has(upload.id)).toBe(false);
          expect(hashedIds.has(upload.hashedId)).toBe(false);
          exerciseIds.add(upload.id);
          hashedIds.add(upload.hashedId);
          expect(Number.isSafeInteger(upload.id) && upload.id > 0).toBe(true);
          expect(upload.hashedId).toMatch(/^[0-9A-Za-z_-]+$/);
        }
        if (upload.kind === "activity-summary") {
          expect(activityIds.has(upload.id)).toBe(false);
          activityIds.add(upload.id);
        }
      }
    }
    expect(exerciseIds.size).toBeGreaterThan(1500);
  });

  it("uploads nights and the previous day's 24/7 data at the local morning sync, activity in the evening", () => {
    const aino = athleteByLogin(dataset, "aino");
    const uploads = aino.uploadsBetween(Date.UTC(2026, 1, 1), Date.UTC(2026, 3, 1));
    const localHour = (ms: number) => new Date(ms + 180 * 60_000).getUTCHours() + new Date(ms).getUTCMinutes() / 60;
    for (const upload of uploads) {
      if (upload.kind === "sleep" || upload.kind === "nightly-recharge") {
        const sleep = aino.sleep(upload.date);
        expect(sleep).not.toBeNull();
        expect(upload.uploadedAt).toBeGreaterThan(Date.parse(String(sleep?.sleep_end_time)));
        expect(localHour(upload.uploadedAt)).toBeGreaterThanOrEqual(6.5);
        expect(localHour(upload.uploadedAt)).toBeLessThan(10);
      }
      if (upload.kind === "continuous-heart-rate" || upload.kind === "cardio-load") {
        const localDate = new Date(upload.uploadedAt + 180 * 60_000).toISOString().slice(0, 10);
        expect(upload.date < localDate).toBe(true);
        expect(aino.continuousHeartRate(upload.date)).not.toBeNull();
      }
      if (upload.kind === "activity-summary") {
        expect(aino.activitySummary(upload.id, { apiBaseUrl: "http://x" })?.date).toBe(upload.date);
      }
    }
    const kinds = new Set(uploads.map((upload) => upload.kind));
    expect(kinds).toEqual(
      new Set(["exercise", "activity-summary", "daily-activity", "sleep", "nightly-recharge", "continuous-heart-rate", "cardio-load", "physical-info"]),
    );
  });

  it("re-syncs some days: a second activity summary with a new id and the same date", () => {
    const aino = athleteByLogin(dataset, "aino");
    const summaries = aino
      .uploadsBetween(HISTORY_START, FAR_FUTURE)
      .filter((upload): upload is Extract<SimUpload, { kind: "activity-summary" }> => upload.kind === "activity-summary");
    const byDate = new Map<string, number[]>();
    for (const summary of summaries) byDate.set(summary.date, [...(byDate.get(summary.date) ?? []), summary.id]);
    const resynced = [...byDate.entries()].filter(([, ids]) => ids.length === 2);
    expect(resynced.length).toBeGreaterThan(20);
    const [date, [firstId, secondId]] = resynced[0];
    const link = { apiBaseUrl: "http://x" };
    const first = aino.activitySummary(firstId, link);
    const second = aino.activitySummary(secondId, link);
    expect(first?.date).toBe(date);
    expect(second?.date).toBe(date);
    // The later sync knows more of the day.
    expect(Number(second?.["active-steps"])).toBeGreaterThanOrEqual(Number(first?.["active-steps"]));
    expect(String(second?.created) > String(first?.created)).toBe(true);
  });

  it("gives the newcomer only the last two weeks and flags the revoked / no-consent athletes", () => {
    const tomas = athleteByLogin(dataset, "tomas");
    const uploads = tomas.uploadsBetween(HISTORY_START, FAR_FUTURE);
    expect(uploads[0].date >= dateOf(386)).toBe(true);
    expect(uploads.filter((upload) => upload.kind === "exercise").length).toBeLessThan(8);
    expect(tomas.dailyActivity(dateOf(380), { steps: false, activityZones: false, inactivityStamps: false })).toBeNull();
    expect(dataset.athletes.map((athlete) => athlete.profile.startsRevoked)).toEqual([false, false, false, false, false, true, false, false]);
    expect(dataset.athletes.map((athlete) => athlete.profile.startsWithoutConsents)).toEqual([false, false, false, false, false, false, true, false]);
    expect(new Set(dataset.athletes.map((athlete) => athlete.profile.login)).size).toBe(8);
    expect(dataset.athlete(48213977)?.profile.login).toBe("aino");
    expect(dataset.athlete(1)).toBeUndefined();
  });
});
