import { describe, expect, it } from "vitest";
import type { JsonObject, SimAthleteData, SimUpload } from "@/lib/polar-sim/contract";
import { asObject, athleteByLogin, createDefaultDataset, localToUtcMs, parseIsoDuration } from "./fixtures";

const LINK = { apiBaseUrl: "http://127.0.0.1:4100", transactionId: 3390112 };
const dataset = createDefaultDataset(42);

type ExerciseUpload = Extract<SimUpload, { kind: "exercise" }>;

function exercisesBetween(athlete: SimAthleteData, from: string, to: string): ExerciseUpload[] {
  return athlete
    .uploadsBetween(Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`))
    .filter((upload): upload is ExerciseUpload => upload.kind === "exercise");
}

function render(athlete: SimAthleteData, id: number): JsonObject {
  const exercise = athlete.exercise(id, LINK);
  if (!exercise) throw new Error(`exercise ${id} missing`);
  return exercise;
}

describe("exercise rendering", () => {
  it("has five Polar zones at 50..100 % HRmax whose in-zone durations sum to the session duration", () => {
    let checked = 0;
    for (const login of ["aino", "jordan", "maria"]) {
      const athlete = athleteByLogin(dataset, login);
      for (const upload of exercisesBetween(athlete, "2026-02-01", "2026-02-22")) {
        const duration = parseIsoDuration(render(athlete, upload.id).duration);
        const zones = athlete.exerciseHeartRateZones(upload.id, LINK)?.zone as JsonObject[];
        expect(zones.map((zone) => zone.index)).toEqual([1, 2, 3, 4, 5]);
        const total = zones.reduce((sum, zone) => sum + parseIsoDuration(zone["in-zone"]), 0);
        expect(total).toBe(duration);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    const aino = athleteByLogin(dataset, "aino");
    const first = exercisesBetween(aino, "2026-02-01", "2026-02-08")[0];
    const limits = (aino.exerciseHeartRateZones(first.id, LINK)?.zone as JsonObject[]).map((zone) => [
      zone["lower-limit"],
      zone["upper-limit"],
    ]);
    // HRmax 190: 95, 114, 133, 152, 171, 190; neighbouring zones share their limit.
    expect(limits).toEqual([[95, 114], [114, 133], [133, 152], [152, 171], [171, 190]]);
  });

  it("has duration / recording-rate values per 1 Hz series and RR intervals with recording-rate null", () => {
    let rrSeen = 0;
    let rrMissing = 0;
    let hrGaps = 0;
    for (const login of ["jordan", "mikko"]) {
      const athlete = athleteByLogin(dataset, login);
      for (const upload of exercisesBetween(athlete, "2026-01-12", "2026-03-01")) {
        const duration = parseIsoDuration(render(athlete, upload.id).duration);
        const list = athlete.exerciseSampleList(upload.id, LINK)?.samples as string[];
        expect(list.length).toBeGreaterThan(0);
        for (const url of list) {
          expect(url.startsWith(`http://127.0.0.1:4100/v3/users/${athlete.profile.userId}/exercise-transactions/3390112/exercises/${upload.id}/samples/`)).toBe(true);
          const type = url.slice(url.lastIndexOf("/") + 1);
          const sample = asObject(athlete.exerciseSample(upload.id, type, LINK));
          expect(sample["sample-type"]).toBe(type);
          const values = String(sample.data).split(",");
          if (type === "11") {
            rrSeen++;
            expect(sample["recording-rate"]).toBeNull();
            rrMissing += values.filter((value) => value === "").length;
            const valid = values.filter((value) => value !== "").map(Number);
            // RR values are beat spacings (ms) consistent with exercise heart rates.
            expect(Math.min(...valid)).toBeGreaterThan(60_000 / 200);
            expect(Math.max(...valid)).toBeLessThan(60_000 / 40);
          } else {
            expect(sample["recording-rate"]).toBe(1);
            expect(values.length).toBe(duration / 1);
            if (type === "0") hrGaps += values.filter((value) => value === "").length > 0 ? 1 : 0;
          }
        }
      }
    }
    expect(rrSeen).toBeGreaterThan(5);
    expect(rrMissing).toBeGreaterThan(0);
    expect(hrGaps).toBeGreaterThan(0);
  });

  it("gives the cyclist power and cadence, runners speed/altitude/distance, and never an unknown type", () => {
    const jordan = athleteByLogin(dataset, "jordan");
    const rides = exercisesBetween(jordan, "2026-02-01", "2026-03-01").filter(
      (upload) => render(jordan, upload.id).sport === "CYCLING",
    );
    expect(rides.length).toBeGreaterThan(8);
    for (const ride of rides) {
      const types = (jordan.exerciseSampleList(ride.id, LINK)?.samples as string[]).map((url) => url.split("/").pop());
      expect(types).toEqual(expect.arrayContaining(["0", "2", "4"]));
      const power = String(jordan.exerciseSample(ride.id, "4", LINK)?.data).split(",").map(Number);
      expect(power.reduce((a, b) => a + b, 0) / power.length).toBeGreaterThan(120);
      const tlp = asObject(render(jordan, ride.id)["training-load-pro"]);
      expect(tlp["muscle-load"]).toBeGreaterThan(0);
    }
    const aino = athleteByLogin(dataset, "aino");
    const run = exercisesBetween(aino, "2026-02-01", "2026-02-08").find((upload) => render(aino, upload.id).sport === "RUNNING");
    if (!run) throw new Error("no run");
    const types = (aino.exerciseSampleList(run.id, LINK)?.samples as string[]).map((url) => url.split("/").pop());
    expect(types).toEqual(expect.arrayContaining(["0", "1", "3", "10"]));
    expect(types).not.toContain("4");
    expect(aino.exerciseSample(run.id, "4", LINK)).toBeNull();
    expect(aino.exercise(1, LINK)).toBeNull();
    expect(aino.exerciseByHash("zzzzzzz", { samples: false, zones: false, route: false })).toBeNull();
  });

  it("writes start-time as local time without offset plus a separate offset (UTC = local - offset)", () => {
    const aino = athleteByLogin(dataset, "aino");
    for (const upload of exercisesBetween(aino, "2026-02-01", "2026-02-15")) {
      const exercise = render(aino, upload.id);
      expect(exercise["start-time"]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect(exercise["start-time-utc-offset"]).toBe(180);
      const endUtc = localToUtcMs(String(exercise["start-time"]), 180) + parseIsoDuration(exercise.duration) * 1000;
      const lag = Date.parse(String(exercise["upload-time"])) - endUtc;
      // The watch uploads 3-46 minutes after the session ends; a doubly applied offset would be hours off.
      expect(lag).toBeGreaterThanOrEqual(3 * 60_000);
      expect(lag).toBeLessThan(46 * 60_000);
      expect(lag).toBe(upload.uploadedAt - endUtc);
      expect(String(exercise["start-time"]).slice(0, 10)).toBe(upload.date);
    }
  });

  it("switches the cyclist's offset from -300 to -240 at the March DST change and back in November", () => {
    const jordan = athleteByLogin(dataset, "jordan");
    const dst = jordan.profile.episodes.filter((episode) => episode.kind === "dst-change");
    expect(dst.map((episode) => episode.from)).toEqual(["2026-03-08", "2026-11-01"]);
    const offsets = (from: string, to: string) =>
      new Set(exercisesBetween(jordan, from, to).map((upload) => render(jordan, upload.id)["start-time-utc-offset"]));
    expect(offsets("2026-02-20", "2026-03-08")).toEqual(new Set([-300]));
    expect(offsets("2026-03-08", "2026-03-25")).toEqual(new Set([-240]));
    expect(offsets("2026-11-02", "2026-11-20")).toEqual(new Set([-300]));
    expect(jordan.profile.utcOffsetMinutes).toBe(-300);
  });

  it("renders the hashed-id exercise in snake_case with its kebab-case stragglers", () => {
    const aino = athleteByLogin(dataset, "aino");
    const run = exercisesBetween(aino, "2026-02-01", "2026-02-08").find((upload) => render(aino, upload.id).sport === "RUNNING");
    if (!run) throw new Error("no run");
    expect(run.hashedId).toMatch(/^[0-9A-Za-z]{7}$/);
    const bare = asObject(aino.exerciseByHash(run.hashedId, { samples: false, zones: false, route: false }));
    expect(bare.id).toBe(run.hashedId);
    expect(Object.keys(bare)).toEqual(expect.arrayContaining(["upload_time", "start_time", "start_time_utc_offset", "heart_rate", "has_route", "detailed_sport_info", "running-index", "training_load_pro"]));
    expect(bare).not.toHaveProperty("samples");
    expect(bare).not.toHaveProperty("heart_rate_zones");
    expect(bare).not.toHaveProperty("route");
    expect(asObject(bare.training_load_pro)).toHaveProperty("cardio-load");
    const full = asObject(aino.exerciseByHash(run.hashedId, { samples: true, zones: true, route: true }));
    const zones = full.heart_rate_zones as JsonObject[];
    expect(zones[0]).toHaveProperty("in-zone");
    const samples = full.samples as JsonObject[];
    expect(samples[0]).toHaveProperty("recording-rate");
    const route = full.route as JsonObject[];
    expect(route.length).toBe(parseIsoDuration(full.duration));
    expect(route[0].time).toBe("PT0S");
    const transactional = render(aino, run.id);
    expect(full.start_time).toBe(transactional["start-time"]);
    expect(full.heart_rate).toEqual(transactional["heart-rate"]);
  });

  it("derives cardio load from the HR series (harder sessions load more) and serves files", () => {
    const aino = athleteByLogin(dataset, "aino");
    const sessions = exercisesBetween(aino, "2026-02-01", "2026-03-01").map((upload) => render(aino, upload.id));
    const load = (e: JsonObject) => Number(asObject(e["training-load-pro"])["cardio-load"]);
    const perMinute = (e: JsonObject) => load(e) / (parseIsoDuration(e.duration) / 60);
    const byHr = [...sessions].sort((a, b) => Number(asObject(a["heart-rate"]).average) - Number(asObject(b["heart-rate"]).average));
    expect(perMinute(byHr[byHr.length - 1])).toBeGreaterThan(perMinute(byHr[0]) * 1.5);
    const first = exercisesBetween(aino, "2026-02-01", "2026-02-08")[0];
    const fit = aino.exerciseFile(first.id, "fit");
    expect(fit?.body.subarray(8, 12).toString("ascii")).toBe(".FIT");
    expect(aino.exerciseFile(first.id, "tcx")?.contentType).toBe("application/vnd.garmin.tcx+xml");
    expect(aino.exerciseFileByHash(first.hashedId, "tcx")?.body.toString("utf8")).toContain("<TrainingCenterDatabase");
  });
});
