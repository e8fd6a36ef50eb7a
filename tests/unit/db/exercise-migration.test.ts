import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";

/**
 * Migration 0004 rebuilds `exercise` (create, copy, DROP, rename) to make the transactional id optional. With
 * foreign keys on, that DROP would cascade into every stored sample and zone; 0005 puts back the triggers
 * the DROP removed. An athlete's existing database must come through with every row and trigger.
 */

const MIGRATIONS = path.join(process.cwd(), "drizzle");
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of drizzle/ whose journal stops after `count` migrations: the database as an older release left it. */
function copyMigrationsUpTo(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thr-migrations-"));
  dirs.push(dir);
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const journalPath = path.join(dir, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  fs.writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

function tempDbPath(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "thr-db-"));
  dirs.push(dir);
  return path.join(dir, "test.db");
}

describe("exercise rebuild migration", () => {
  it("keeps every exercise, sample and zone, and the data-version triggers", () => {
    const file = tempDbPath();
    const old = openDatabase(file, { migrationsFolder: copyMigrationsUpTo(3) });
    const client = old.$client;
    client.prepare("INSERT INTO user (id, name, created_at) VALUES ('a1', 'Aino', 1)").run();
    client
      .prepare(
        `INSERT INTO exercise (athlete_id, polar_exercise_id, start_time_local, utc_offset_minutes, start_utc_ms, local_date,
           duration_seconds, sport, endpoint, fetched_at, raw_json, device_id)
         VALUES ('a1', 8127301450, '2024-05-02T18:05:00', 180, 1714662300000, '2024-05-02', 3765, 'RUNNING', 'u', 1, '{}', 'A4C2E91F')`,
      )
      .run();
    const exerciseId = Number(client.prepare("SELECT id FROM exercise").pluck().get());
    client
      .prepare(
        `INSERT INTO exercise_sample (athlete_id, exercise_id, sample_type, recording_rate, sample_count, packed_values, endpoint, fetched_at)
         VALUES ('a1', ?, 0, 1, 3, '97,99,102', 'u', 1)`,
      )
      .run(exerciseId);
    client
      .prepare(
        `INSERT INTO exercise_hr_zone (athlete_id, exercise_id, zone_index, lower_limit, upper_limit, in_zone_seconds, endpoint, fetched_at, raw_json)
         VALUES ('a1', ?, 1, 95, 114, 230, 'u', 1, '{}')`,
      )
      .run(exerciseId);
    client.close();

    const db = openDatabase(file);
    const sqlite = db.$client;
    expect(sqlite.prepare("SELECT id, polar_exercise_id, polar_hashed_id FROM exercise").all()).toEqual([
      { id: exerciseId, polar_exercise_id: 8127301450, polar_hashed_id: null },
    ]);
    expect(sqlite.prepare("SELECT exercise_id, packed_values FROM exercise_sample").all()).toEqual([{ exercise_id: exerciseId, packed_values: "97,99,102" }]);
    expect(sqlite.prepare("SELECT exercise_id, zone_index FROM exercise_hr_zone").all()).toEqual([{ exercise_id: exerciseId, zone_index: 1 }]);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'exercise' ORDER BY name").pluck().all();
    expect(triggers).toEqual(["exercise_data_version_delete", "exercise_data_version_insert", "exercise_data_version_update"]);

    // The rebuilt table still cascades, and still bumps the athlete's data version on writes.
    const versionBefore = Number(sqlite.prepare("SELECT version FROM athlete_data_version WHERE athlete_id = 'a1'").pluck().get() ?? 0);
    sqlite.prepare("UPDATE exercise SET polar_hashed_id = 'bN7xQ2a'").run();
    expect(Number(sqlite.prepare("SELECT version FROM athlete_data_version WHERE athlete_id = 'a1'").pluck().get())).toBe(versionBefore + 1);
    sqlite.prepare("DELETE FROM exercise").run();
    expect(sqlite.prepare("SELECT COUNT(*) FROM exercise_sample").pluck().get()).toBe(0);
    sqlite.close();
  });
});
