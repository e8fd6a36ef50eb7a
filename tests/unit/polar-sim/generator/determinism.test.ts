import { describe, expect, it } from "vitest";
import type { SimDataset } from "@/lib/polar-sim/contract";
import { createDefaultDataset, dateOf } from "./fixtures";

const LINK = { apiBaseUrl: "http://127.0.0.1:4100", transactionId: 3390112 };

/** Renders a broad slice of every athlete's data as one string. */
function snapshot(dataset: SimDataset, days: number[]): string {
  const parts: unknown[] = [];
  for (const athlete of dataset.athletes) {
    parts.push(athlete.profile);
    for (const day of days) {
      const date = dateOf(day);
      const from = Date.UTC(2026, 0, 5 + day) - 86_400_000;
      const uploads = athlete.uploadsBetween(from, from + 2 * 86_400_000);
      parts.push(uploads);
      for (const upload of uploads) {
        if (upload.kind === "exercise") {
          parts.push(athlete.exercise(upload.id, LINK), athlete.exerciseHeartRateZones(upload.id, LINK));
          parts.push(athlete.exerciseSampleList(upload.id, LINK), athlete.exerciseSample(upload.id, "0", LINK));
          parts.push(athlete.exerciseByHash(upload.hashedId, { samples: true, zones: true, route: true }));
          parts.push(athlete.exerciseFile(upload.id, "fit")?.body.toString("base64"));
        }
        if (upload.kind === "activity-summary") {
          parts.push(athlete.activitySummary(upload.id, LINK), athlete.activityStepSamples(upload.id, LINK));
          parts.push(athlete.activityZoneSamples(upload.id, LINK));
        }
        if (upload.kind === "physical-info") parts.push(athlete.physicalInfo(upload.id, LINK));
      }
      parts.push(athlete.sleep(date), athlete.nightlyRecharge(date), athlete.continuousHeartRate(date));
      parts.push(athlete.cardioLoad(date, { omitPlaceholderNumbers: false }));
      parts.push(athlete.dailyActivity(date, { steps: true, activityZones: true, inactivityStamps: true }));
      parts.push(athlete.physicalInfoCurrent(Date.UTC(2026, 0, 5 + day, 12)));
    }
  }
  return JSON.stringify(parts);
}

describe("generator determinism", () => {
  it("renders byte-identical JSON for the same seed and options", () => {
    const a = snapshot(createDefaultDataset(42), [3, 120, 395]);
    const b = snapshot(createDefaultDataset(42), [3, 120, 395]);
    expect(a.length).toBeGreaterThan(100_000);
    expect(a).toBe(b);
  });

  it("does not depend on the order in which days are generated", () => {
    const forward = createDefaultDataset(42);
    const backward = createDefaultDataset(42);
    snapshot(backward, [395]);
    expect(snapshot(backward, [3, 120])).toBe(snapshot(forward, [3, 120]));
  });

  it("renders different data for a different seed", () => {
    const a = createDefaultDataset(42).athletes[0];
    const b = createDefaultDataset(43).athletes[0];
    const window = [Date.UTC(2026, 1, 1), Date.UTC(2026, 2, 1)] as const;
    expect(JSON.stringify(a.uploadsBetween(...window))).not.toBe(JSON.stringify(b.uploadsBetween(...window)));
    expect(JSON.stringify(a.sleep("2026-02-10"))).not.toBe(JSON.stringify(b.sleep("2026-02-10")));
  });

  it("keeps the roster (user ids, logins) independent of the seed", () => {
    const ids = (dataset: SimDataset) => dataset.athletes.map((athlete) => [athlete.profile.userId, athlete.profile.login]);
    expect(ids(createDefaultDataset(1))).toEqual(ids(createDefaultDataset(2)));
  });
});
