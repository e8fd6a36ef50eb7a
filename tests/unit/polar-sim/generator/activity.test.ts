import { describe, expect, it } from "vitest";
import type { JsonObject, SimUpload } from "@/lib/polar-sim/contract";
import { asObject, athleteByLogin, createDefaultDataset, dateOf, localToUtcMs, parseIsoDuration } from "./fixtures";

const dataset = createDefaultDataset(42);
const LINK = { apiBaseUrl: "http://127.0.0.1:4100", transactionId: 3390140 };
const ALL_SAMPLES = { steps: true, activityZones: true, inactivityStamps: true };

describe("daily activity", () => {
  it("renders the transactional summary with steps and zones consistent with it", () => {
    const aino = athleteByLogin(dataset, "aino");
    const summaries = aino
      .uploadsBetween(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 15))
      .filter((upload): upload is Extract<SimUpload, { kind: "activity-summary" }> => upload.kind === "activity-summary");
    expect(summaries.length).toBeGreaterThanOrEqual(14);
    for (const upload of summaries) {
      const summary = asObject(aino.activitySummary(upload.id, LINK));
      expect(Object.keys(summary)).toEqual(["id", "polar-user", "transaction-id", "date", "created", "calories", "active-calories", "duration", "active-steps"]);
      expect(summary["polar-user"]).toBe("http://127.0.0.1:4100/v3/users/48213977");
      expect(summary["transaction-id"]).toBe(3390140);
      expect(summary.created).toBe(new Date(upload.uploadedAt).toISOString());
      const steps = aino.activityStepSamples(upload.id, LINK);
      expect(steps?.interval).toBe(60);
      const stepSamples = steps?.samples as JsonObject[];
      expect(stepSamples.map((sample) => sample.time)).toEqual(
        Array.from({ length: 24 }, (_, hour) => `${String(hour).padStart(2, "0")}:00:00.000`),
      );
      const total = stepSamples.reduce((sum, sample) => sum + Number(sample.steps ?? 0), 0);
      expect(total).toBe(summary["active-steps"]);
      const zones = aino.activityZoneSamples(upload.id, LINK)?.samples as JsonObject[];
      const fullHours = zones.slice(0, -1);
      for (const hour of fullHours) {
        const seconds = (hour["activity-zones"] as JsonObject[]).reduce((sum, zone) => sum + parseIsoDuration(zone.inzone), 0);
        expect(seconds).toBe(3600);
      }
      expect(Number(summary.calories)).toBeGreaterThan(Number(summary["active-calories"]));
    }
  });

  it("renders the non-transactional day with only the requested sample keys", () => {
    const aino = athleteByLogin(dataset, "aino");
    const date = dateOf(70);
    const bare = asObject(aino.dailyActivity(date, { steps: false, activityZones: false, inactivityStamps: false }));
    expect(bare).not.toHaveProperty("samples");
    expect(bare.end_time).toBe(`${date}T23:59:59`);
    expect(String(bare.start_time)).toMatch(new RegExp(`^${date}T\\d{2}:\\d{2}:\\d{2}$`));
    const onlySteps = asObject(aino.dailyActivity(date, { steps: true, activityZones: false, inactivityStamps: false }));
    expect(Object.keys(asObject(onlySteps.samples))).toEqual(["date", "steps"]);
    const full = asObject(aino.dailyActivity(date, ALL_SAMPLES));
    const samples = asObject(full.samples);
    const steps = asObject(samples.steps);
    expect(steps.interval_ms).toBe(60000);
    expect(steps.total_steps).toBe(full.steps);
    const stepList = steps.samples as JsonObject[];
    expect(stepList.reduce((sum, sample) => sum + Number(sample.steps), 0)).toBeLessThanOrEqual(Number(full.steps));
    for (let i = 1; i < stepList.length; i++) expect(stepList[i].steps).not.toBe(stepList[i - 1].steps);
    expect(String(stepList[0].timestamp)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const zoneList = asObject(samples.activity_zones).samples as JsonObject[];
    expect(zoneList[0]).toEqual({ zone: "SLEEP", timestamp: `${date}T00:00:00` });
    for (const sample of zoneList) expect(["SLEEP", "SEDENTARY", "LIGHT", "MODERATE", "VIGOROUS"]).toContain(sample.zone);
    expect((samples.inactivity_stamps as JsonObject[]).length).toBe(full.inactivity_alert_count);
    expect(aino.dailyActivitySamples(date)).toEqual(samples);
    expect(aino.dailyActivity(dateOf(400), ALL_SAMPLES)).toBeNull();
  });

  it("records 24/7 HR about every five minutes, never during a training session", () => {
    const aino = athleteByLogin(dataset, "aino");
    let checkedSessions = 0;
    for (let day = 40; day < 54; day++) {
      const date = dateOf(day);
      const chr = asObject(aino.continuousHeartRate(date));
      expect(chr.date).toBe(date);
      const samples = chr.heart_rate_samples as JsonObject[];
      const times = samples.map((sample) => localToUtcMs(`${date}T${String(sample.sample_time)}`, 180));
      expect(samples.length).toBeGreaterThan(200);
      const gaps = times.slice(1).map((t, i) => (t - times[i]) / 1000);
      expect(gaps.filter((gap) => gap >= 288 && gap <= 320).length / gaps.length).toBeGreaterThan(0.85);
      expect(new Set(gaps).size).toBeGreaterThan(5);
      const from = localToUtcMs(`${date}T00:00:00`, 180);
      for (const upload of aino.uploadsBetween(from, from + 86_400_000 + 3_600_000)) {
        if (upload.kind !== "exercise" || upload.date !== date) continue;
        const exercise = asObject(aino.exercise(upload.id, LINK));
        const start = localToUtcMs(String(exercise["start-time"]), 180);
        const end = start + parseIsoDuration(exercise.duration) * 1000;
        expect(times.filter((t) => t >= start && t < end)).toEqual([]);
        checkedSessions++;
      }
    }
    expect(checkedSessions).toBeGreaterThan(6);
  });

  it("renders physical information in both generations of naming", () => {
    const aino = athleteByLogin(dataset, "aino");
    const entries = aino
      .uploadsBetween(0, Date.UTC(2028, 0, 1))
      .filter((upload): upload is Extract<SimUpload, { kind: "physical-info" }> => upload.kind === "physical-info");
    expect(entries.length).toBeGreaterThan(8);
    expect(entries[0].date).toBe("2026-01-05");
    const transactional = asObject(aino.physicalInfo(entries[2].id, { apiBaseUrl: "http://x", transactionId: 5 }));
    expect(Object.keys(transactional)).toEqual(
      expect.arrayContaining(["id", "transaction-id", "created", "polar-user", "weight", "height", "maximum-heart-rate", "resting-heart-rate", "aerobic-threshold", "anaerobic-threshold", "vo2-max", "weight-source"]),
    );
    const current = asObject(aino.physicalInfoCurrent(entries[2].uploadedAt));
    expect(current.weight).toBe(transactional.weight);
    expect(current.vo2_max).toBe(transactional["vo2-max"]);
    expect(current.sleep_goal).toBe("PT8H");
    expect(current.birthday).toBe("1992-03-14");
    expect(current.created).toBe(new Date(entries[0].uploadedAt).toISOString().replace(".000Z", "Z"));
    expect(current.modified).toBe(new Date(entries[2].uploadedAt).toISOString().replace(".000Z", "Z"));
    expect(aino.physicalInfoCurrent(entries[0].uploadedAt - 1)).toBeNull();
  });
});
