import { describe, expect, it } from "vitest";
import type { SimDataset, SimUpload } from "@/lib/polar-sim/contract";
import { createDefaultDataset, localToUtcMs, parseIsoDuration } from "./fixtures";

const AINO = 48213977;
const JORDAN = 47365120;
const LINK = { apiBaseUrl: "http://127.0.0.1:4100", transactionId: 9 };
/** 2026-06-10 08:30 at UTC+3, inside the history. */
const AT = Date.UTC(2026, 5, 10, 5, 30);

function syncTwice(dataset: SimDataset): SimUpload[] {
  return [
    ...dataset.uploadNow(AINO, AT, { exercises: 2, sleep: true, activity: true }),
    ...dataset.uploadNow(JORDAN, AT + 3_600_000, { exercises: 1 }),
    ...dataset.uploadNow(AINO, AT + 7_200_000, { activity: true }),
  ];
}

describe("uploadNow", () => {
  it("creates new records uploaded at atMs, deterministic by call order", () => {
    const a = createDefaultDataset(42);
    const b = createDefaultDataset(42);
    const first = syncTwice(a);
    const second = syncTwice(b);
    expect(first).toEqual(second);
    expect(first.map((upload) => upload.kind)).toEqual([
      "activity-summary",
      "daily-activity",
      "exercise",
      "exercise",
      "nightly-recharge",
      "sleep",
      "exercise",
      "activity-summary",
      "daily-activity",
    ]);
    expect(first.slice(0, 6).every((upload) => upload.uploadedAt === AT && upload.userId === AINO)).toBe(true);
    for (const upload of first) {
      if (upload.kind !== "exercise") continue;
      const athleteA = a.athlete(upload.userId);
      const athleteB = b.athlete(upload.userId);
      const exercise = athleteA?.exercise(upload.id, LINK);
      expect(exercise).not.toBeNull();
      expect(exercise).toEqual(athleteB?.exercise(upload.id, LINK));
      expect(exercise?.["upload-time"]).toBe(new Date(upload.uploadedAt).toISOString());
      expect(athleteA?.exerciseByHash(upload.hashedId, { samples: true, zones: true, route: false })).toEqual(
        athleteB?.exerciseByHash(upload.hashedId, { samples: true, zones: true, route: false }),
      );
    }
  });

  it("serves the new records through the render methods and uploadsBetween", () => {
    const dataset = createDefaultDataset(42);
    const aino = dataset.athlete(AINO);
    if (!aino) throw new Error("no aino");
    const historyIds = new Set(
      aino.uploadsBetween(0, Date.UTC(2028, 0, 1)).flatMap((upload) => ("id" in upload ? [upload.id] : [])),
    );
    const created = dataset.uploadNow(AINO, AT, { exercises: 2, sleep: true, activity: true });
    const window = aino.uploadsBetween(AT, AT + 1);
    expect(window).toEqual(expect.arrayContaining(created));
    expect(window.length).toBe(created.length);
    for (const upload of created) {
      if ("id" in upload) expect(historyIds.has(upload.id)).toBe(false);
      if (upload.kind === "exercise") {
        const exercise = aino.exercise(upload.id, LINK);
        const endUtc = localToUtcMs(String(exercise?.["start-time"]), 180) + 1000 * parseIsoDuration(exercise?.duration);
        expect(endUtc).toBeLessThan(AT);
      }
      if (upload.kind === "sleep") {
        const sleep = aino.sleep(upload.date);
        expect(sleep?.date).toBe("2026-06-10");
        expect(Date.parse(String(sleep?.sleep_end_time))).toBeLessThan(AT);
        expect(aino.nightlyRecharge(upload.date)?.date).toBe("2026-06-10");
      }
      if (upload.kind === "activity-summary") {
        const summary = aino.activitySummary(upload.id, LINK);
        expect(summary?.created).toBe(new Date(AT).toISOString());
        expect(summary?.date).toBe("2026-06-10");
        const steps = aino.activityStepSamples(upload.id, LINK)?.samples as { steps: number | null }[];
        // 08:30 local: the hours after the sync are empty.
        expect(steps[10].steps).toBeNull();
        expect(steps[7].steps).not.toBeNull();
      }
    }
  });

  it("creates records after the end of the history too", () => {
    const dataset = createDefaultDataset(42);
    const late = Date.UTC(2027, 5, 1, 15);
    const [activity, daily, exercise] = dataset.uploadNow(AINO, late, { exercises: 1, activity: true });
    expect([activity.kind, daily.kind, exercise.kind]).toEqual(["activity-summary", "daily-activity", "exercise"]);
    const aino = dataset.athlete(AINO);
    expect(aino?.dailyActivity(daily.date, { steps: false, activityZones: false, inactivityStamps: false })).not.toBeNull();
    if (exercise.kind !== "exercise") throw new Error("expected an exercise");
    expect(aino?.exerciseByHash(exercise.hashedId, { samples: false, zones: true, route: false })?.id).toBe(exercise.hashedId);
    expect(() => dataset.uploadNow(1, late, { activity: true })).toThrow();
  });
});
